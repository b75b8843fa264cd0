using System.Net;
using System.Text.Json;
using BotAssistant.Bot.Schema;
using BotAssistant.Web.Tests.Runtime;

namespace BotAssistant.Web.Tests.Operations;

public sealed class OperationsEndpointTests : IDisposable
{
    private readonly AssistantHostFactory _factory = new();

    [Fact]
    public async Task Healthz_and_readyz_report_the_process_the_store_and_the_catalog()
    {
        var client = _factory.CreateClient();

        using var health = await client.GetAsync("/healthz");
        using var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Contains("measures", checks.GetProperty("catalog").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_count_turns_not_understood_replies_and_the_measures_answered()
    {
        var client = _factory.CreateClient();
        // One lookup that names measures and one message the assistant cannot read, in separate conversations.
        var lookup = await Activities.RepliesAsync(
            await Activities.PostAsync(client, Activities.Message("稷山场地租赁补贴", DeliveryModes.ExpectReplies, "m-1")));
        var nonsense = await Activities.RepliesAsync(
            await Activities.PostAsync(client, Activities.Message("啊啊啊啊嗯嗯嗯", DeliveryModes.ExpectReplies, "m-2")));

        using var metrics = JsonDocument.Parse(await client.GetStringAsync("/metrics"));

        var turns = metrics.RootElement.GetProperty("turns");
        Assert.Equal(2, turns.GetProperty("turns").GetInt64());
        Assert.Equal(1, turns.GetProperty("notUnderstood").GetInt64());
        Assert.Equal(0.5, turns.GetProperty("notUnderstoodRate").GetDouble());
        Assert.NotEqual(JsonValueKind.Null, turns.GetProperty("latency").GetProperty("p99Milliseconds").ValueKind);
        var asked = turns.GetProperty("mostAskedMeasures").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        var answered = lookup.Select(r => r.Value).OfType<JsonElement>()
            .SelectMany(v => v.TryGetProperty("measures", out var m) ? m.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(m => m.GetProperty("id").GetString()).Distinct().ToList();
        Assert.NotEmpty(answered);
        Assert.Equal(answered.Order(), asked.Order());
        Assert.All(nonsense, r => Assert.Null(r.Value));
    }

    [Fact]
    public async Task Metrics_say_what_the_process_holds_in_memory()
    {
        using var metrics = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync("/metrics"));

        var process = metrics.RootElement.GetProperty("process");
        var resident = process.GetProperty("residentMegabytes").GetDouble();
        var committed = process.GetProperty("managedCommittedMegabytes").GetDouble();
        Assert.True(resident > committed, $"resident {resident} MB should include the committed managed heap {committed} MB");
        Assert.True(committed >= process.GetProperty("managedHeapMegabytes").GetDouble());
        Assert.True(process.GetProperty("threads").GetInt32() > 0);
    }

    [Fact]
    public async Task Every_reply_carries_the_number_of_its_turn()
    {
        var client = _factory.CreateClient();

        for (var turn = 1; turn <= 3; turn++)
        {
            var replies = await Activities.RepliesAsync(
                await Activities.PostAsync(client, Activities.Message("我能领什么补贴", DeliveryModes.ExpectReplies, "count-1")));
            Assert.All(replies, r => Assert.Equal(turn, TurnOf(r)));
        }
    }

    internal static long TurnOf(Activity reply) =>
        reply.ChannelData is JsonElement { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("turn", out var turn)
            ? turn.GetInt64()
            : -1;

    public void Dispose() => _factory.Dispose();
}
