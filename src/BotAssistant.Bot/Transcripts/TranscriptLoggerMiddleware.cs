using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;
using Microsoft.Extensions.Logging;

namespace BotAssistant.Bot.Transcripts;

/// <summary>
/// Records the incoming activity and every outgoing one, masked, after the turn ends, so a slow store never delays
/// a reply. A failing store is logged, never fails the turn.
/// </summary>
public sealed partial class TranscriptLoggerMiddleware(ITranscriptStore store, ILogger<TranscriptLoggerMiddleware> logger) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (store is NullTranscriptStore)
        {
            // Transcripts off: masking copies of every activity would be work for nothing.
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var pending = new List<Activity> { MaskedCopy(turnContext.Activity) };
        turnContext.OnSendActivities(async (ctx, activities, sendNext) =>
        {
            var responses = await sendNext().ConfigureAwait(false);
            pending.AddRange(activities.Select(MaskedCopy));
            return responses;
        });

        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await FlushAsync(pending, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Masks through the wire form, so PII in text, cards, values and channel data is all covered.</summary>
    public static Activity MaskedCopy(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = activity.Conversation?.Id;
        var channel = activity.ChannelId;
        var masked = BotJson.Deserialize<Activity>(PiiMasker.Mask(BotJson.Serialize(activity))!)!;
        // The transcript is filed under the real conversation even if its id happens to look like a phone number.
        masked.ChannelId = channel;
        if (masked.Conversation is not null)
        {
            masked.Conversation.Id = conversation;
        }

        return masked;
    }

    private async Task FlushAsync(List<Activity> pending, CancellationToken cancellationToken)
    {
        try
        {
            await store.LogActivitiesAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var first = pending[0];
            Log.StoreFailed(logger, ex, first.ChannelId, PiiMasker.Mask(first.Conversation?.Id));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Transcript could not be stored for {ChannelId}/{ConversationId}")]
        public static partial void StoreFailed(ILogger logger, Exception exception, string? channelId, string? conversationId);
    }
}
