using System.Globalization;
using System.Text.Json;
using BotAssistant.Bot.Schema;
using BotAssistant.Web.Channels.DirectLine.Conversations;
using BotAssistant.Web.Channels.DirectLine.Tokens;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Channels.DirectLine.Endpoints;

/// <summary>POST and GET conversations/{id}/activities: a client sends one activity, or polls from a watermark.</summary>
internal static partial class ActivityEndpoints
{
    /// <summary>What a client may send; the rest (traces, invoke responses, handoffs) only bots send.</summary>
    private static readonly HashSet<string> ClientTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing, ActivityTypes.EndOfConversation,
        ActivityTypes.MessageReaction, ActivityTypes.ConversationUpdate,
    };

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/conversations/{conversationId}/activities", PostAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetAsync);
    }

    /// <summary>"" or absent is the start; otherwise the number a previous answer gave.</summary>
    public static bool TryParseWatermark(string? text, out long watermark)
    {
        watermark = -1;
        return string.IsNullOrEmpty(text)
            || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) && watermark < long.MaxValue);
    }

    public static ActivitySetResponse ToResponse(ActivitySet set) =>
        new(set.Activities, set.Watermark < 0 ? null : set.Watermark.ToString(CultureInfo.InvariantCulture));

    private static async Task<IResult> PostAsync(
        HttpContext http, string conversationId, DirectLineTokens tokens, DirectLineTurns turns, IOptions<DirectLineOptions> options,
        ILogger<DirectLineTurns> logger, CancellationToken cancellationToken)
    {
        if (Authorize(http, tokens, conversationId, out var caller) is { } denied)
        {
            return denied;
        }

        var limit = options.Value.MaxRequestBytes;
        if (await RequestBody.ReadAsync(http.Request, limit, cancellationToken) is not { } body)
        {
            return DirectLineErrors.TooLarge(limit);
        }

        if (Parse(body, out var reason) is not { } activity)
        {
            return DirectLineErrors.BadArgument(reason);
        }

        // A token that names its user decides who speaks, so one page cannot post as another user.
        if (caller.Token?.UserId is { } pinned)
        {
            activity.From = new ChannelAccount(pinned, activity.From?.Name, "user");
        }
        else if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return DirectLineErrors.BadArgument("The activity needs from.id (or a token issued for a user).");
        }

        activity.From!.Role ??= "user";
        try
        {
            var id = await turns.PostAsync(conversationId, activity, ConversationEndpoints.ServiceUrl(http.Request), cancellationToken);
            return id is null ? DirectLineErrors.NotFound("The conversation does not exist or has ended.") : Results.Json(new { id });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception ex)
        {
            // Failures inside the turn were answered by the adapter; this is storage or the log itself.
            Log.Failed(logger, ex);
            return DirectLineErrors.BotError("The bot could not process the activity; try again later.");
        }
    }

    private static async Task<IResult> GetAsync(
        HttpContext http, string conversationId, string? watermark, DirectLineTokens tokens, IConversationLog log, CancellationToken cancellationToken)
    {
        if (Authorize(http, tokens, conversationId, out _) is { } denied)
        {
            return denied;
        }

        if (!TryParseWatermark(watermark, out var after))
        {
            return DirectLineErrors.BadArgument("The watermark must be a value returned by an earlier call.");
        }

        var set = await log.ReadAsync(conversationId, after, cancellationToken);
        return set is null
            ? DirectLineErrors.NotFound("The conversation does not exist or has ended.")
            : Results.Json(ToResponse(set), BotJson.Options);
    }

    /// <summary>Null when the caller may use the conversation, else the answer to give.</summary>
    public static IResult? Authorize(HttpContext http, DirectLineTokens tokens, string conversationId, out DirectLineCaller caller)
    {
        caller = DirectLineAuth.Authenticate(http, tokens, out var failure)!;
        if (caller is null)
        {
            return failure;
        }

        if (!caller.MayUse(conversationId))
        {
            return DirectLineErrors.Forbidden("The token is for another conversation.");
        }

        return ConversationEndpoints.IsValidId(conversationId) ? null : DirectLineErrors.NotFound("The conversation does not exist.");
    }

    private static Activity? Parse(byte[] body, out string reason)
    {
        reason = "";
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
            if (activity is null || !ClientTypes.Contains(activity.Type))
            {
                reason = $"The body must be an activity whose type is one of {string.Join(", ", ClientTypes)}.";
                return null;
            }

            return activity;
        }
        catch (JsonException)
        {
            reason = "The body is not a JSON activity with a \"type\".";
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Direct Line activity failed outside the turn")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
