using System.Net;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Testing;
using BotAssistant.Web.Tests.Runtime;

namespace BotAssistant.Web.Tests.Operations;

/// <summary>The state store goes away and comes back while the host keeps running.</summary>
public sealed class StoreFaultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task Redis_stopped_means_not_ready_and_an_apology_then_the_conversation_resumes_where_it_was()
    {
        using var redis = RedisServer.Start();
        await using var factory = new AssistantHostFactory()
            .With("Storage:Kind", "Redis")
            .With("Storage:Redis", redis.Configuration)
            .With("Storage:RedisKeyPrefix", $"fault-{Guid.NewGuid():N}:")
            .With("Operations:ReadinessTimeoutMilliseconds", "500");
        var client = factory.CreateClient();

        var first = await TurnAsync(client, "我能领什么补贴");
        Assert.All(first, r => Assert.Equal(1, OperationsEndpointTests.TurnOf(r)));

        redis.Stop();
        await Waiting.UntilAsync(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.ServiceUnavailable, Timeout, "readiness fails");
        var apology = await TurnAsync(client, "个人");
        Assert.Contains("稍后再试", Assert.Single(apology).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        redis.Resume();
        await Waiting.UntilAsync(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, Timeout, "readiness recovers");
        var resumed = await TurnAsync(client, "个人");
        Assert.All(resumed, r => Assert.Equal(2, OperationsEndpointTests.TurnOf(r)));
        Assert.DoesNotContain(resumed, r => r.Text?.Contains("稍后再试", StringComparison.Ordinal) == true);
    }

    private static async Task<List<Activity>> TurnAsync(HttpClient client, string text)
    {
        using var response = await Activities.PostAsync(client, Activities.Message(text, DeliveryModes.ExpectReplies, "fault-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Activities.RepliesAsync(response);
    }
}
