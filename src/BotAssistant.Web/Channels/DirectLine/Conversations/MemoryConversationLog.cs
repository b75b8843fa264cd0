using System.Collections.Concurrent;
using System.Globalization;
using BotAssistant.Bot.Schema;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Channels.DirectLine.Conversations;

/// <summary>
/// The log in this process's memory: at most MaxActivitiesPerConversation per conversation and MaxConversations in
/// all; the least recently active and the idle ones are dropped when a new conversation starts.
/// </summary>
public sealed class MemoryConversationLog(IOptions<DirectLineOptions> options, TimeProvider timeProvider) : IConversationLog
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;
    private readonly Lock _evictionLock = new();

    public int Count => _conversations.Count;

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

        return ValueTask.FromResult<string?>(
            conversation.Append(conversationId, activity, Math.Max(1, _options.MaxActivitiesPerConversation), timeProvider.GetUtcNow()));
    }

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

    private void Drop(string id)
    {
        if (_conversations.TryRemove(id, out var dropped))
        {
            dropped.Close();
        }
    }

    private sealed class Conversation(DateTimeOffset created)
    {
        private readonly Lock _lock = new();
        private readonly Queue<(long Sequence, Activity Activity)> _activities = new();
        private TaskCompletionSource _changed = NewSignal();
        private long _next;
        private long _lastActiveTicks = created.UtcTicks;

        public DateTimeOffset LastActive => new(Interlocked.Read(ref _lastActiveTicks), TimeSpan.Zero);

        public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastActiveTicks, now.UtcTicks);

        public string Append(string conversationId, Activity activity, int capacity, DateTimeOffset now)
        {
            TaskCompletionSource changed;
            string id;
            lock (_lock)
            {
                var sequence = _next++;
                id = $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";
                activity.Id = id;
                _activities.Enqueue((sequence, activity.Clone()));
                while (_activities.Count > capacity)
                {
                    _activities.Dequeue();
                }

                changed = _changed;
                _changed = NewSignal();
            }

            Touch(now);
            changed.TrySetResult();
            return id;
        }

        public ActivitySet Read(long watermark)
        {
            lock (_lock)
            {
                var after = _activities.Where(a => a.Sequence > watermark).Select(a => a.Activity).ToList();
                return new ActivitySet(after, Math.Max(watermark, _next - 1));
            }
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

        /// <summary>Wakes every waiting stream so it notices the conversation is gone.</summary>
        public void Close()
        {
            lock (_lock)
            {
                _changed.TrySetResult();
            }
        }

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
