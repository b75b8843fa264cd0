using System.Text.Json;
using System.Text.Json.Nodes;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Storage;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.State;

/// <summary>
/// One stored JSON document per scope (conversation, user), read at most once per turn and written back with
/// its ETag, so two turns racing on the same document cannot silently overwrite each other.
/// </summary>
public abstract class BotState
{
    private readonly IStorage _storage;
    private readonly TurnStateKey<CachedState> _cacheKey;

    protected BotState(IStorage storage, string scopeName)
    {
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _cacheKey = new TurnStateKey<CachedState>(scopeName);
    }

    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new StatePropertyAccessor<T>(this, name);
    }

    /// <summary>The storage key of this scope for the turn, e.g. "webchat/conversations/abc".</summary>
    public abstract string GetStorageKey(ITurnContext turnContext);

    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && turnContext.TurnState.Get(_cacheKey) is not null)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        var cached = items.TryGetValue(key, out var item) && item.Value.ValueKind == JsonValueKind.Object
            ? new CachedState(JsonObject.Create(item.Value)!, item.ETag)
            : new CachedState([], null);
        turnContext.TurnState.Set(_cacheKey, cached);
    }

    /// <summary>Writes the document if anything changed; throws <see cref="StorageConcurrencyException"/> on a lost race.</summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get(_cacheKey) is not { } cached)
        {
            return;
        }

        var document = cached.Snapshot();
        if (!force && document == cached.LoadedJson)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        using var parsed = JsonDocument.Parse(document);
        var written = await _storage.WriteAsync(
            new Dictionary<string, StoreItem> { [key] = new(parsed.RootElement.Clone(), cached.ETag ?? StoreItem.NewETag) },
            cancellationToken).ConfigureAwait(false);
        cached.MarkSaved(document, written[key]);
    }

    /// <summary>Empties the scope for this turn; the empty document is written on save.</summary>
    public async Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var cached = await GetCacheAsync(turnContext, cancellationToken).ConfigureAwait(false);
        cached.Clear();
    }

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(_cacheKey);
        await _storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken).ConfigureAwait(false);
    }

    internal async Task<CachedState> GetCacheAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        return turnContext.TurnState.GetRequired(_cacheKey);
    }

    protected static string Require(string? value, string what) =>
        string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException($"The activity has no {what}; state cannot be keyed without it.")
            : value;
}

/// <summary>What a scope holds during a turn: the stored JSON and the live objects handed to callers.</summary>
internal sealed class CachedState(JsonObject stored, string? eTag)
{
    private readonly Dictionary<string, (object? Value, Type Type)> _live = new(StringComparer.Ordinal);

    public JsonObject Stored { get; private set; } = stored;

    public string? ETag { get; private set; } = eTag;

    public string LoadedJson { get; private set; } = stored.ToJsonString(BotJson.Options);

    public bool TryGetLive(string name, out object? value)
    {
        var found = _live.TryGetValue(name, out var entry);
        value = entry.Value;
        return found;
    }

    public void SetLive(string name, object? value, Type type) => _live[name] = (value, type);

    public void Remove(string name)
    {
        _live.Remove(name);
        Stored.Remove(name);
    }

    public void Clear()
    {
        _live.Clear();
        Stored = [];
    }

    /// <summary>Serializes live objects over the stored ones; callers may have mutated them since they were handed out.</summary>
    public string Snapshot()
    {
        foreach (var (name, (value, type)) in _live)
        {
            Stored[name] = JsonSerializer.SerializeToNode(value, type, BotJson.Options);
        }

        return Stored.ToJsonString(BotJson.Options);
    }

    public void MarkSaved(string json, string eTag)
    {
        LoadedJson = json;
        ETag = eTag;
    }
}
