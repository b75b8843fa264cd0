using System.Text.Json;
using BotAssistant.Bot.Schema;

namespace BotAssistant.Bot.Tests.Schema;

public sealed class ActivityJsonTests
{
    [Fact]
    public void Serializes_camel_case_without_nulls_and_keeps_chinese_readable()
    {
        var activity = MessageFactory.SuggestedActions(["是", "否"], "确认吗？");
        var json = BotJson.Serialize(activity);
        Assert.Contains("\"type\":\"message\"", json, StringComparison.Ordinal);
        Assert.Contains("\"suggestedActions\":{\"actions\":[{\"type\":\"imBack\",\"title\":\"是\",\"value\":\"是\"}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_properties_round_trip()
    {
        const string json = """{"type":"message","text":"x","newThing":{"a":[1]},"conversation":{"id":"c","tenantExtra":"t"}}""";
        var again = JsonDocument.Parse(BotJson.Serialize(BotJson.Deserialize<Activity>(json))).RootElement;
        Assert.Equal(1, again.GetProperty("newThing").GetProperty("a")[0].GetInt32());
        Assert.Equal("t", again.GetProperty("conversation").GetProperty("tenantExtra").GetString());
    }

    [Fact]
    public void Cards_carry_their_content_types()
    {
        var hero = new HeroCard { Title = "一次性吸纳就业补贴", Buttons = [CardAction.ImBack("查看")] }.ToAttachment();
        Assert.Equal("application/vnd.microsoft.card.hero", hero.ContentType);
        var adaptive = AdaptiveCards.ToAttachment(new { type = "AdaptiveCard", version = "1.5" });
        var read = BotJson.Deserialize<Attachment>(BotJson.Serialize(adaptive))!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", read.ContentType);
        Assert.Equal("1.5", read.ContentAs<JsonElement>().GetProperty("version").GetString());
        Assert.Equal("一次性吸纳就业补贴", BotJson.Deserialize<Attachment>(BotJson.Serialize(hero))!.ContentAs<HeroCard>()!.Title);
    }

    [Fact]
    public void Create_reply_addresses_the_sender()
    {
        var incoming = new Activity
        {
            Id = "1", ChannelId = "webchat", ServiceUrl = "http://s/", From = new("u"), Recipient = new("b"),
            Conversation = new("c"), Locale = "zh-CN",
        };
        var reply = incoming.CreateReply("好的");
        Assert.Equal(("b", "u", "c", "1", "webchat"), (reply.From!.Id, reply.Recipient!.Id, reply.Conversation!.Id, reply.ReplyToId, reply.ChannelId));
    }
}
