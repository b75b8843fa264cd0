using System.Text.Json;
using BotAssistant.Bot.Storage;
using BotAssistant.Bot.Testing;

namespace BotAssistant.Bot.Tests.Storage;

/// <summary>The one contract every IStorage meets. Each test uses its own keys, so tests never share data.</summary>
public abstract class StorageContractTests
{
    private readonly string _prefix = $"test/{Guid.NewGuid():N}/";

    /// <summary>The store under test; skips (or fails, when services are required) if its server is unreachable.</summary>
    protected abstract Task<IStorage> CreateStorageAsync();

    private string Key(string name) => _prefix + name;

    private sealed record Profile(string Name, int Age, IReadOnlyList<string> Tags);

    [SkippableFact]
    public async Task Missing_keys_are_absent_from_the_result()
    {
        var storage = await CreateStorageAsync();
        var result = await storage.ReadAsync([Key("nothing")], CancellationToken.None);
        Assert.Empty(result);
    }

    [SkippableFact]
    public async Task Written_items_read_back_typed_with_an_etag()
    {
        var storage = await CreateStorageAsync();
        var value = new Profile("张三", 35, ["失业", "平凉"]);
        var written = await storage.WriteAsync(new Dictionary<string, StoreItem> { [Key("p")] = StoreItem.From(value) }, CancellationToken.None);

        var read = await storage.ReadAsync([Key("p"), Key("other")], CancellationToken.None);
        var item = Assert.Single(read).Value;
        Assert.Equal(value.Name, item.Get<Profile>()!.Name);
        Assert.Equal(value.Tags, item.Get<Profile>()!.Tags);
        Assert.Equal(written[Key("p")], item.ETag);
        Assert.False(string.IsNullOrEmpty(item.ETag));
    }

    [SkippableFact]
    public async Task Each_write_changes_the_etag()
    {
        var storage = await CreateStorageAsync();
        var first = await WriteAsync(storage, Key("e"), 1, null);
        var second = await WriteAsync(storage, Key("e"), 2, first);
        Assert.NotEqual(first, second);
    }

    [SkippableFact]
    public async Task Write_with_the_current_etag_succeeds()
    {
        var storage = await CreateStorageAsync();
        var eTag = await WriteAsync(storage, Key("c"), 1, null);
        await WriteAsync(storage, Key("c"), 2, eTag);
        var read = await storage.ReadAsync([Key("c")], CancellationToken.None);
        Assert.Equal(2, read[Key("c")].Get<int>());
    }

    [SkippableFact]
    public async Task Write_with_a_stale_etag_throws_and_keeps_the_newer_value()
    {
        var storage = await CreateStorageAsync();
        var stale = await WriteAsync(storage, Key("s"), 1, null);
        await WriteAsync(storage, Key("s"), 2, stale);

        var conflict = await Assert.ThrowsAsync<StorageConcurrencyException>(() => WriteAsync(storage, Key("s"), 3, stale));
        Assert.Equal(Key("s"), conflict.Key);
        var read = await storage.ReadAsync([Key("s")], CancellationToken.None);
        Assert.Equal(2, read[Key("s")].Get<int>());
    }

    [SkippableFact]
    public async Task Star_and_null_etags_overwrite_unconditionally()
    {
        var storage = await CreateStorageAsync();
        await WriteAsync(storage, Key("u"), 1, null);
        await WriteAsync(storage, Key("u"), 2, StoreItem.AnyETag);
        await WriteAsync(storage, Key("u"), 3, null);
        var read = await storage.ReadAsync([Key("u")], CancellationToken.None);
        Assert.Equal(3, read[Key("u")].Get<int>());
    }

    [SkippableFact]
    public async Task Specific_etag_on_a_missing_item_is_a_conflict()
    {
        var storage = await CreateStorageAsync();
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => WriteAsync(storage, Key("gone"), 1, "some-etag"));
        Assert.Empty(await storage.ReadAsync([Key("gone")], CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_batch_with_one_conflict_writes_nothing()
    {
        var storage = await CreateStorageAsync();
        var eTag = await WriteAsync(storage, Key("a"), 1, null);
        await WriteAsync(storage, Key("a"), 2, eTag);
        var batch = new Dictionary<string, StoreItem>
        {
            [Key("b")] = StoreItem.From(10),
            [Key("a")] = StoreItem.From(3, eTag),
        };

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(batch, CancellationToken.None));
        var read = await storage.ReadAsync([Key("a"), Key("b")], CancellationToken.None);
        Assert.Equal(2, read[Key("a")].Get<int>());
        Assert.False(read.ContainsKey(Key("b")));
    }

    /// <summary>
    /// Many turns saving at once, as at 64 concurrent conversations: every fresh write lands, every stale one
    /// fails alone, and a stale write never drags down the fresh ones committed beside it (SQLite groups them).
    /// </summary>
    [SkippableFact]
    public async Task Concurrent_writers_each_get_their_own_outcome()
    {
        var storage = await CreateStorageAsync();
        var first = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => WriteAsync(storage, Key("c" + i), 0, null)));
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            try
            {
                // Even keys write with the ETag they read; odd keys with one that never existed.
                await WriteAsync(storage, Key("c" + i), i, i % 2 == 0 ? first[i] : "stale-" + i);
                return true;
            }
            catch (StorageConcurrencyException ex)
            {
                Assert.Equal(Key("c" + i), ex.Key);
                return false;
            }
        }));

        var read = await storage.ReadAsync(Enumerable.Range(0, 40).Select(i => Key("c" + i)).ToList(), CancellationToken.None);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(i % 2 == 0, outcomes[i]);
            Assert.Equal(i % 2 == 0 ? i : 0, read[Key("c" + i)].Get<int>());
        }
    }

    /// <summary>Concurrent deletes and writes of different keys do not interfere.</summary>
    [SkippableFact]
    public async Task Concurrent_deletes_and_writes_of_different_keys()
    {
        var storage = await CreateStorageAsync();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => WriteAsync(storage, Key("d" + i), i, null)));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? storage.DeleteAsync([Key("d" + i)], CancellationToken.None)
            : WriteAsync(storage, Key("d" + i), 100 + i, StoreItem.AnyETag)));
        var read = await storage.ReadAsync(Enumerable.Range(0, 20).Select(i => Key("d" + i)).ToList(), CancellationToken.None);
        Assert.Equal(10, read.Count);
        Assert.All(read, kv => Assert.True(kv.Value.Get<int>() >= 100));
    }

    [SkippableFact]
    public async Task Only_one_of_two_racing_writers_wins()
    {
        var storage = await CreateStorageAsync();
        var eTag = await WriteAsync(storage, Key("race"), 0, null);
        var results = await Task.WhenAll(Enumerable.Range(1, 2).Select(async i =>
        {
            try
            {
                await WriteAsync(storage, Key("race"), i, eTag);
                return true;
            }
            catch (StorageConcurrencyException)
            {
                return false;
            }
        }));
        Assert.Equal(1, results.Count(won => won));
    }

    [SkippableFact]
    public async Task A_create_only_write_fails_when_the_key_exists()
    {
        var storage = await CreateStorageAsync();
        await WriteAsync(storage, Key("n"), 1, StoreItem.NewETag);
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => WriteAsync(storage, Key("n"), 2, StoreItem.NewETag));
        var read = await storage.ReadAsync([Key("n")], CancellationToken.None);
        Assert.Equal(1, read[Key("n")].Get<int>());
    }

    [SkippableFact]
    public async Task Delete_removes_items_and_ignores_missing_ones()
    {
        var storage = await CreateStorageAsync();
        await WriteAsync(storage, Key("d1"), 1, null);
        await WriteAsync(storage, Key("d2"), 2, null);
        await storage.DeleteAsync([Key("d1"), Key("never")], CancellationToken.None);
        var read = await storage.ReadAsync([Key("d1"), Key("d2")], CancellationToken.None);
        Assert.Equal([Key("d2")], read.Keys);
    }

    [SkippableFact]
    public async Task Json_documents_with_chinese_text_and_nesting_round_trip()
    {
        var storage = await CreateStorageAsync();
        using var doc = JsonDocument.Parse("""{"问题":"就业补贴","n":[1,2.5,{"x":null}],"ok":true}""");
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [Key("j")] = new(doc.RootElement.Clone()) }, CancellationToken.None);
        var read = (await storage.ReadAsync([Key("j")], CancellationToken.None))[Key("j")].Value;
        Assert.Equal("就业补贴", read.GetProperty("问题").GetString());
        Assert.Equal(2.5, read.GetProperty("n")[1].GetDouble());
        Assert.True(read.GetProperty("ok").GetBoolean());
    }

    private static async Task<string> WriteAsync(IStorage storage, string key, int value, string? eTag)
    {
        var written = await storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = StoreItem.From(value, eTag) }, CancellationToken.None);
        return written[key];
    }
}
