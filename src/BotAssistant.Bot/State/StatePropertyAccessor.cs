using System.Text.Json;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.State;

/// <summary>A typed property of a state scope. Objects returned are live: changes to them are saved at the end of the turn.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>The stored value, or the factory's value (then kept) when missing, unreadable or of another version.</summary>
    Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken = default);

    /// <summary>The stored value, or default when there is none.</summary>
    Task<T?> TryGetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

/// <summary>
/// State records carry a version; a stored record whose version differs from a fresh one is discarded rather than
/// half-read, because its shape belongs to an earlier deploy.
/// </summary>
public interface IVersionedState
{
    int Version { get; }
}

internal sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(defaultValueFactory);
        var cache = await state.GetCacheAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (cache.TryGetLive(Name, out var live) && live is T typed)
        {
            return typed;
        }

        var fresh = defaultValueFactory();
        var value = TryRead(cache, out var stored) && SameVersion(stored, fresh) ? stored! : fresh;
        cache.SetLive(Name, value, typeof(T));
        return value;
    }

    public async Task<T?> TryGetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var cache = await state.GetCacheAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (cache.TryGetLive(Name, out var live))
        {
            return live is T typed ? typed : default;
        }

        if (!TryRead(cache, out var stored))
        {
            return default;
        }

        cache.SetLive(Name, stored, typeof(T));
        return stored;
    }

    public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
    {
        var cache = await state.GetCacheAsync(turnContext, cancellationToken).ConfigureAwait(false);
        cache.SetLive(Name, value, typeof(T));
    }

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var cache = await state.GetCacheAsync(turnContext, cancellationToken).ConfigureAwait(false);
        cache.Remove(Name);
    }

    private bool TryRead(CachedState cache, out T? value)
    {
        value = default;
        if (!cache.TryGetStored(Name, out var node))
        {
            return false;
        }

        try
        {
            value = node.Deserialize<T>(BotJson.Options);
            return value is not null;
        }
        catch (JsonException)
        {
            // A shape from an earlier deploy that no longer binds: treat as absent instead of failing every turn.
            return false;
        }
    }

    private static bool SameVersion(T? stored, T fresh) =>
        stored is not IVersionedState s || fresh is not IVersionedState f || s.Version == f.Version;
}
