using System.Text.Json;
using BotAssistant.Bot.Testing;

namespace BotAssistant.Web.Tests.Channels;

/// <summary>
/// The official botframework-directlinejs 0.15.8 client, with only its domain pointed at our host on a real
/// Kestrel port, holds a conversation: question, suggested action, answer with the amount.
/// </summary>
public sealed class DirectLineNodeTests
{
    [SkippableFact]
    public Task The_official_client_converses_by_polling() => ConverseAsync("polling");

    [SkippableFact]
    public Task The_official_client_converses_over_the_websocket_stream() => ConverseAsync("websocket");

    private static async Task ConverseAsync(string mode)
    {
        NodeScript.RequirePackage("botframework-directlinejs");
        using var factory = new ChannelHostFactory();
        var address = factory.StartKestrel();

        var output = await NodeScript.RunAsync("directline-client.js", [$"{address}/v3/directline", ChannelHostFactory.Secret, mode]);

        using var result = JsonDocument.Parse(output);
        var activities = result.RootElement.GetProperty("activities").EnumerateArray().ToList();
        var texts = activities.Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null).ToList();
        Assert.Equal(ChannelProbeBot.Welcome, texts[0]);
        Assert.Contains("毕业生有什么补贴？", texts);
        Assert.Contains("我是高校毕业生", texts);
        Assert.Contains($"您可以申请{ChannelProbeBot.Amount}。", texts);
        Assert.All(activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user"),
            a => Assert.Equal("dl_node_user", a.GetProperty("from").GetProperty("id").GetString()));
        Assert.Contains("Online", result.RootElement.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(1, factory.Bot.Received["我是高校毕业生"]);
    }
}
