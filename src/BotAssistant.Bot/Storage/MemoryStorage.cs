using System.Text.Json;

namespace BotAssistant.Bot.Storage;

/// <summary>Keeps serialized items in memory; for tests and single-process development only.</summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, (string Json, string ETag)> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_items.TryGetValue(key, out var stored))
                {
                    // Parsing a fresh copy keeps callers from sharing (and mutating) what is stored.
                    using var document = JsonDocument.Parse(stored.Json);
                    result[key] = new StoreItem(document.RootElement.Clone(), stored.ETag);
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(
        IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var (key, item) in changes)
            {
                var exists = _items.TryGetValue(key, out var stored);
                if (item.IsCreateOnly ? exists : !item.IsUnconditional && (!exists || stored.ETag != item.ETag))
                {
                    throw StorageConcurrencyException.For(key, item.ETag);
                }
            }

            foreach (var (key, item) in changes)
            {
                var eTag = ETags.New();
                _items[key] = (item.Value.GetRawText(), eTag);
                written[key] = eTag;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(written);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }
}
