using System.Text.Json;
using BotAssistant.Bot.Testing;
using BotAssistant.Web.Channels.WeChat.Crypto;

namespace BotAssistant.Web.Tests.Channels;

/// <summary>Our AES and signatures against the npm package wechat-crypto 0.0.2, both directions.</summary>
public sealed class WeChatCryptoTests
{
    private const string Message = "<xml><Content><![CDATA[稷山县就业补贴有哪些？]]></Content></xml>";
    private readonly WeChatCrypto _crypto = new(ChannelHostFactory.AesKey, ChannelHostFactory.AppId);

    [SkippableFact]
    public async Task What_wechat_crypto_encrypts_we_decrypt_and_our_signature_matches()
    {
        NodeScript.RequirePackage("wechat-crypto");
        var result = await RunAsync(new { op = "encrypt", text = Message });
        var encrypted = result.GetProperty("encrypted").GetString()!;
        Assert.Equal(Message, _crypto.Decrypt(encrypted, out var reason) ?? reason);
        Assert.Equal(result.GetProperty("signature").GetString(), WeChatCrypto.Sign(ChannelHostFactory.WeChatToken, "1700000000", "nonce", encrypted));
    }

    [SkippableFact]
    public async Task What_we_encrypt_wechat_crypto_decrypts()
    {
        NodeScript.RequirePackage("wechat-crypto");
        var encrypted = _crypto.Encrypt(Message);
        var result = await RunAsync(new { op = "decrypt", text = encrypted });
        Assert.Equal(Message, result.GetProperty("message").GetString());
        Assert.Equal(ChannelHostFactory.AppId, result.GetProperty("id").GetString());
    }

    [Fact]
    public void Tampered_or_foreign_ciphertexts_are_refused_with_a_reason()
    {
        var encrypted = _crypto.Encrypt(Message);
        var bytes = Convert.FromBase64String(encrypted);
        bytes[^1] ^= 0x5A;
        Assert.Null(_crypto.Decrypt(Convert.ToBase64String(bytes), out var padding));
        Assert.NotEmpty(padding);
        Assert.Null(_crypto.Decrypt("not base64!", out _));
        Assert.Null(_crypto.Decrypt(Convert.ToBase64String(new byte[15]), out _));
        Assert.Null(new WeChatCrypto(ChannelHostFactory.AesKey, "wxother").Decrypt(encrypted, out var receiver));
        Assert.Contains("another account", receiver, StringComparison.Ordinal);
    }

    [Fact]
    public void Signatures_sort_their_parts_and_keys_must_be_43_characters()
    {
        Assert.Equal(WeChatCrypto.Sign("b", "a", "c"), WeChatCrypto.Sign("c", "b", "a"));
        Assert.Equal("a9993e364706816aba3e25717850c26c9cd0d89d", WeChatCrypto.Sign("abc"));
        Assert.False(WeChatCrypto.IsValidKey("short"));
        Assert.Throws<ArgumentException>(() => new WeChatCrypto("short", "wx"));
    }

    private static async Task<JsonElement> RunAsync(object request)
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["token"] = ChannelHostFactory.WeChatToken, ["key"] = ChannelHostFactory.AesKey, ["appId"] = ChannelHostFactory.AppId,
            ["timestamp"] = "1700000000", ["nonce"] = "nonce",
            ["op"] = request.GetType().GetProperty("op")!.GetValue(request), ["text"] = request.GetType().GetProperty("text")!.GetValue(request),
        });
        var output = await NodeScript.RunAsync("wechat-crypto.js", [], payload);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
