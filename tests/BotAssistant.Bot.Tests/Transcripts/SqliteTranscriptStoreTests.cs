using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Transcripts;

namespace BotAssistant.Bot.Tests.Transcripts;

public sealed class SqliteTranscriptStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "transcripts-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Turns_logged_at_once_from_many_conversations_come_back_complete_and_in_order()
    {
        using var store = new SqliteTranscriptStore(Path.Combine(_directory, "t.db"));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async c =>
        {
            for (var turn = 0; turn < 10; turn++)
            {
                await store.LogAsync([TranscriptEntry.Masked(Message(c, $"用户{turn}")), TranscriptEntry.Masked(Message(c, $"回复{turn}"))], CancellationToken.None);
            }
        }));

        for (var c = 0; c < 20; c++)
        {
            var texts = (await store.GetTranscriptAsync("test", $"conv-{c}", CancellationToken.None)).Select(a => a.Text);
            Assert.Equal(Enumerable.Range(0, 10).SelectMany(t => new[] { $"用户{t}", $"回复{t}" }), texts);
        }
    }

    [Fact]
    public async Task Logged_rows_are_there_after_the_store_is_disposed_and_reopened()
    {
        var path = Path.Combine(_directory, "d.db");
        var store = new SqliteTranscriptStore(path);
        var writes = Enumerable.Range(0, 50).Select(i => store.LogAsync([TranscriptEntry.Masked(Message(1, $"第{i}条"))], CancellationToken.None)).ToList();
        await Task.WhenAll(writes);
        store.Dispose();

        using var reopened = new SqliteTranscriptStore(path);
        Assert.Equal(50, (await reopened.GetTranscriptAsync("test", "conv-1", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_conversation_id_that_looks_like_a_phone_number_is_filed_and_returned_unmasked()
    {
        using var store = new SqliteTranscriptStore(Path.Combine(_directory, "p.db"));
        var activity = Message(0, "我的手机13812345678");
        activity.Conversation = new("13812345678");
        await store.LogAsync([TranscriptEntry.Masked(activity)], CancellationToken.None);

        var logged = Assert.Single(await store.GetTranscriptAsync("test", "13812345678", CancellationToken.None));
        Assert.Equal("13812345678", logged.Conversation!.Id);
        Assert.DoesNotContain("13812345678", logged.Text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static Activity Message(int conversation, string text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        Conversation = new($"conv-{conversation}"),
        Text = text,
        Timestamp = DateTimeOffset.UnixEpoch,
    };
}
