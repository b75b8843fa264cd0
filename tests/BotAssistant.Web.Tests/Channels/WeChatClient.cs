using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using BotAssistant.Web.Channels.WeChat.Crypto;

namespace BotAssistant.Web.Tests.Channels;

/// <summary>Plays the WeChat server: signs requests as the platform does and reads the passive replies.</summary>
public sealed class WeChatClient(HttpClient http, string path = "/api/wechat")
{
    public string Timestamp { get; init; } = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public const string Nonce = "1357924680";

    public static string TextXml(string content, long msgId, string user = "oUser-1") =>
        $"<xml><ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName>" +
        $"<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId></xml>";

    public static string EventXml(string name, string user = "oUser-1") =>
        $"<xml><ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName>" +
        $"<CreateTime>1700000001</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{name}]]></Event></xml>";

    public Task<HttpResponseMessage> PostPlainAsync(string xml, string? signature = null)
    {
        var sign = signature ?? WeChatCrypto.Sign(ChannelHostFactory.WeChatToken, Timestamp, Nonce);
        return http.PostAsync($"{path}?signature={sign}&timestamp={Timestamp}&nonce={Nonce}&openid=oUser-1", Xml(xml));
    }

    /// <summary>Safe mode: the body carries only &lt;Encrypt&gt;, signed by msg_signature.</summary>
    public Task<HttpResponseMessage> PostEncryptedAsync(string encrypted, string? msgSignature = null, bool wecom = false)
    {
        var msg = msgSignature ?? WeChatCrypto.Sign(ChannelHostFactory.WeChatToken, Timestamp, Nonce, encrypted);
        var sign = WeChatCrypto.Sign(ChannelHostFactory.WeChatToken, Timestamp, Nonce);
        var query = wecom
            ? $"msg_signature={msg}&timestamp={Timestamp}&nonce={Nonce}"
            : $"signature={sign}&timestamp={Timestamp}&nonce={Nonce}&encrypt_type=aes&msg_signature={msg}";
        var body = $"<xml><ToUserName><![CDATA[gh_account]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>";
        return http.PostAsync($"{path}?{query}", Xml(body));
    }

    /// <summary>The Content of a plain reply; fails the test on anything but 200 with XML.</summary>
    public async Task<string> TextAsync(string content, long msgId, string user = "oUser-1")
    {
        using var response = await PostPlainAsync(TextXml(content, msgId, user));
        return await ContentAsync(response);
    }

    public static async Task<string> ContentAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = XElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("text", reply.Element("MsgType")!.Value);
        return reply.Element("Content")!.Value;
    }

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "text/xml");
}
