using System.Text.Json;
using BotAssistant.Bot.Schema;

namespace BotAssistant.Bot.Storage;

/// <summary>
/// A stored JSON document and the ETag it was read with. Writing with ETag null or "*" overwrites; any other
/// ETag must equal the stored one (and the item must exist), else <see cref="StorageConcurrencyException"/>.
/// </summary>
public sealed record StoreItem(JsonElement Value, string? ETag = null)
{
    public const string AnyETag = "*";

    /// <summary>Write only if the key does not exist yet (a first save must not overwrite a racing first save).</summary>
    public const string NewETag = "new:*";

    public static StoreItem New<T>(T value) => From(value, NewETag);

    public static StoreItem From<T>(T value, string? eTag = null) => new(BotJson.ToElement(value), eTag);

    public T? Get<T>() => Value.Deserialize<T>(BotJson.Options);

    internal bool IsUnconditional => ETag is null or AnyETag;

    internal bool IsCreateOnly => ETag == NewETag;
}

public interface IStorage
{
    /// <summary>Items that exist, keyed by key; missing keys are simply absent.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Writes all changes or none; returns the new ETag of each written key.</summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(
        IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken);

    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

/// <summary>A write lost an optimistic-concurrency race: someone else changed (or deleted) the item since it was read.</summary>
public sealed class StorageConcurrencyException : Exception
{
    public StorageConcurrencyException() : base("The item was changed by someone else since it was read.") { }

    public StorageConcurrencyException(string message) : base(message) { }

    public StorageConcurrencyException(string message, Exception innerException) : base(message, innerException) { }

    public static StorageConcurrencyException For(string key, string? expected) =>
        new($"ETag conflict on '{key}': expected '{expected}', but the stored item has changed or was deleted.") { Key = key };

    public string? Key { get; private init; }
}

internal static class ETags
{
    public static string New() => UniqueIds.Next();
}
