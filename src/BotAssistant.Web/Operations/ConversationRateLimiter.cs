using System.Threading.RateLimiting;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;
using Microsoft.Extensions.Options;

using IMiddleware = BotAssistant.Bot.Turn.IMiddleware;

namespace BotAssistant.Web.Operations;

/// <summary>
/// Limits messages per conversation inside the turn pipeline, so it covers every channel (the conversation id of
/// /api/messages is in the body, WeChat's in encrypted XML). An over-limit message gets a polite reply instead of an
/// HTTP error, because WeChat and Web Chat show a status code to nobody; state is neither read nor written.
/// </summary>
public sealed class ConversationRateLimiter : IMiddleware, IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly TurnMetrics _metrics;
    private readonly PartitionedRateLimiter<string>? _limiter;

    public ConversationRateLimiter(IOptions<RateLimitOptions> options, TurnMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _metrics = metrics;
        var limit = _options.PerConversation;
        if (limit.Enabled)
        {
            // Idle partitions are disposed by the limiter's own heartbeat, so memory follows active conversations.
            _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = TimeSpan.FromSeconds(limit.WindowSeconds),
                QueueLimit = 0,
            }));
        }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (_limiter is null || activity.Type != ActivityTypes.Message || activity.Conversation?.Id is not { Length: > 0 } id)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var lease = _limiter.AttemptAcquire($"{activity.ChannelId}/{id}");
        if (lease.IsAcquired)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        _metrics.RecordRateLimited();
        await turnContext.SendActivityAsync(MessageFactory.Text(_options.Message), cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _limiter?.Dispose();
}
