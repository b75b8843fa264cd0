using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BotAssistant.Bot.Schema;
using BotAssistant.Web.Tests.Operations;
using BotAssistant.Web.Tests.Runtime;

namespace BotAssistant.Web.Tests.BadInput;

/// <summary>/api/messages with the real assistant: every bad body is a 4xx, every odd message a polite reply.</summary>
public sealed class BotMessagesBadInputTests : IDisposable
{
    private const string Valid = """{"type":"message","id":"m1","channelId":"test","serviceUrl":"http://channel.test/","deliveryMode":"expectReplies","conversation":{"id":"bad-1"},"from":{"id":"u1"},"recipient":{"id":"b1"},"text":"TEXT"}""";
    private readonly AssistantHostFactory _factory = new();

    [Theory]
    [InlineData("""{"type":"message","text":""")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"type":123}""")]
    [InlineData("""{"type":"message","conversation":"not an object"}""")]
    [InlineData("""{"type":"message","text":{"nested":true}}""")]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""")]
    [InlineData("""{"type":"message","attachments":{"a":1}}""")]
    public async Task Malformed_or_mistyped_json_is_400(string body)
    {
        using var response = await PostRawAsync(Encoding.UTF8.GetBytes(body));
        await Refusals.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Deeply_nested_json_is_400()
    {
        var nested = string.Concat(Enumerable.Repeat("""{"a":""", 5000)) + "1" + new string('}', 5000);
        using var response = await PostRawAsync(Encoding.UTF8.GetBytes(Valid.Replace("\"TEXT\"", "\"x\",\"value\":" + nested, StringComparison.Ordinal)));
        await Refusals.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_10_MB_body_is_413_without_reading_it_all()
    {
        var huge = Encoding.UTF8.GetBytes(Valid.Replace("TEXT", new string('补', 10 * 1024 * 1024 / 3), StringComparison.Ordinal));
        using var response = await PostRawAsync(huge);
        await Refusals.AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid).ToList();
        var at = bytes.IndexOf((byte)'T');
        bytes.InsertRange(at, new byte[] { 0xC3, 0x28, 0xFF, 0xFE });
        using var response = await PostRawAsync([.. bytes]);
        await Refusals.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_10000_character_message_gets_a_polite_reply()
    {
        var text = string.Concat(Enumerable.Repeat("我是高校毕业生想问一下补贴", 800))[..10_000];
        using var response = await Activities.PostAsync(_factory.CreateClient(), Activities.Message(text, DeliveryModes.ExpectReplies, "long-1"));

        await Refusals.AssertRefusedAsync(response, HttpStatusCode.OK);
        var replies = await Activities.RepliesAsync(response);
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }

    [Fact]
    public async Task A_message_without_a_conversation_gets_the_apology_not_an_error()
    {
        using var response = await PostRawAsync(Encoding.UTF8.GetBytes(
            """{"type":"message","channelId":"test","deliveryMode":"expectReplies","from":{"id":"u1"},"text":"你好"}"""));
        var body = await Refusals.AssertRefusedAsync(response, HttpStatusCode.OK, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(body));
    }

    private async Task<HttpResponseMessage> PostRawAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return await _factory.CreateClient().PostAsync("/api/messages", content);
    }

    public void Dispose() => _factory.Dispose();
}
