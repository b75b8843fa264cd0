using System.Net;
using BotAssistant.Web.Tests.Channels;

namespace BotAssistant.Web.Tests.BadInput;

/// <summary>The WeChat endpoint never expands entities, never trusts an unsigned or replayed request.</summary>
public sealed class WeChatBadInputTests : IDisposable
{
    private const string Bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
        <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
        <xml><ToUserName>gh</ToUserName><FromUserName>oUser-1</FromUserName><CreateTime>1700000000</CreateTime><MsgType>text</MsgType><Content>&f;</Content><MsgId>9001</MsgId></xml>
        """;

    private const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE xml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <xml><ToUserName>gh</ToUserName><FromUserName>oUser-1</FromUserName><CreateTime>1700000000</CreateTime><MsgType>text</MsgType><Content>&secret;</Content><MsgId>9002</MsgId></xml>
        """;

    private readonly ChannelHostFactory _factory = new();

    [Theory]
    [InlineData(Bomb)]
    [InlineData(ExternalEntity)]
    [InlineData("<xml><Content>unclosed")]
    [InlineData("not xml")]
    [InlineData("<xml></xml>")]
    public async Task Dtds_entities_and_broken_xml_are_refused_without_reaching_the_bot(string xml)
    {
        var wechat = new WeChatClient(_factory.CreateClient());
        using var response = await wechat.PostPlainAsync(xml);
        var body = await Refusals.AssertRefusedAsync(response, HttpStatusCode.BadRequest, HttpStatusCode.OK);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaaaaaaaa", body, StringComparison.Ordinal);
        Assert.Empty(_factory.Bot.Received);
    }

    [Fact]
    public async Task A_bad_signature_is_403()
    {
        var wechat = new WeChatClient(_factory.CreateClient());
        using var response = await wechat.PostPlainAsync(WeChatClient.TextXml("你好", 9003), signature: new string('0', 40));
        await Refusals.AssertRefusedAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty(_factory.Bot.Received);
    }

    [Fact]
    public async Task A_replayed_message_is_answered_once()
    {
        var wechat = new WeChatClient(_factory.CreateClient());
        var first = await wechat.TextAsync("重放测试", 9004);
        var again = await wechat.TextAsync("重放测试", 9004);

        Assert.Equal(first, again);
        Assert.Equal(1, _factory.Bot.Received["重放测试"]);
    }

    [Fact]
    public async Task A_replay_with_an_old_timestamp_is_403()
    {
        var old = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var wechat = new WeChatClient(_factory.CreateClient()) { Timestamp = old };
        using var response = await wechat.PostPlainAsync(WeChatClient.TextXml("旧消息", 9005));
        await Refusals.AssertRefusedAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_10_MB_wechat_body_is_413()
    {
        var wechat = new WeChatClient(_factory.CreateClient());
        using var response = await wechat.PostPlainAsync(WeChatClient.TextXml(new string('x', 10 * 1024 * 1024), 9006));
        await Refusals.AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    public void Dispose() => _factory.Dispose();
}
