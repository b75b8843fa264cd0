using System.Buffers;
using System.Text.Json;
using BotAssistant.Bot.Adapters;
using BotAssistant.Bot.Auth;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;
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

        if (Parse(body, out var reason) is not { } activity)
        {
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
            Log.Unauthorized(logger, ex.Message);
            return Error(StatusCodes.Status401Unauthorized, ex.Message);
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

    private static Activity? Parse(byte[] body, out string reason)
    {
        reason = "";
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
            reason = $"The body is not a valid activity: {ex.Message.Split('.')[0]}.";
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

    private static IResult Error(int status, string reason) => Results.Json(new { error = reason }, statusCode: status);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Rejected /api/messages request: {Reason}")]
        public static partial void Unauthorized(ILogger logger, string reason);

        [LoggerMessage(2, LogLevel.Error, "/api/messages failed outside the turn")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
