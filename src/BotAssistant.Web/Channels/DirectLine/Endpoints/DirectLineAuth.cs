using BotAssistant.Web.Channels.DirectLine.Tokens;
using BotAssistant.Web.Hosting;

namespace BotAssistant.Web.Channels.DirectLine.Endpoints;

/// <summary>Who is calling: the secret holder (any conversation) or a token holder (one conversation).</summary>
internal sealed record DirectLineCaller(bool HasSecret, TokenClaims? Token)
{
    public bool MayUse(string conversationId) => HasSecret || string.Equals(Token?.ConversationId, conversationId, StringComparison.Ordinal);
}

internal static class DirectLineAuth
{
    /// <summary>The caller, or the 401/403 to answer: 401 without credentials, 403 for a wrong or expired one.</summary>
    public static DirectLineCaller? Authenticate(HttpContext http, DirectLineTokens tokens, out IResult? failure)
    {
        var credential = BearerValue(http.Request.Headers.Authorization.ToString())
            ?? (http.WebSockets.IsWebSocketRequest ? http.Request.Query["t"].ToString() : null);
        if (string.IsNullOrEmpty(credential))
        {
            failure = DirectLineErrors.Unauthorized("Missing bearer token: send \"Authorization: Bearer <Direct Line secret or token>\".");
            return null;
        }

        if (tokens.IsSecret(credential))
        {
            failure = null;
            return new DirectLineCaller(true, null);
        }

        if (tokens.Validate(credential, out var reason) is { } claims)
        {
            failure = null;
            return new DirectLineCaller(false, claims);
        }

        failure = DirectLineErrors.Forbidden(reason);
        return null;
    }

    private static string? BearerValue(string header)
    {
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}

/// <summary>
/// Errors as problem details (application/problem+json) that also carry Direct Line's own {"error": {"code", "message"}},
/// so Direct Line clients and anything reading RFC 7807 both understand them.
/// </summary>
internal static class DirectLineErrors
{
    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult Unauthorized(string message) => Error(StatusCodes.Status401Unauthorized, "Unauthorized", message);

    public static IResult Forbidden(string message) => Error(StatusCodes.Status403Forbidden, "TokenOrSecretInvalid", message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "NotFound", message);

    public static IResult TooLarge(int limit) =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The request body is larger than {limit} bytes.");

    public static IResult BotError(string message) => Error(StatusCodes.Status502BadGateway, "BotError", message);

    private static IResult Error(int status, string code, string message) =>
        Problems.Of(status, message, new Dictionary<string, object?> { ["error"] = new { code, message } });
}
