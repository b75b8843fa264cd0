using System.Text.Json;
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
            ? new CachedState(item.Value, item.ETag)
            : new CachedState(default, null);
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
        if (!force && cached.IsUnchanged(document))
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var written = await _storage.WriteAsync(
            new Dictionary<string, StoreItem> { [key] = new(document, cached.ETag ?? StoreItem.NewETag) },
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

/// <summary>
/// What a scope holds during a turn: the document as read, the live objects handed to callers, and the names removed.
/// The document stays a <see cref="JsonElement"/> (no node tree); saving writes it once with the live objects
/// serialized in place, and compares the result with what was read to skip unchanged writes.
/// </summary>
internal sealed class CachedState(JsonElement loaded, string? eTag)
{
    private readonly Dictionary<string, (object? Value, Type Type)> _live = new(StringComparer.Ordinal);
    private HashSet<string>? _removed;

    /// <summary>The document live objects are written over: as read or saved, or default once cleared.</summary>
    public JsonElement Loaded { get; private set; } = loaded;

    /// <summary>What the store holds as far as this turn knows; a save that would write the same is skipped.</summary>
    private JsonElement _stored = loaded;

    public string? ETag { get; private set; } = eTag;

    public bool TryGetLive(string name, out object? value)
    {
        var found = _live.TryGetValue(name, out var entry);
        value = entry.Value;
        return found;
    }

    public void SetLive(string name, object? value, Type type)
    {
        _live[name] = (value, type);
        _removed?.Remove(name);
    }

    /// <summary>The stored JSON of a property not yet handed out live, if any.</summary>
    public bool TryGetStored(string name, out JsonElement value)
    {
        value = default;
        return Loaded.ValueKind == JsonValueKind.Object && !(_removed?.Contains(name) ?? false)
            && Loaded.TryGetProperty(name, out value);
    }

    public void Remove(string name)
    {
        _live.Remove(name);
        (_removed ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
    }

    public void Clear()
    {
        _live.Clear();
        _removed = null;
        Loaded = default;
    }

    /// <summary>The document to store, live objects serialized over the stored ones; callers may have mutated them.</summary>
    public JsonElement Snapshot()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = BotJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            var hasLoaded = Loaded.ValueKind == JsonValueKind.Object;
            if (hasLoaded)
            {
                foreach (var property in Loaded.EnumerateObject())
                {
                    if (_removed?.Contains(property.Name) ?? false)
                    {
                        continue;
                    }

                    if (_live.TryGetValue(property.Name, out var live))
                    {
                        writer.WritePropertyName(property.Name);
                        JsonSerializer.Serialize(writer, live.Value, live.Type, BotJson.Options);
                    }
                    else
                    {
                        property.WriteTo(writer);
                    }
                }
            }

            // Live objects the stored document did not have yet (a live name is never also removed).
            foreach (var (name, (value, type)) in _live)
            {
                if (hasLoaded && Loaded.TryGetProperty(name, out _))
                {
                    continue;
                }

                writer.WritePropertyName(name);
                JsonSerializer.Serialize(writer, value, type, BotJson.Options);
            }

            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan, BotJson.Options);
    }

    /// <summary>True when the document has the same content as what was read (property order aside).</summary>
    public bool IsUnchanged(JsonElement snapshot) =>
        _stored.ValueKind == JsonValueKind.Object ? JsonElement.DeepEquals(_stored, snapshot) : IsEmptyObject(snapshot);

    public void MarkSaved(JsonElement document, string eTag)
    {
        Loaded = document;
        _stored = document;
        _removed = null;
        ETag = eTag;
    }

    private static bool IsEmptyObject(JsonElement element)
    {
        using var properties = element.EnumerateObject();
        return !properties.MoveNext();
    }
}
