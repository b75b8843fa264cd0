using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Testing;
using BotAssistant.Web.Tests.Runtime;

namespace BotAssistant.Web.Tests.Operations;

/// <summary>Real host processes: two instances on one Redis, and a crash with SQLite state.</summary>
public sealed class ScaleOutTests
{
    private const string Secret = "scale-out-test-secret";
    private static readonly string[] Script = ["我能领什么补贴", "个人", "平凉", "帮助", "稷山场地租赁补贴", "重新开始"];

    [SkippableFact]
    public async Task Two_instances_on_one_redis_share_a_conversation_over_api_messages_and_direct_line()
    {
        using var redis = RedisServer.Start();
        var prefix = $"scale-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string>
        {
            ["Storage:Kind"] = "Redis",
            ["Storage:Redis"] = redis.Configuration,
            ["Storage:RedisKeyPrefix"] = prefix + ":state:",
            ["DirectLine:Log"] = "Redis",
            ["DirectLine:RedisKeyPrefix"] = prefix + ":dl:",
            ["DirectLine:Secret"] = Secret,
            ["WeChat:Token"] = Channels.ChannelHostFactory.WeChatToken,
        };
        await using var a = await HostProcess.StartAsync(settings);
        await using var b = await HostProcess.StartAsync(settings);
        HostProcess[] hosts = [a, b];

        for (var turn = 1; turn <= Script.Length; turn++)
        {
            var incoming = Activities.Message(Script[turn - 1], DeliveryModes.ExpectReplies, "shared-1");
            using var response = await Activities.PostAsync(hosts[turn % 2].Client, incoming);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var replies = await Activities.RepliesAsync(response);
            Assert.NotEmpty(replies);
            Assert.All(replies, r => Assert.Equal(turn, OperationsEndpointTests.TurnOf(r)));
            Assert.All(replies, r => Assert.Equal(incoming.Id, r.ReplyToId));
        }

        await DirectLineAcrossAsync(a, b);
        await WeChatResendAcrossAsync(a, b);
    }

    [SkippableFact]
    public async Task A_host_killed_mid_conversation_continues_from_the_last_completed_turn()
    {
        var directory = Path.Combine(Path.GetTempPath(), "botassistant-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string>
        {
            ["Storage:Kind"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(directory, "state.db"),
        };
        try
        {
            var host = await HostProcess.StartAsync(settings);
            try
            {
                for (var turn = 1; turn <= 3; turn++)
                {
                    await AssertTurnAsync(host, Script[turn - 1], turn);
                }

                host.Crash();
            }
            finally
            {
                await host.DisposeAsync();
            }

            await using var restarted = await HostProcess.StartAsync(settings);
            await AssertTurnAsync(restarted, Script[3], 4);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task AssertTurnAsync(HostProcess host, string text, int expected)
    {
        using var response = await Activities.PostAsync(host.Client, Activities.Message(text, DeliveryModes.ExpectReplies, "crash-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(await Activities.RepliesAsync(response), r => Assert.Equal(expected, OperationsEndpointTests.TurnOf(r)));
    }

    /// <summary>A WeChat message answered by A and resent by the platform to B: B gives A's answer and runs no turn.</summary>
    private static async Task WeChatResendAcrossAsync(HostProcess a, HostProcess b)
    {
        var before = await WeChatTurnsAsync(a) + await WeChatTurnsAsync(b);
        var xml = Channels.WeChatClient.TextXml("巫山见习补贴多少钱", 9001, "oUser-scale");
        using var first = await new Channels.WeChatClient(a.Client).PostPlainAsync(xml);
        using var resent = await new Channels.WeChatClient(b.Client).PostPlainAsync(xml);
        var answer = await Channels.WeChatClient.ContentAsync(first);
        Assert.Contains("1300", answer, StringComparison.Ordinal);
        Assert.Equal(answer, await Channels.WeChatClient.ContentAsync(resent));
        Assert.Equal(before + 1, await WeChatTurnsAsync(a) + await WeChatTurnsAsync(b));
    }

    private static async Task<long> WeChatTurnsAsync(HostProcess host)
    {
        using var metrics = JsonDocument.Parse(await host.Client.GetStringAsync("/metrics"));
        return metrics.RootElement.GetProperty("turns").GetProperty("turnsByChannel").TryGetProperty("wechat", out var count)
            ? count.GetInt64()
            : 0;
    }

    /// <summary>Starts on A, posts alternately to B and A, streams from A: every activity once, in order, turns 1..n.</summary>
    private static async Task DirectLineAcrossAsync(HostProcess a, HostProcess b)
    {
        var (conversationId, token) = await StartConversationAsync(a.Client);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        using var connect = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(new Uri($"{a.BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}/v3/directline/conversations/{conversationId}/stream?t={token}"), connect.Token);

        string? watermark = null;
        var seen = new List<JsonElement>();
        HostProcess[] hosts = [a, b];
        const int Turns = 4;
        for (var turn = 1; turn <= Turns; turn++)
        {
            var poster = hosts[turn % 2];
            using var posted = await SendAsync(poster.Client, HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token,
                $$"""{"type":"message","from":{"id":"dl_user"},"text":"{{Script[turn - 1]}}"}""");
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            var postedId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            var reader = hosts[(turn + 1) % 2];
            using var got = await SendAsync(reader.Client, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token, null);
            var body = await got.Content.ReadFromJsonAsync<JsonElement>();
            watermark = body.GetProperty("watermark").GetString();
            var batch = body.GetProperty("activities").EnumerateArray().ToList();
            // The first batch also holds the welcome, which answers the conversationUpdate, not a message turn.
            var bot = batch.Where(x => x.TryGetProperty("replyToId", out var to) && to.GetString() == postedId).ToList();
            Assert.NotEmpty(bot);
            Assert.All(bot, x => Assert.Equal(turn, x.GetProperty("channelData").GetProperty("turn").GetInt64()));
            seen.AddRange(batch);
        }

        var ids = seen.Select(x => x.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(Turns, seen.Count(x => x.GetProperty("from").GetProperty("id").GetString() == "dl_user"));

        // The stream on A saw the activities posted through B as well: pub/sub crossed instances.
        var streamed = new HashSet<string?>();
        var buffer = new byte[256 * 1024];
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!ids.All(streamed.Contains))
        {
            var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, guard.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            using var set = JsonDocument.Parse(message.ToArray());
            foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
            {
                Assert.True(streamed.Add(activity.GetProperty("id").GetString()), "the stream sent an activity twice");
            }
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    private static async Task<(string ConversationId, string Token)> StartConversationAsync(HttpClient client)
    {
        using var response = await SendAsync(client, HttpMethod.Post, "/v3/directline/conversations", Secret, """{"user":{"id":"dl_user"}}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string credential, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }
}
