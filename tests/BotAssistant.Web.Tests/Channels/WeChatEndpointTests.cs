using BotAssistant.Bot.Storage;
using System.Net;
using System.Text;
using System.Xml.Linq;
using BotAssistant.Web.Channels.WeChat.Crypto;

namespace BotAssistant.Web.Tests.Channels;

public sealed class WeChatEndpointTests : IDisposable
{
    private readonly ChannelHostFactory _factory = new();

    [Fact]
    public async Task Url_verification_echoes_only_with_the_right_signature()
    {
        var client = _factory.CreateClient();
        var good = WeChatCrypto.Sign(ChannelHostFactory.WeChatToken, "1700000000", "nonce1");
        Assert.Equal("echo-42", await client.GetStringAsync($"/api/wechat?signature={good}&timestamp=1700000000&nonce=nonce1&echostr=echo-42"));

        using var bad = await client.GetAsync($"/api/wechat?signature={new string('0', 40)}&timestamp=1700000000&nonce=nonce1&echostr=echo-42");
        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
        using var missing = await client.GetAsync("/api/wechat?signature=x");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task A_plain_text_message_gets_a_passive_xml_reply()
    {
        var wechat = new WeChatClient(_factory.CreateClient());
        using var response = await wechat.PostPlainAsync(WeChatClient.TextXml("你好", 1001));
        var reply = XElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("oUser-1", reply.Element("ToUserName")!.Value);
        Assert.Equal("gh_account", reply.Element("FromUserName")!.Value);
        Assert.Equal("收到：你好", reply.Element("Content")!.Value);
    }

    [Fact]
    public async Task Suggested_actions_become_a_numbered_menu_answered_by_number()
    {
        var wechat = new WeChatClient(_factory.CreateClient());
        var menu = await wechat.TextAsync("毕业生有什么补贴？", 2001);
        Assert.Contains("就业补贴\n请先告诉我您的身份。", menu, StringComparison.Ordinal);
        Assert.Contains("政策原文：https://example.org/policy", menu, StringComparison.Ordinal);
        Assert.EndsWith("回复数字选择：\n1. 高校毕业生\n2. 企业", menu, StringComparison.Ordinal);

        Assert.Equal($"您可以申请{ChannelProbeBot.Amount}。", await wechat.TextAsync("１", 2002));
        // The menu was used up by the answer: a bare number now reaches the bot as text.
        Assert.Equal("收到：1", await wechat.TextAsync("1", 2003));
        Assert.Equal("收到：9", await wechat.TextAsync("9", 2004, user: "oUser-2"));
    }

    [Fact]
    public async Task A_long_answer_is_paged_with_reply_1_for_details()
    {
        var wechat = new WeChatClient(_factory.CreateClient());
        var pages = new List<string> { await wechat.TextAsync("long", 3001) };
        while (pages[^1].EndsWith("回复1查看详情", StringComparison.Ordinal))
        {
            Assert.True(pages.Count < 10, "paging does not end");
            pages.Add(await wechat.TextAsync("1", 3001 + pages.Count));
        }

        Assert.True(pages.Count >= 3, $"expected several pages, got {pages.Count}");
        Assert.All(pages, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 2000, $"{Encoding.UTF8.GetByteCount(p)} bytes"));
        var joined = string.Concat(pages.Select(p => p.Replace("……\n\n回复1查看详情", "", StringComparison.Ordinal)));
        Assert.Equal(ChannelProbeBot.LongText, joined);
        Assert.Equal(1, _factory.Bot.Received["long"]);
        Assert.False(_factory.Bot.Received.ContainsKey("1"));
    }

    [Fact]
    public async Task The_same_msgid_twice_runs_one_turn()
    {
        var wechat = new WeChatClient(_factory.CreateClient());
        var first = await wechat.TextAsync("重复", 4001);
        var second = await wechat.TextAsync("重复", 4001);
        Assert.Equal(first, second);
        Assert.Equal(1, _factory.Bot.Received["重复"]);
    }

    [Fact]
    public async Task A_slow_answer_says_success_in_time_and_answers_the_resend()
    {
        using var quick = new ChannelHostFactory().With("WeChat:ReplyTimeoutMilliseconds", "200");
        quick.Bot.SlowDelay = TimeSpan.FromMilliseconds(600);
        var wechat = new WeChatClient(quick.CreateClient());
        using var first = await wechat.PostPlainAsync(WeChatClient.TextXml("slow", 5001));
        Assert.Equal("success", await first.Content.ReadAsStringAsync());

        // WeChat resends after its 5 s; here the resend comes once the answer is ready, and the bot ran once.
        await Task.Delay(800);
        Assert.Equal("慢慢来的回答", await wechat.TextAsync("slow", 5001));
        Assert.Equal(1, quick.Bot.Received["slow"]);
    }

    [Fact]
    public async Task A_resend_that_reaches_another_instance_gets_the_first_answer_and_runs_no_second_turn()
    {
        // Two hosts on one shared store, as two instances on one Redis behind a load balancer.
        var shared = new MemoryStorage();
        using var first = Sharing(new ChannelHostFactory { Storage = shared });
        using var second = Sharing(new ChannelHostFactory { Storage = shared });
        first.Bot.SlowDelay = second.Bot.SlowDelay = TimeSpan.FromMilliseconds(600);
        var a = new WeChatClient(first.CreateClient());
        var b = new WeChatClient(second.CreateClient());

        using var original = await a.PostPlainAsync(WeChatClient.TextXml("slow", 7001));
        Assert.Equal("success", await original.Content.ReadAsStringAsync());
        using var resendTooEarly = await b.PostPlainAsync(WeChatClient.TextXml("slow", 7001));
        Assert.Equal("success", await resendTooEarly.Content.ReadAsStringAsync());

        await Task.Delay(900);
        Assert.Equal("慢慢来的回答", await b.TextAsync("slow", 7001));
        Assert.Equal(1, first.Bot.Received.GetValueOrDefault("slow") + second.Bot.Received.GetValueOrDefault("slow"));

        // A new message is a new claim: answered once, by whichever host gets it.
        Assert.Equal(await b.TextAsync("重复", 7002), await a.TextAsync("重复", 7002));
        Assert.Equal(1, first.Bot.Received.GetValueOrDefault("重复") + second.Bot.Received.GetValueOrDefault("重复"));
    }

    private static ChannelHostFactory Sharing(ChannelHostFactory factory) =>
        factory.With("WeChat:ShareRepliesAcrossInstances", "true").With("WeChat:ReplyTimeoutMilliseconds", "200");

    [Fact]
    public async Task Subscribe_is_welcomed_and_other_types_are_answered_politely()
    {
        var wechat = new WeChatClient(_factory.CreateClient());
        using var subscribe = await wechat.PostPlainAsync(WeChatClient.EventXml("subscribe"));
        Assert.Equal(ChannelProbeBot.Welcome, await WeChatClient.ContentAsync(subscribe));

        using var unsubscribe = await wechat.PostPlainAsync(WeChatClient.EventXml("unsubscribe"));
        Assert.Equal("success", await unsubscribe.Content.ReadAsStringAsync());

        var image = "<xml><ToUserName>gh_account</ToUserName><FromUserName>oUser-1</FromUserName><CreateTime>1700000002</CreateTime>" +
            "<MsgType>image</MsgType><PicUrl>http://example.org/a.jpg</PicUrl><MsgId>6001</MsgId></xml>";
        using var response = await wechat.PostPlainAsync(image);
        Assert.Contains("只能看懂文字", await WeChatClient.ContentAsync(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<xml><MsgType>text</MsgType>")]
    [InlineData("not xml at all")]
    [InlineData("<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><xml><FromUserName>&b;</FromUserName><MsgType>text</MsgType></xml>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Content>&x;</Content></xml>")]
    [InlineData("<xml><Content>no sender</Content></xml>")]
    public async Task Malformed_xml_and_dtds_are_400(string body)
    {
        var wechat = new WeChatClient(_factory.CreateClient());
        using var response = await wechat.PostPlainAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_signatures_stale_timestamps_and_huge_bodies_are_refused()
    {
        var client = _factory.CreateClient();
        using var bad = await new WeChatClient(client).PostPlainAsync(WeChatClient.TextXml("你好", 7001), signature: new string('a', 40));
        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);

        using var stale = await new WeChatClient(client) { Timestamp = "1000000000" }.PostPlainAsync(WeChatClient.TextXml("你好", 7002));
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);

        using var huge = await new WeChatClient(client).PostPlainAsync(WeChatClient.TextXml(new string('长', 30_000), 7003));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        var crypto = new WeChatCrypto(ChannelHostFactory.AesKey, ChannelHostFactory.AppId);
        using var badMsgSignature = await new WeChatClient(client).PostEncryptedAsync(crypto.Encrypt(WeChatClient.TextXml("你好", 7004)), msgSignature: new string('b', 40));
        Assert.Equal(HttpStatusCode.Forbidden, badMsgSignature.StatusCode);
        Assert.Equal(0, _factory.Bot.Received.GetValueOrDefault("你好"));
    }

    [Fact]
    public async Task Safe_mode_decrypts_the_message_and_encrypts_the_reply()
    {
        var crypto = new WeChatCrypto(ChannelHostFactory.AesKey, ChannelHostFactory.AppId);
        var wechat = new WeChatClient(_factory.CreateClient());
        using var response = await wechat.PostEncryptedAsync(crypto.Encrypt(WeChatClient.TextXml("加密的问题", 8001)));
        Assert.Equal("收到：加密的问题", await OpenReplyAsync(response, crypto));

        var otherAccount = new WeChatCrypto(ChannelHostFactory.AesKey, "wxsomeoneelse");
        using var refused = await wechat.PostEncryptedAsync(otherAccount.Encrypt(WeChatClient.TextXml("别人的", 8002)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task The_wecom_callback_uses_the_same_crypto_with_the_corp_id()
    {
        var crypto = new WeChatCrypto(ChannelHostFactory.AesKey, ChannelHostFactory.CorpId);
        var client = _factory.CreateClient();
        var echo = crypto.Encrypt("wecom-echo-7");
        var signature = WeChatCrypto.Sign(ChannelHostFactory.WeChatToken, "1700000000", "n1", echo);
        Assert.Equal("wecom-echo-7", await client.GetStringAsync(
            $"/api/wecom?msg_signature={signature}&timestamp=1700000000&nonce=n1&echostr={Uri.EscapeDataString(echo)}"));

        using var response = await new WeChatClient(client, "/api/wecom").PostEncryptedAsync(crypto.Encrypt(WeChatClient.TextXml("企业微信你好", 9001)), wecom: true);
        Assert.Equal("收到：企业微信你好", await OpenReplyAsync(response, crypto));
    }

    internal static async Task<string> OpenReplyAsync(HttpResponseMessage response, WeChatCrypto crypto)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envelope = XElement.Parse(await response.Content.ReadAsStringAsync());
        var encrypted = envelope.Element("Encrypt")!.Value;
        var expected = WeChatCrypto.Sign(ChannelHostFactory.WeChatToken, envelope.Element("TimeStamp")!.Value, envelope.Element("Nonce")!.Value, encrypted);
        Assert.Equal(expected, envelope.Element("MsgSignature")!.Value);
        var inner = XElement.Parse(crypto.Decrypt(encrypted, out var reason) ?? throw new InvalidOperationException(reason));
        return inner.Element("Content")!.Value;
    }

    public void Dispose() => _factory.Dispose();
}
