namespace BotAssistant.Bot.Turn;

/// <summary>
/// A typed key into <see cref="TurnStateBag"/>. Keys compare by reference, so two components that pick the same
/// name never collide; hold the key in a static readonly field or an instance field.
/// </summary>
public sealed class TurnStateKey<T>(string name) where T : class
{
    public string Name { get; } = name;

    public override string ToString() => $"{Name} ({typeof(T).Name})";
}

/// <summary>Per-turn values shared by middleware, state and dialogs; discarded at the end of the turn.</summary>
public sealed class TurnStateBag
{
    private readonly Dictionary<object, object> _values = [];

    public T? Get<T>(TurnStateKey<T> key) where T : class =>
        _values.TryGetValue(key, out var value) ? (T)value : null;

    public T GetRequired<T>(TurnStateKey<T> key) where T : class =>
        Get(key) ?? throw new InvalidOperationException($"Turn state has no value for {key}; the middleware that sets it is not in the pipeline.");

    public void Set<T>(TurnStateKey<T> key, T value) where T : class => _values[key] = value;

    public T GetOrAdd<T>(TurnStateKey<T> key, Func<T> create) where T : class
    {
        if (Get(key) is { } existing)
        {
            return existing;
        }

        var created = create();
        _values[key] = created;
        return created;
    }

    public bool Remove<T>(TurnStateKey<T> key) where T : class => _values.Remove(key);
}
