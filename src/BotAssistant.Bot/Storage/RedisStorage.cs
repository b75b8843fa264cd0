using System.Text.Json;
using StackExchange.Redis;

namespace BotAssistant.Bot.Storage;

/// <summary>
/// Each item is a hash {e: etag, v: json}. Writes run as one Lua script that checks every ETag before writing
/// anything, so a batch is atomic and the check cannot race another writer.
/// </summary>
public sealed class RedisStorage(IConnectionMultiplexer redis, string keyPrefix = "botassistant:state:") : IStorage
{
    private const string WriteScript = """
        local n = #KEYS
        for i = 1, n do
          local expected = ARGV[(i - 1) * 3 + 1]
          if expected == 'new:*' then
            if redis.call('EXISTS', KEYS[i]) == 1 then return i end
          elseif expected ~= '' and expected ~= '*' then
            local current = redis.call('HGET', KEYS[i], 'e')
            if current ~= expected then return i end
          end
        end
        for i = 1, n do
          redis.call('HSET', KEYS[i], 'e', ARGV[(i - 1) * 3 + 2], 'v', ARGV[(i - 1) * 3 + 3])
        end
        return 0
        """;

    private static readonly RedisValue[] Fields = ["e", "v"];

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var database = redis.GetDatabase();
        var reads = keys.Select(k => (Key: k, Task: database.HashGetAsync(Prefixed(k), Fields))).ToList();
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        foreach (var (key, task) in reads)
        {
            var values = await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (values[0].IsNull || values[1].IsNull)
            {
                continue;
            }

            using var document = JsonDocument.Parse((string)values[1]!);
            result[key] = new StoreItem(document.RootElement.Clone(), values[0]);
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(
        IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return written;
        }

        var entries = changes.ToList();
        var keys = new RedisKey[entries.Count];
        var arguments = new RedisValue[entries.Count * 3];
        for (var i = 0; i < entries.Count; i++)
        {
            var (key, item) = entries[i];
            var eTag = ETags.New();
            written[key] = eTag;
            keys[i] = Prefixed(key);
            arguments[i * 3] = item.ETag ?? "";
            arguments[(i * 3) + 1] = eTag;
            arguments[(i * 3) + 2] = item.Value.GetRawText();
        }

        var failed = (int)await redis.GetDatabase().ScriptEvaluateAsync(WriteScript, keys, arguments)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        if (failed > 0)
        {
            var (key, item) = entries[failed - 1];
            throw StorageConcurrencyException.For(key, item.ETag);
        }

        return written;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await redis.GetDatabase().KeyDeleteAsync(keys.Select(Prefixed).ToArray())
            .WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private RedisKey Prefixed(string key) => keyPrefix + key;
}
