using System.Globalization;
using System.Security.Cryptography;
using BotAssistant.Web.Channels.WeChat.Crypto;
using BotAssistant.Web.Channels.WeChat.Messages;
using BotAssistant.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Channels.WeChat.Endpoints;

/// <summary>
/// The server URL WeChat calls: GET to verify the URL, POST for each message. Every request is signed; a bad
/// signature is 403 and malformed input a 4xx, never an exception page.
/// </summary>
internal static partial class WeChatEndpoints
{
    private const string Success = "success";

    public static void Map(IEndpointRouteBuilder app, string path, Func<IServiceProvider, WeChatProfile?> profile)
    {
        app.MapGet(path, (HttpContext http) => Verify(http, profile(http.RequestServices)));
        app.MapPost(path, (HttpContext http, WeChatTurns turns, IOptions<WeChatOptions> options, TimeProvider time, ILogger<WeChatTurns> logger, CancellationToken ct) =>
            ReceiveAsync(http, profile(http.RequestServices), turns, options.Value, time, logger, ct));
    }

    /// <summary>URL verification: the 公众号 signs (token, timestamp, nonce) and wants echostr back; 企业微信 also encrypts echostr.</summary>
    private static IResult Verify(HttpContext http, WeChatProfile? profile)
    {
        if (profile is null)
        {
            return NotConfigured();
        }

        var query = http.Request.Query;
        string timestamp = query["timestamp"].ToString(), nonce = query["nonce"].ToString(), echo = query["echostr"].ToString();
        if (timestamp.Length == 0 || nonce.Length == 0 || echo.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "timestamp, nonce and echostr are required.");
        }

        if (!profile.AlwaysEncrypted)
        {
            return WeChatCrypto.Verify(query["signature"], profile.Token, timestamp, nonce) ? Text(200, echo) : BadSignature();
        }

        if (!WeChatCrypto.Verify(query["msg_signature"], profile.Token, timestamp, nonce, echo))
        {
            return BadSignature();
        }

        return profile.Crypto!.Decrypt(echo, out var reason) is { } plain ? Text(200, plain) : Problem(StatusCodes.Status400BadRequest, reason);
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, WeChatProfile? profile, WeChatTurns turns, WeChatOptions options, TimeProvider time, ILogger logger,
        CancellationToken cancellationToken)
    {
        if (profile is null)
        {
            return NotConfigured();
        }

        var query = http.Request.Query;
        string timestamp = query["timestamp"].ToString(), nonce = query["nonce"].ToString();
        var encrypted = profile.AlwaysEncrypted || string.Equals(query["encrypt_type"], "aes", StringComparison.OrdinalIgnoreCase);
        if (!profile.AlwaysEncrypted && !WeChatCrypto.Verify(query["signature"], profile.Token, timestamp, nonce))
        {
            return BadSignature();
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || nonce.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "timestamp and nonce are required.");
        }

        if (options.MaxClockSkewSeconds > 0 && Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > options.MaxClockSkewSeconds)
        {
            return Problem(StatusCodes.Status403Forbidden, "The timestamp is too far from now; replays are refused.");
        }

        if (await RequestBody.ReadAsync(http.Request, options.MaxRequestBytes, cancellationToken) is not { } body)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {options.MaxRequestBytes} bytes.");
        }

        var (message, failure) = Open(body, profile, encrypted, query["msg_signature"], timestamp, nonce, logger);
        if (failure is not null)
        {
            return failure;
        }

        if (string.IsNullOrEmpty(message!.FromUserName) || string.IsNullOrEmpty(message.MsgType))
        {
            return Problem(StatusCodes.Status400BadRequest, "FromUserName and MsgType are required.");
        }

        string? reply;
        try
        {
            reply = await turns.ReplyAsync(profile, message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Saying nothing beats an error page: WeChat shows users "该公众号暂时无法提供服务" for 5xx answers.
            Log.Failed(logger, ex, profile.ChannelId);
            reply = null;
        }

        if (reply is null)
        {
            return Text(200, Success);
        }

        var xml = WeChatXml.TextReply(message.FromUserName, message.ToUserName ?? "", time.GetUtcNow(), reply);
        return encrypted ? Xml(Seal(profile.Crypto!, profile.Token, xml, time)) : Xml(xml);
    }

    /// <summary>The inner message, checking msg_signature and decrypting in safe mode.</summary>
    private static (WeChatMessage? Message, IResult? Failure) Open(
        byte[] body, WeChatProfile profile, bool encrypted, string? msgSignature, string timestamp, string nonce, ILogger logger)
    {
        if (WeChatXml.Parse(body, out var reason, out var error) is not { } outer)
        {
            Log.BadXml(logger, error, profile.ChannelId, reason);
            return (null, Problem(StatusCodes.Status400BadRequest, reason));
        }

        if (!encrypted)
        {
            return (outer, null);
        }

        if (profile.Crypto is null)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Encrypted messages need WeChat:EncodingAESKey and WeChat:AppId."));
        }

        if (outer.Encrypt is not { Length: > 0 } cipher)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "The encrypted message has no <Encrypt>."));
        }

        if (!WeChatCrypto.Verify(msgSignature, profile.Token, timestamp, nonce, cipher))
        {
            return (null, BadSignature());
        }

        if (profile.Crypto.Decrypt(cipher, out reason) is not { } plain)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, reason));
        }

        if (WeChatXml.Parse(System.Text.Encoding.UTF8.GetBytes(plain), out reason, out error) is not { } inner)
        {
            Log.BadXml(logger, error, profile.ChannelId, reason);
            return (null, Problem(StatusCodes.Status400BadRequest, reason));
        }

        return (inner, null);
    }

    private static string Seal(WeChatCrypto crypto, string token, string xml, TimeProvider time)
    {
        var encrypted = crypto.Encrypt(xml);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        return WeChatXml.EncryptedReply(encrypted, WeChatCrypto.Sign(token, timestamp, nonce, encrypted), timestamp, nonce);
    }

    private static IResult BadSignature() => Problem(StatusCodes.Status403Forbidden, "The signature is not valid.");

    private static IResult NotConfigured() => Problem(StatusCodes.Status404NotFound, "This WeChat channel is not configured.");

    private static IResult Text(int status, string text) => Results.Text(text, "text/plain; charset=utf-8", statusCode: status);

    private static IResult Problem(int status, string detail) => Problems.Of(status, detail);

    private static IResult Xml(string xml) => Results.Text(xml, "application/xml; charset=utf-8");

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "{ChannelId} message could not be answered")]
        public static partial void Failed(ILogger logger, Exception exception, string channelId);

        [LoggerMessage(2, LogLevel.Information, "{ChannelId} body refused: {Reason}")]
        public static partial void BadXml(ILogger logger, Exception? exception, string channelId, string reason);
    }
}
