using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using BotAssistant.Bot.Schema;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Channels.DirectLine.Conversations;

/// <summary>
/// The log in this process's memory: at most MaxActivitiesPerConversation per conversation, MaxConversations and
/// MaxLogMegabytes in all; the least recently active and the idle ones are dropped when a new conversation starts or
/// the log outgrows its bytes. Each activity is kept
/// as its UTF-8 JSON, a third of the size of the object graph, because a log is written once and read a few times.
/// </summary>
public sealed class MemoryConversationLog(IOptions<DirectLineOptions> options, TimeProvider timeProvider) : IConversationLog
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;
    private readonly Lock _evictionLock = new();
    private long _bytes;

    public int Count => _conversations.Count;

    /// <summary>The JSON bytes held for all conversations.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public ValueTask<bool> EnsureAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_conversations.TryGetValue(conversationId, out var existing))
        {
            existing.Touch(timeProvider.GetUtcNow());
            return ValueTask.FromResult(false);
        }

        lock (_evictionLock)
        {
            Evict();
            var created = new Conversation(timeProvider.GetUtcNow());
            return ValueTask.FromResult(_conversations.TryAdd(conversationId, created));
        }
    }

    public ValueTask<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_conversations.ContainsKey(conversationId));

    public ValueTask<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return ValueTask.FromResult<string?>(null);
        }

        var (id, grown) = conversation.Append(conversationId, activity, Math.Max(1, _options.MaxActivitiesPerConversation), timeProvider.GetUtcNow());
        if (Interlocked.Add(ref _bytes, grown) > Budget)
        {
            lock (_evictionLock)
            {
                ShrinkToBudget(keep: conversationId);
            }
        }

        return ValueTask.FromResult<string?>(id);
    }

    private long Budget => Math.Max(1, _options.MaxLogMegabytes) * 1024L * 1024L;

    public ValueTask<ActivitySet?> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_conversations.TryGetValue(conversationId, out var conversation) ? conversation.Read(watermark) : null);

    public Task WaitAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        _conversations.TryGetValue(conversationId, out var conversation)
            ? conversation.WaitAsync(watermark, cancellationToken)
            : Task.CompletedTask;

    private void Evict()
    {
        var idleSince = timeProvider.GetUtcNow() - TimeSpan.FromMinutes(Math.Max(1, _options.ConversationIdleMinutes));
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.LastActive < idleSince)
            {
                Drop(id);
            }
        }

        var excess = _conversations.Count - Math.Max(1, _options.MaxConversations) + 1;
        if (excess <= 0)
        {
            return;
        }

        foreach (var id in _conversations.OrderBy(c => c.Value.LastActive).Take(excess).Select(c => c.Key).ToList())
        {
            Drop(id);
        }
    }

    private void ShrinkToBudget(string keep)
    {
        foreach (var id in _conversations.OrderBy(c => c.Value.LastActive).Select(c => c.Key).ToList())
        {
            if (Bytes <= Budget)
            {
                return;
            }

            if (!string.Equals(id, keep, StringComparison.Ordinal))
            {
                Drop(id);
            }
        }
    }

    private void Drop(string id)
    {
        if (_conversations.TryRemove(id, out var dropped))
        {
            Interlocked.Add(ref _bytes, -dropped.Close());
        }
    }

    private sealed class Conversation(DateTimeOffset created)
    {
        private readonly Lock _lock = new();
        private readonly Queue<(long Sequence, PackedJson Json)> _activities = new();
        private TaskCompletionSource _changed = NewSignal();
        private long _next;
        private long _lastActiveTicks = created.UtcTicks;

        public DateTimeOffset LastActive => new(Interlocked.Read(ref _lastActiveTicks), TimeSpan.Zero);

        public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastActiveTicks, now.UtcTicks);

        private long _bytes;
        private bool _closed;

        /// <summary>Stores the activity (its id set first) and returns the id and how many bytes the log grew by.</summary>
        public (string Id, long Grown) Append(string conversationId, Activity activity, int capacity, DateTimeOffset now)
        {
            TaskCompletionSource changed;
            string id;
            long grown = 0;
            lock (_lock)
            {
                var sequence = _next++;
                id = $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";
                activity.Id = id;
                var json = PackedJson.Pack(JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options));
                if (!_closed)
                {
                    _activities.Enqueue((sequence, json));
                    grown += json.Length;
                    while (_activities.Count > capacity)
                    {
                        grown -= _activities.Dequeue().Json.Length;
                    }

                    _bytes += grown;
                }

                changed = _changed;
                _changed = NewSignal();
            }

            Touch(now);
            changed.TrySetResult();
            return (id, grown);
        }

        public ActivitySet Read(long watermark)
        {
            List<PackedJson> after;
            long last;
            lock (_lock)
            {
                after = _activities.Where(a => a.Sequence > watermark).Select(a => a.Json).ToList();
                last = _next - 1;
            }

            var activities = after.Select(json => JsonSerializer.Deserialize<Activity>(json.Unpack(), BotJson.Options)!).ToList();
            return new ActivitySet(activities, Math.Max(watermark, last));
        }

        public Task WaitAsync(long watermark, CancellationToken cancellationToken)
        {
            Task signal;
            lock (_lock)
            {
                if (_next - 1 > watermark)
                {
                    return Task.CompletedTask;
                }

                signal = _changed.Task;
            }

            return signal.WaitAsync(cancellationToken);
        }

        /// <summary>Wakes every waiting stream so it notices the conversation is gone; returns the bytes it held.</summary>
        public long Close()
        {
            lock (_lock)
            {
                _closed = true;
                var held = _bytes;
                _bytes = 0;
                _activities.Clear();
                _changed.TrySetResult();
                return held;
            }
        }

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
