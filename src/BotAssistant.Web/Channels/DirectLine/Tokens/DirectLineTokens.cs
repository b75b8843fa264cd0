using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Channels.DirectLine.Tokens;

/// <summary>What a valid token grants: one conversation, optionally pinned to one user.</summary>
public sealed record TokenClaims(string ConversationId, string? UserId, DateTimeOffset ExpiresAt);

/// <summary>
/// Stateless conversation tokens: a JWT (HS256) signed with a key derived from the secret, so any instance holding
/// the same secret can check them and no token table is needed. JWT shape because botframework-directlinejs reads
/// the "user" claim from the token.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "botassistant/directline";
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");
    private readonly byte[] _secret;
    private readonly byte[] _signingKey;
    private readonly TimeProvider _timeProvider;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = options.Value.Secret;
        _secret = string.IsNullOrEmpty(secret) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(secret);
        // A derived key, so a leaked token signature says nothing about the secret that authenticates servers.
        _signingKey = HMACSHA256.HashData(_secret, "BotAssistant.DirectLine.TokenSigning.v1"u8);
        Lifetime = options.Value.TokenLifetime;
        _timeProvider = timeProvider;
    }

    public TimeSpan Lifetime { get; }

    public bool IsSecret(string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _secret);

    public string Issue(string conversationId, string? userId)
    {
        var now = _timeProvider.GetUtcNow();
        var payload = new Payload(Issuer, conversationId, userId, now.ToUnixTimeSeconds(), (now + Lifetime).ToUnixTimeSeconds());
        var signingInput = $"{Base64Url(Header)}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        return $"{signingInput}.{Base64Url(HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes(signingInput)))}";
    }

    /// <summary>The claims, or null with the reason when the token is malformed, forged or expired.</summary>
    public TokenClaims? Validate(string token, out string reason)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        if (parts.Length != 3 || token.Length > 4096)
        {
            reason = "The token is malformed.";
            return null;
        }

        var expected = HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        if (FromBase64Url(parts[2]) is not { } signature || !CryptographicOperations.FixedTimeEquals(signature, expected))
        {
            reason = "The token signature is not valid.";
            return null;
        }

        var payload = FromBase64Url(parts[1]) is { } bytes ? ReadPayload(bytes) : null;
        if (payload is not { Iss: Issuer, Conv: { Length: > 0 } } claims)
        {
            reason = "The token is malformed.";
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.Exp);
        if (expires <= _timeProvider.GetUtcNow())
        {
            reason = "The token has expired.";
            return null;
        }

        reason = "";
        return new TokenClaims(claims.Conv, claims.User, expires);
    }

    private static Payload? ReadPayload(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<Payload>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed record Payload(
        [property: JsonPropertyName("iss")] string Iss,
        [property: JsonPropertyName("conv")] string Conv,
        [property: JsonPropertyName("user"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? User,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("exp")] long Exp);
}
