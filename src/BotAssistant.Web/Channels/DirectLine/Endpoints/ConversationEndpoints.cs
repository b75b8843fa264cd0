using System.Security.Cryptography;
using System.Text.Json;
using BotAssistant.Bot.Schema;
using BotAssistant.Web.Channels.DirectLine.Conversations;
using BotAssistant.Web.Channels.DirectLine.Tokens;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Channels.DirectLine.Endpoints;

/// <summary>Tokens and conversations: tokens/generate, tokens/refresh, POST conversations, GET conversations/{id}.</summary>
internal static class ConversationEndpoints
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/tokens/generate", GenerateAsync);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
    }

    public static string NewConversationId() => RandomNumberGenerator.GetString(IdAlphabet, 22);

    public static string NewUserId() => "dl_" + RandomNumberGenerator.GetString(IdAlphabet, 16);

    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/v3/directline";

    private static async Task<IResult> GenerateAsync(
        HttpContext http, DirectLineTokens tokens, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        if (DirectLineAuth.Authenticate(http, tokens, out var failure) is not { } caller)
        {
            return failure!;
        }

        if (!caller.HasSecret)
        {
            return DirectLineErrors.Forbidden("tokens/generate needs the secret, not a token.");
        }

        var (start, error) = await ReadStartAsync(http.Request, options.Value.MaxRequestBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var conversationId = NewConversationId();
        var token = tokens.Issue(conversationId, start?.User?.Id);
        return Results.Json(new ConversationResponse(conversationId, token, Seconds(tokens), null));
    }

    private static IResult Refresh(HttpContext http, DirectLineTokens tokens)
    {
        if (DirectLineAuth.Authenticate(http, tokens, out var failure) is not { } caller)
        {
            return failure!;
        }

        if (caller.Token is not { } claims)
        {
            return DirectLineErrors.BadArgument("tokens/refresh takes a token; the secret does not expire.");
        }

        return Results.Json(new ConversationResponse(claims.ConversationId, tokens.Issue(claims.ConversationId, claims.UserId), Seconds(tokens), null));
    }

    private static async Task<IResult> StartAsync(
        HttpContext http, DirectLineTokens tokens, IConversationLog log, DirectLineTurns turns, IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        if (DirectLineAuth.Authenticate(http, tokens, out var failure) is not { } caller)
        {
            return failure!;
        }

        var (start, error) = await ReadStartAsync(http.Request, options.Value.MaxRequestBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var conversationId = caller.Token?.ConversationId ?? NewConversationId();
        var userId = caller.Token?.UserId ?? start?.User?.Id;
        var created = await log.EnsureAsync(conversationId, cancellationToken);
        if (created)
        {
            var user = userId is null ? null : new ChannelAccount(userId, start?.User?.Name);
            await turns.StartAsync(conversationId, user, start?.Locale, ServiceUrl(http.Request), cancellationToken);
        }

        var token = tokens.Issue(conversationId, userId);
        var body = new ConversationResponse(conversationId, token, Seconds(tokens), StreamUrl(http.Request, conversationId, token, null));
        return Results.Json(body, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ReconnectAsync(
        HttpContext http, string conversationId, string? watermark, DirectLineTokens tokens, IConversationLog log, CancellationToken cancellationToken)
    {
        if (DirectLineAuth.Authenticate(http, tokens, out var failure) is not { } caller)
        {
            return failure!;
        }

        if (!caller.MayUse(conversationId))
        {
            return DirectLineErrors.Forbidden("The token is for another conversation.");
        }

        if (!IsValidId(conversationId) || !await log.ExistsAsync(conversationId, cancellationToken))
        {
            return DirectLineErrors.NotFound("The conversation does not exist or has ended.");
        }

        var token = tokens.Issue(conversationId, caller.Token?.UserId);
        return Results.Json(new ConversationResponse(
            conversationId, token, Seconds(tokens), StreamUrl(http.Request, conversationId, token, watermark)));
    }

    private static string StreamUrl(HttpRequest request, string conversationId, string token, string? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var query = QueryString.Create(new Dictionary<string, string?> { ["watermark"] = watermark ?? "", ["t"] = token });
        return $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{conversationId}/stream{query}";
    }

    private static int Seconds(DirectLineTokens tokens) => (int)tokens.Lifetime.TotalSeconds;

    private static async Task<(StartRequest? Start, IResult? Error)> ReadStartAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return (null, DirectLineErrors.TooLarge(limit));
        }

        if (body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<StartRequest>(body, BotJson.Options), null);
        }
        catch (JsonException)
        {
            return (null, DirectLineErrors.BadArgument("The body must be JSON like {\"user\": {\"id\": \"...\"}, \"locale\": \"zh-CN\"}."));
        }
    }
}
