using System.Buffers;
using System.Text.Json;
using BotAssistant.Bot.Adapters;
using BotAssistant.Bot.Auth;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;
using BotAssistant.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Endpoints;

/// <summary>POST /api/messages: the Bot Framework channel endpoint. A thin shim over <see cref="CloudAdapter"/>.</summary>
public static partial class BotMessagesEndpoint
{
    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder app, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(app);
        var isService = app.ServiceProvider.GetRequiredService<IServiceProviderIsService>();
        if (!isService.IsService(typeof(IBot)))
        {
            throw new InvalidOperationException(
                "No IBot is registered. Add builder.AddAssistant() (or builder.Services.AddSingleton<IBot, YourBot>()) before builder.Build().");
        }

        return app.MapPost(pattern, HandleAsync).WithName("BotMessages");
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, CloudAdapter adapter, IOptions<BotRuntimeOptions> options, ILogger<CloudAdapter> logger, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBytes;
        var body = await ReadBodyAsync(http.Request, limit, cancellationToken);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes.");
        }

        if (Parse(body, out var reason, out var error) is not { } activity)
        {
            Log.Malformed(logger, reason, error);
            return Error(StatusCodes.Status400BadRequest, reason);
        }

        try
        {
            var bot = http.RequestServices.GetRequiredService<IBot>();
            var outcome = await adapter.ProcessActivityAsync(activity, http.Request.Headers.Authorization, bot, cancellationToken);
            return outcome.Body is null ? Results.StatusCode(outcome.StatusCode) : Results.Json(outcome.Body, BotJson.Options, statusCode: outcome.StatusCode);
        }
        catch (BotAuthenticationException ex)
        {
            Log.Unauthorized(logger, ex.Failure, ex.Message, ex.InnerException);
            return Refusal(ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception ex)
        {
            // Failures inside the turn were already handled by the adapter; this is infrastructure (storage, channel).
            Log.Failed(logger, ex);
            return Error(StatusCodes.Status503ServiceUnavailable, "The activity could not be processed; try again later.");
        }
    }

    /// <summary>What the caller can do about it, in our words: never the exception's message or type.</summary>
    private static IResult Refusal(BotAuthenticationException ex) => ex.Failure switch
    {
        BotAuthenticationFailure.MissingToken => Error(
            StatusCodes.Status401Unauthorized, "Missing bearer token: send \"Authorization: Bearer <token>\" issued by the Bot Framework for this bot's app id."),
        BotAuthenticationFailure.ServiceUrlMismatch => Error(
            StatusCodes.Status401Unauthorized, "Invalid bearer token: its serviceurl claim does not match the activity's serviceUrl."),
        BotAuthenticationFailure.KeysUnavailable => Error(
            StatusCodes.Status503ServiceUnavailable, "The bot could not check the bearer token right now (the Bot Framework signing keys are unavailable); try again later."),
        _ => Error(
            StatusCodes.Status401Unauthorized, $"Invalid bearer token ({ex.Reason ?? "rejected"}): get a new token from the Bot Framework for this bot's app id."),
    };

    private static Activity? Parse(byte[] body, out string reason, out JsonException? error)
    {
        reason = "";
        error = null;
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
            if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
            {
                reason = "The body must be a JSON activity with a \"type\".";
                return null;
            }

            return activity;
        }
        catch (JsonException ex)
        {
            // The serializer's message names .NET types ("could not be converted to System.String"); say where instead.
            error = ex;
            reason = "The body is not a valid JSON activity" + Where(ex) + ".";
            return null;
        }
    }

    /// <summary>The body, or null when it exceeds the limit; reads no more than limit + 1 bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, (int)(request.ContentLength ?? 16 * 1024) + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return length > limit ? null : buffer.AsSpan(0, length).ToArray();
                }

                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Where(JsonException ex) =>
        (ex.Path is { Length: > 1 } path ? $" at {path}" : "")
        + (ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "");

    private static IResult Error(int status, string reason) => Problems.Of(status, reason);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Rejected /api/messages request ({Failure}): {Reason}")]
        public static partial void Unauthorized(ILogger logger, BotAuthenticationFailure failure, string reason, Exception? exception);

        [LoggerMessage(3, LogLevel.Information, "Rejected /api/messages body: {Reason}")]
        public static partial void Malformed(ILogger logger, string reason, Exception? exception);

        [LoggerMessage(2, LogLevel.Error, "/api/messages failed outside the turn")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
