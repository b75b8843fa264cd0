using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BotAssistant.Bot.Hosting;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Transcripts;
using Microsoft.Extensions.DependencyInjection;

namespace BotAssistant.Web.Tests.Runtime;

public sealed class BotMessagesEndpointTests : IDisposable
{
    private readonly BotHostFactory _factory = new();

    [Fact]
    public async Task Expect_replies_returns_the_replies_in_the_response()
    {
        var client = _factory.CreateClient();
        var incoming = Activities.Message("你好世界", DeliveryModes.ExpectReplies);

        using var response = await Activities.PostAsync(client, incoming);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await Activities.RepliesAsync(response));
        Assert.Equal("4", reply.Text);
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(incoming.Id, reply.ReplyToId);
        Assert.Equal("bot-1", reply.From?.Id);
        Assert.Equal("user-1", reply.Recipient?.Id);
        Assert.Equal("conv-1", reply.Conversation?.Id);
        Assert.Empty(_factory.Channel.Received);
    }

    [Fact]
    public async Task Normal_delivery_answers_202_and_posts_the_reply_to_the_service_url()
    {
        var client = _factory.CreateClient();
        var incoming = Activities.Message("abc", conversationId: "a:b/c");

        using var response = await Activities.PostAsync(client, incoming);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var (request, reply) = Assert.Single(_factory.Channel.Received);
        Assert.Equal($"http://channel.test/v3/conversations/a%3Ab%2Fc/activities/{incoming.Id}", request.RequestUri!.AbsoluteUri);
        Assert.Equal("3", reply.Text);
        Assert.Null(request.Headers.Authorization);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("[]")]
    public async Task Malformed_bodies_get_400_with_a_reason(string body)
    {
        var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Bodies_over_the_limit_get_413()
    {
        _factory.With("Bot:MaxRequestBytes", "1024");
        var client = _factory.CreateClient();
        var activity = Activities.Message(new string('长', 2000), DeliveryModes.ExpectReplies);

        using var response = await Activities.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_activity_types_are_acknowledged_and_ignored()
    {
        var client = _factory.CreateClient();
        var activity = Activities.Message("x", DeliveryModes.ExpectReplies);
        activity.Type = "somethingNew";

        using var response = await Activities.PostAsync(client, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _factory.Services.GetServices<Bot.Turn.IBot>().OfType<RuntimeProbeBot>().Single().Turns);
    }

    [Fact]
    public async Task A_failing_turn_apologises_with_the_configured_text_and_saves_no_state()
    {
        var client = _factory.CreateClient();
        async Task<string?> Say(string text) =>
            Assert.Single(await Activities.RepliesAsync(await Activities.PostAsync(client, Activities.Message(text, DeliveryModes.ExpectReplies)))).Text;

        Assert.Equal("count=1", await Say("count"));
        Assert.Equal("出错了（测试）", await Say("boom"));
        Assert.Equal("count=2", await Say("count"));
    }

    [Fact]
    public async Task Unknown_properties_round_trip_through_the_endpoint()
    {
        var client = _factory.CreateClient();
        const string body = """
            {"type":"message","id":"1","channelId":"test","serviceUrl":"http://channel.test/","deliveryMode":"expectReplies",
             "from":{"id":"u","extra":1},"recipient":{"id":"b"},"conversation":{"id":"c"},"text":"hi",
             "futureField":{"nested":[1,2]},"channelData":{"clientActivityID":"x"}}
            """;
        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var activity = BotJson.Deserialize<Activity>(body)!;
        var again = JsonDocument.Parse(BotJson.Serialize(activity)).RootElement;
        Assert.Equal(2, again.GetProperty("futureField").GetProperty("nested")[1].GetInt32());
        Assert.Equal(1, again.GetProperty("from").GetProperty("extra").GetInt32());
    }

    [Fact]
    public async Task Transcripts_are_stored_with_personal_numbers_masked()
    {
        var client = _factory.CreateClient();
        using var _ = await Activities.PostAsync(
            client, Activities.Message("我的电话13812345678，身份证11010519491231002X", DeliveryModes.ExpectReplies, "conv-pii"));

        var store = _factory.Services.GetRequiredService<ITranscriptStore>();
        var transcript = await store.GetTranscriptAsync("test", "conv-pii", CancellationToken.None);
        Assert.Equal(2, transcript.Count);
        Assert.Equal("我的电话138****5678，身份证**************002X", transcript[0].Text);
    }

    [Fact]
    public void The_content_root_is_the_repository_root()
    {
        var layout = _factory.Services.GetRequiredService<RepositoryLayout>();
        Assert.True(File.Exists(layout.AppSettingsPath));
        Assert.True(Directory.Exists(layout.KnowledgeDirectory));
    }

    [Fact]
    public void The_host_refuses_to_start_without_a_bot()
    {
        using var factory = new BotHostFactory { RegisterBot = false };
        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("No IBot is registered", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
