using BotAssistant.Bot.Schema;
using BotAssistant.Bot.State;
using BotAssistant.Bot.Storage;
using BotAssistant.Bot.Testing;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Bot.Tests.State;

public sealed class BotStateTests
{
    private sealed class Profile : IVersionedState
    {
        public int Version { get; set; } = 2;

        public string? Place { get; set; }
    }

    private static TurnContext Turn(string conversation = "c1") => new(
        new Activity { ChannelId = "test", Conversation = new(conversation), From = new("u1"), Text = "x" },
        (_, a, _) => Task.FromResult<IReadOnlyList<ResourceResponse>>(a.Select(_ => new ResourceResponse(null)).ToList()));

    [Fact]
    public async Task Mutated_objects_are_saved_and_read_once_per_turn()
    {
        var storage = new CountingStorage(new MemoryStorage());
        var state = new ConversationState(storage);
        var profile = state.CreateProperty<Profile>("profile");
        var first = Turn();
        (await profile.GetAsync(first, () => new Profile())).Place = "平凉";
        Assert.Equal("平凉", (await profile.GetAsync(first, () => new Profile())).Place);
        await state.SaveChangesAsync(first);
        Assert.Equal(1, storage.Reads);

        var second = Turn();
        Assert.Equal("平凉", (await profile.GetAsync(second, () => new Profile())).Place);
        await state.SaveChangesAsync(second);
        Assert.Equal(1, storage.Writes);
    }

    [Fact]
    public async Task A_record_of_another_version_is_replaced_by_a_fresh_one()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var turn = Turn();
        await state.CreateProperty<Profile>("profile").SetAsync(turn, new Profile { Version = 1, Place = "旧" });
        await state.SaveChangesAsync(turn);

        var fresh = await state.CreateProperty<Profile>("profile").GetAsync(Turn(), () => new Profile());
        Assert.Null(fresh.Place);
    }

    [Fact]
    public async Task Concurrent_turns_on_one_conversation_conflict_instead_of_overwriting()
    {
        var state = new ConversationState(new MemoryStorage());
        var profile = state.CreateProperty<Profile>("profile");
        var a = Turn();
        var b = Turn();
        (await profile.GetAsync(a, () => new Profile())).Place = "A";
        (await profile.GetAsync(b, () => new Profile())).Place = "B";
        await state.SaveChangesAsync(a);
        var second = Turn();
        (await profile.GetAsync(second, () => new Profile())).Place = "A2";
        await state.SaveChangesAsync(second);

        (await profile.GetAsync(b, () => new Profile())).Place = "B2";
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => state.SaveChangesAsync(b));
    }

    [Fact]
    public async Task Middleware_runs_in_order_and_a_failed_turn_is_not_saved()
    {
        var storage = new CountingStorage(new MemoryStorage());
        var state = new ConversationState(storage);
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(state));
        adapter.OnTurnError = (ctx, _, ct) => ctx.SendActivityAsync("error", ct);
        var counter = state.CreateProperty<Profile>("p");

        await new TestFlow(adapter, async (ctx, ct) =>
            {
                (await counter.GetAsync(ctx, () => new Profile(), ct)).Place = ctx.Activity.Text;
                if (ctx.Activity.Text == "fail")
                {
                    throw new InvalidOperationException("boom");
                }

                await ctx.SendActivityAsync("ok", ct);
            })
            .Send("one").AssertReply("ok")
            .Send("fail").AssertReply("error")
            .StartTestAsync();
        Assert.Equal(1, storage.Writes);
    }

    private sealed class CountingStorage(IStorage inner) : IStorage
    {
        public int Reads { get; private set; }

        public int Writes { get; private set; }

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        {
            Reads++;
            return inner.ReadAsync(keys, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
        {
            Writes++;
            return inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => inner.DeleteAsync(keys, cancellationToken);
    }
}
