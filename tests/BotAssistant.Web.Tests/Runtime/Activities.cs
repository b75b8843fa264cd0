using System.Net.Http.Json;
using BotAssistant.Bot.Schema;

namespace BotAssistant.Web.Tests.Runtime;

internal static class Activities
{
    public const string ServiceUrl = "http://channel.test/";

    public static Activity Message(string text, string? deliveryMode = null, string conversationId = "conv-1") => new()
    {
        Type = ActivityTypes.Message,
        Id = "act-" + Guid.NewGuid().ToString("N")[..8],
        ChannelId = "test",
        ServiceUrl = ServiceUrl,
        From = new ChannelAccount("user-1", "用户"),
        Recipient = new ChannelAccount("bot-1", "BotAssistant"),
        Conversation = new ConversationAccount(conversationId),
        Text = text,
        Locale = "zh-CN",
        DeliveryMode = deliveryMode,
    };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Activity activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(activity, options: BotJson.Options),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    public static async Task<List<Activity>> RepliesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<ExpectedReplies>(BotJson.Options);
        return body!.Activities.ToList();
    }
}
