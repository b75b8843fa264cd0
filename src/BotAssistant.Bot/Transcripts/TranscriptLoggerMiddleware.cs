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

        var pending = new List<TranscriptEntry> { TranscriptEntry.Masked(turnContext.Activity) };
        turnContext.OnSendActivities(async (ctx, activities, sendNext) =>
        {
            var responses = await sendNext().ConfigureAwait(false);
            pending.AddRange(activities.Select(TranscriptEntry.Masked));
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

    private async Task FlushAsync(List<TranscriptEntry> pending, CancellationToken cancellationToken)
    {
        try
        {
            await store.LogAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StoreFailed(logger, ex, pending[0].ChannelId, PiiMasker.Mask(pending[0].ConversationId));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Transcript could not be stored for {ChannelId}/{ConversationId}")]
        public static partial void StoreFailed(ILogger logger, Exception exception, string? channelId, string? conversationId);
    }
}
