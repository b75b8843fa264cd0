using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BotAssistant.Bot.Transcripts;
using Microsoft.Extensions.DependencyInjection;

namespace BotAssistant.Web.Tests.Channels;

public sealed class DirectLineProtocolTests : IDisposable
{
    private readonly ChannelHostFactory _factory = new();

    [Fact]
    public async Task A_conversation_polls_replies_after_its_watermark()
    {
        var client = _factory.CreateClient();
        var (conversationId, token) = await StartAsync(client);

        var welcome = await GetActivitiesAsync(client, token, conversationId, "");
        Assert.Equal(ChannelProbeBot.Welcome, Assert.Single(welcome.Activities).GetProperty("text").GetString());

        using var posted = await PostAsync(client, token, conversationId, """{"type":"message","from":{"id":"ignored"},"text":"毕业生有什么补贴？"}""");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.StartsWith(conversationId + "|", id, StringComparison.Ordinal);

        var after = await GetActivitiesAsync(client, token, conversationId, welcome.Watermark);
        Assert.Equal(3, after.Activities.Count);
        var echo = after.Activities[0];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("dl_test_user", echo.GetProperty("from").GetProperty("id").GetString());
        var card = after.Activities[1].GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.hero", card.GetProperty("contentType").GetString());
        var suggested = after.Activities[2];
        Assert.Equal("bot", suggested.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("directline", suggested.GetProperty("channelId").GetString());
        Assert.Equal("我是高校毕业生", suggested.GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("value").GetString());

        var none = await GetActivitiesAsync(client, token, conversationId, after.Watermark);
        Assert.Empty(none.Activities);
        Assert.Equal(after.Watermark, none.Watermark);
    }

    [Fact]
    public async Task Turns_go_through_the_same_middleware_as_api_messages()
    {
        var client = _factory.CreateClient();
        var (conversationId, token) = await StartAsync(client);
        using var posted = await PostAsync(client, token, conversationId, """{"type":"message","text":"我的电话13912345678"}""");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var transcripts = _factory.Services.GetRequiredService<ITranscriptStore>();
        var logged = await transcripts.GetTranscriptAsync("directline", conversationId, CancellationToken.None);
        Assert.Contains(logged, a => a.Text is { } t && t.StartsWith("我的电话", StringComparison.Ordinal) && !t.Contains("13912345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tokens_generate_refresh_and_are_bound_to_their_conversation()
    {
        var client = _factory.CreateClient();
        var generated = await SendAsync(client, HttpMethod.Post, "/v3/directline/tokens/generate", ChannelHostFactory.Secret, "{}");
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var body = await generated.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var conversationId = body.GetProperty("conversationId").GetString()!;
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());

        var started = await SendAsync(client, HttpMethod.Post, "/v3/directline/conversations", token, null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(conversationId, conversation.GetProperty("conversationId").GetString());
        Assert.StartsWith("ws://", conversation.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);

        var refreshed = await SendAsync(client, HttpMethod.Post, "/v3/directline/tokens/refresh", token, null);
        var refreshedToken = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", refreshedToken, null)).StatusCode);

        var (other, _) = await StartAsync(client);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{other}/activities", token, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, HttpMethod.Post, "/v3/directline/tokens/generate", token, "{}")).StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-secret", HttpStatusCode.Forbidden)]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJjb252IjoieCJ9.c2lnbmF0dXJl", HttpStatusCode.Forbidden)]
    [InlineData("a.b.c", HttpStatusCode.Forbidden)]
    public async Task Missing_or_wrong_credentials_are_refused_not_failed(string? credential, HttpStatusCode expected)
    {
        var client = _factory.CreateClient();
        using var response = await SendAsync(client, HttpMethod.Post, "/v3/directline/conversations", credential, null);
        Assert.Equal(expected, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task An_expired_token_is_403()
    {
        using var shortLived = new ChannelHostFactory().With("DirectLine:TokenLifetimeMinutes", "1");
        var time = new ManualClock(DateTimeOffset.UtcNow);
        var client = shortLived.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(time))).CreateClient();
        var (conversationId, token) = await StartAsync(client);
        time.Advance(TimeSpan.FromMinutes(2));
        using var response = await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token, null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":"invokeResponse"}""")]
    [InlineData("[]")]
    public async Task Malformed_activities_are_400(string body)
    {
        var client = _factory.CreateClient();
        var (conversationId, token) = await StartAsync(client);
        using var response = await PostAsync(client, token, conversationId, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Huge_bodies_bad_watermarks_and_unknown_conversations_are_4xx()
    {
        var client = _factory.CreateClient();
        var (conversationId, token) = await StartAsync(client);
        var huge = $$"""{"type":"message","text":"{{new string('长', 40_000)}}"}""";
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(client, token, conversationId, huge)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=abc", token, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await SendAsync(client, HttpMethod.Get, "/v3/directline/conversations/nosuchconversation/activities", ChannelHostFactory.Secret, null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/stream", token, null)).StatusCode);
    }

    [Fact]
    public async Task The_log_keeps_only_the_newest_activities()
    {
        using var small = new ChannelHostFactory().With("DirectLine:MaxActivitiesPerConversation", "4");
        var client = small.CreateClient();
        var (conversationId, token) = await StartAsync(client);
        for (var i = 0; i < 5; i++)
        {
            (await PostAsync(client, token, conversationId, $$"""{"type":"message","text":"m{{i}}"}""")).Dispose();
        }

        var all = await GetActivitiesAsync(client, token, conversationId, "");
        Assert.Equal(["m3", "收到：m3", "m4", "收到：m4"], all.Activities.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("10", all.Watermark);
    }

    [Fact]
    public async Task The_oldest_conversation_is_dropped_beyond_the_limit()
    {
        using var small = new ChannelHostFactory().With("DirectLine:MaxConversations", "2");
        var client = small.CreateClient();
        var (first, _) = await StartAsync(client);
        await StartAsync(client);
        await StartAsync(client);
        using var response = await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{first}/activities", ChannelHostFactory.Secret, null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_least_recently_active_conversation_is_dropped_when_the_log_outgrows_its_bytes()
    {
        using var small = new ChannelHostFactory().With("DirectLine:MaxLogMegabytes", "1");
        var client = small.CreateClient();
        var (first, firstToken) = await StartAsync(client);
        // Letters and digits at random: the log packs its JSON, and a repeated letter would pack to nothing.
        var random = new Random(7);
        const string Symbols = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var longText = string.Concat(Enumerable.Range(0, 40_000).Select(_ => Symbols[random.Next(Symbols.Length)]));
        for (var i = 0; i < 24; i++)
        {
            (await PostAsync(client, firstToken, first, $$"""{"type":"message","text":"{{longText}}"}""")).Dispose();
        }

        // The conversation being written to is never the one dropped, even when it alone is past the budget.
        Assert.NotEmpty((await GetActivitiesAsync(client, firstToken, first, "")).Activities);

        var (second, secondToken) = await StartAsync(client);
        (await PostAsync(client, secondToken, second, """{"type":"message","text":"你好"}""")).Dispose();
        using var gone = await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{first}/activities", ChannelHostFactory.Secret, null);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var kept = await GetActivitiesAsync(client, secondToken, second, "");
        Assert.Equal(["欢迎使用测试助手", "你好", "收到：你好"], kept.Activities.Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task The_page_token_works_without_the_secret()
    {
        var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/directline/token", null);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = page.GetProperty("token").GetString()!;
        Assert.StartsWith("dl_", page.GetProperty("userId").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ChannelHostFactory.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(client, HttpMethod.Post, "/v3/directline/conversations", token, null)).StatusCode);
    }

    [Fact]
    public async Task The_stream_pushes_activity_sets_over_a_websocket()
    {
        var (conversationId, token) = await StartAsync(_factory.CreateClient());
        var socketClient = _factory.Server.CreateWebSocketClient();
        using var socket = await socketClient.ConnectAsync(
            new Uri($"ws://localhost/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}"), CancellationToken.None);

        var first = await ReceiveAsync(socket);
        Assert.Equal(ChannelProbeBot.Welcome, first.GetProperty("activities")[0].GetProperty("text").GetString());

        (await PostAsync(_factory.CreateClient(), token, conversationId, """{"type":"message","text":"你好"}""")).Dispose();
        var texts = new List<string?>();
        while (texts.Count < 2)
        {
            var set = await ReceiveAsync(socket);
            texts.AddRange(set.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        }

        Assert.Equal(["你好", "收到：你好"], texts);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    internal static async Task<(string ConversationId, string Token)> StartAsync(HttpClient client)
    {
        using var response = await SendAsync(client, HttpMethod.Post, "/v3/directline/conversations", ChannelHostFactory.Secret, """{"user":{"id":"dl_test_user"}}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string conversationId, string body) =>
        SendAsync(client, HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, body);

    private static async Task<(List<JsonElement> Activities, string? Watermark)> GetActivitiesAsync(
        HttpClient client, string token, string conversationId, string? watermark)
    {
        using var response = await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var mark = body.TryGetProperty("watermark", out var w) ? w.GetString() : null;
        return (body.GetProperty("activities").EnumerateArray().ToList(), mark);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? credential, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await socket.ReceiveAsync(buffer, guard.Token);
        Assert.True(result.EndOfMessage);
        return JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.Clone();
    }

    public void Dispose() => _factory.Dispose();
}
