using System.Collections.Concurrent;
using System.Globalization;
using BotAssistant.Bot.Schema;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BotAssistant.Web.Channels.DirectLine.Conversations;

/// <summary>
/// The log in Redis, shared by every instance: per conversation a hash {n: next sequence} and a sorted set of
/// activity JSON scored by sequence. Appending runs as one script (number, store, trim, expire, publish), so readers
/// never see sequence 5 before 4. Each instance subscribes once to a channel that names the conversation that grew
/// and wakes its local waiters; a wait also ends after <see cref="MaxWait"/>, so a notice lost while reconnecting
/// delays a stream by seconds instead of stalling it.
/// </summary>
public sealed class RedisConversationLog : IConversationLog
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);
    private const string SequencePlaceholder = "@@SEQ@@";

    private const string AppendScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
        local seq = redis.call('HINCRBY', KEYS[1], 'n', 1) - 1
        local json = string.gsub(ARGV[1], '@@SEQ@@', string.format('%07d', seq), 1)
        redis.call('ZADD', KEYS[2], seq, json)
        local capacity = tonumber(ARGV[2])
        local size = redis.call('ZCARD', KEYS[2])
        if size > capacity then redis.call('ZREMRANGEBYRANK', KEYS[2], 0, size - capacity - 1) end
        redis.call('EXPIRE', KEYS[1], ARGV[3])
        redis.call('EXPIRE', KEYS[2], ARGV[3])
        redis.call('PUBLISH', ARGV[4], ARGV[5])
        return seq
        """;

    private const string ReadScript = """
        local n = redis.call('HGET', KEYS[1], 'n')
        if not n then return false end
        local items = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf')
        table.insert(items, 1, n)
        return items
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly DirectLineOptions _options;
    private readonly string _prefix;
    private readonly RedisChannel _channel;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    public RedisConversationLog(IConnectionMultiplexer redis, IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        _redis = redis;
        _options = options.Value;
        _prefix = _options.RedisKeyPrefix;
        _channel = RedisChannel.Literal(_prefix + "appended");
        redis.GetSubscriber().Subscribe(_channel, (_, conversationId) => Wake(conversationId!));
    }

    private int IdleSeconds => Math.Max(1, _options.ConversationIdleMinutes) * 60;

    public async ValueTask<bool> EnsureAsync(string conversationId, CancellationToken cancellationToken)
    {
        var database = _redis.GetDatabase();
        var created = await database.HashSetAsync(Meta(conversationId), "n", 0, When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false);
        await database.KeyExpireAsync(Meta(conversationId), TimeSpan.FromSeconds(IdleSeconds)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async ValueTask<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        await _redis.GetDatabase().KeyExistsAsync(Meta(conversationId)).WaitAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask<string?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // Activity serializes its id first, so the placeholder replaced by the script is the id, never user text.
        activity.Id = $"{conversationId}|{SequencePlaceholder}";
        var json = BotJson.Serialize(activity);
        var result = await _redis.GetDatabase().ScriptEvaluateAsync(
            AppendScript,
            [Meta(conversationId), Activities(conversationId)],
            [json, Math.Max(1, _options.MaxActivitiesPerConversation), IdleSeconds, _channel.ToString(), conversationId])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        var sequence = (long)result;
        if (sequence < 0)
        {
            activity.Id = null;
            return null;
        }

        activity.Id = $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";
        return activity.Id;
    }

    public async ValueTask<ActivitySet?> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var result = await _redis.GetDatabase().ScriptEvaluateAsync(
            ReadScript, [Meta(conversationId), Activities(conversationId)], [Math.Max(-1, watermark)])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsNull)
        {
            return null;
        }

        var items = (RedisResult[])result!;
        var next = long.Parse((string)items[0]!, CultureInfo.InvariantCulture);
        var activities = items.Skip(1).Select(item => BotJson.Deserialize<Activity>((string)item!)!).ToList();
        return new ActivitySet(activities, Math.Max(watermark, next - 1));
    }

    public async Task WaitAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        // Register before looking, so an append between the look and the wait still wakes this waiter.
        var waiter = _waiters.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var next = await _redis.GetDatabase().HashGetAsync(Meta(conversationId), "n").WaitAsync(cancellationToken).ConfigureAwait(false);
        if (next.IsNull || (long)next - 1 > watermark)
        {
            return;
        }

        try
        {
            await waiter.Task.WaitAsync(MaxWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Callers read again after any wake-up; others sharing this waiter time out and re-register too.
            _waiters.TryRemove(new KeyValuePair<string, TaskCompletionSource>(conversationId, waiter));
        }
    }

    private void Wake(string conversationId)
    {
        if (_waiters.TryRemove(conversationId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    // The hash tag keeps both keys of a conversation in one slot, as scripts on Redis Cluster require.
    private RedisKey Meta(string conversationId) => $"{_prefix}{{{conversationId}}}:meta";

    private RedisKey Activities(string conversationId) => $"{_prefix}{{{conversationId}}}:activities";
}
