using System.Net;
using BotAssistant.Bot.Schema;
using BotAssistant.Web.Tests.Runtime;

namespace BotAssistant.Web.Tests.Operations;

public sealed class ConcurrencyAndLimitTests
{
    [Fact]
    public async Task Messages_of_one_conversation_sent_at_once_each_get_their_own_turn()
    {
        await using var factory = new AssistantHostFactory().With("RateLimits:PerConversation:PermitLimit", "0");
        var client = factory.CreateClient();

        var turns = new List<long>();
        for (var round = 0; round < 5; round++)
        {
            var pair = await Task.WhenAll(
                Activities.PostAsync(client, Activities.Message("我能领什么补贴", DeliveryModes.ExpectReplies, "race-1")),
                Activities.PostAsync(client, Activities.Message("帮助", DeliveryModes.ExpectReplies, "race-1")));
            foreach (var response in pair)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var replies = await Activities.RepliesAsync(response);
                Assert.DoesNotContain(replies, r => r.Text?.Contains("稍后再试", StringComparison.Ordinal) == true);
                turns.Add(Assert.Single(replies.Select(OperationsEndpointTests.TurnOf).Distinct()));
                response.Dispose();
            }
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), turns.Order());
    }

    [Fact]
    public async Task Too_many_messages_in_one_conversation_get_a_polite_reply_and_no_turn()
    {
        await using var factory = new AssistantHostFactory()
            .With("RateLimits:PerConversation:PermitLimit", "3")
            .With("RateLimits:PerConversation:WindowSeconds", "60");
        var client = factory.CreateClient();

        for (var i = 1; i <= 3; i++)
        {
            var replies = await Activities.RepliesAsync(await Activities.PostAsync(client, Activities.Message("帮助", DeliveryModes.ExpectReplies, "busy-1")));
            Assert.All(replies, r => Assert.Equal(i, OperationsEndpointTests.TurnOf(r)));
        }

        var limited = await Activities.RepliesAsync(await Activities.PostAsync(client, Activities.Message("帮助", DeliveryModes.ExpectReplies, "busy-1")));
        Assert.Contains("太快", Assert.Single(limited).Text, StringComparison.Ordinal);
        var other = await Activities.RepliesAsync(await Activities.PostAsync(client, Activities.Message("帮助", DeliveryModes.ExpectReplies, "calm-1")));
        Assert.All(other, r => Assert.Equal(1, OperationsEndpointTests.TurnOf(r)));
    }

    [Theory]
    [InlineData(false, HttpStatusCode.OK)]
    [InlineData(true, HttpStatusCode.TooManyRequests)]
    public async Task Loopback_callers_are_limited_per_address_only_when_asked(bool limitLoopback, HttpStatusCode third)
    {
        // A real socket from 127.0.0.1 (the test server has no address), as a local test player or a same-host proxy.
        using var factory = new Channels.ChannelHostFactory()
            .With("RateLimits:PerClient:PermitLimit", "2")
            .With("RateLimits:PerClient:WindowSeconds", "60")
            .With("RateLimits:LimitLoopback", limitLoopback ? "true" : "false");
        using var client = new HttpClient { BaseAddress = new Uri(factory.StartKestrel()) };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Activities.PostAsync(client, Activities.Message("你好", DeliveryModes.ExpectReplies, $"loop-{i}"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, third], statuses);
    }

    [Fact]
    public async Task Too_many_requests_from_one_address_are_429_with_retry_after()
    {
        await using var factory = new AssistantHostFactory()
            .With("RateLimits:PerClient:PermitLimit", "2")
            .With("RateLimits:PerClient:WindowSeconds", "60");
        var client = factory.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var ok = await Activities.PostAsync(client, Activities.Message("帮助", DeliveryModes.ExpectReplies, $"addr-{i}"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await Activities.PostAsync(client, Activities.Message("帮助", DeliveryModes.ExpectReplies, "addr-3"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta?.TotalSeconds > 0, "Retry-After is set");
        using var probe = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }
}
