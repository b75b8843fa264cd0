using System.Collections.Concurrent;

namespace BotAssistant.Web.Channels.WeChat.Messages;

/// <summary>
/// Answers per message key for a short window. WeChat resends a message it got no reply to within 5 s; the resend
/// joins the first delivery's answer instead of starting a second turn.
/// </summary>
public sealed class WeChatReplyCache(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _additions;

    /// <summary>The answer already under way for the key, or the one <paramref name="start"/> begins now.</summary>
    public Task<string?> GetOrStart(string key, TimeSpan window, Func<Task<string?>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var now = timeProvider.GetUtcNow();
        if (_entries.TryGetValue(key, out var existing) && existing.Expires > now)
        {
            return existing.Answer.Value;
        }

        var entry = new Entry(new Lazy<Task<string?>>(start, LazyThreadSafetyMode.ExecutionAndPublication), now + window);
        var winner = _entries.AddOrUpdate(key, entry, (_, old) => old.Expires > now ? old : entry);
        if (Interlocked.Increment(ref _additions) % 256 == 0)
        {
            Prune(now);
        }

        return winner.Answer.Value;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private sealed record Entry(Lazy<Task<string?>> Answer, DateTimeOffset Expires);
}
