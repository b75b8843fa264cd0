using BotAssistant.Bot.Turn;

using IMiddleware = BotAssistant.Bot.Turn.IMiddleware;

namespace BotAssistant.Web.Operations;

/// <summary>
/// Runs the turns of one conversation one at a time, in arrival order, in this process. Two messages sent at once
/// would otherwise both load the same state and the second save would lose its ETag race (and the user get an
/// apology). Entries are reference-counted and removed when idle, so memory follows active conversations only.
/// Instances behind a load balancer still race each other; there the ETag check keeps state consistent.
/// </summary>
public sealed class ConversationGate : IMiddleware
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int ActiveConversations
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var key = turnContext.Activity.Conversation?.Id is { Length: > 0 } id ? $"{turnContext.Activity.ChannelId}/{id}" : null;
        if (key is null)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var entry = Acquire(key);
        try
        {
            // SemaphoreSlim releases async waiters in the order they queued, which keeps arrival order.
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await next(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                entry.Semaphore.Release();
            }
        }
        finally
        {
            Release(key, entry);
        }
    }

    private Entry Acquire(string key)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.Users++;
            return entry;
        }
    }

    private void Release(string key, Entry entry)
    {
        lock (_lock)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
