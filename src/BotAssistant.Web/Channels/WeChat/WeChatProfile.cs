using BotAssistant.Web.Channels.WeChat.Crypto;

namespace BotAssistant.Web.Channels.WeChat;

/// <summary>
/// One account the host answers for: the 公众号 (signature on every request, encryption optional) or the 企业微信 app
/// (always encrypted, receiver id = CorpID). Both share parsing, crypto, menus and the turn.
/// </summary>
public sealed record WeChatProfile(string ChannelId, string Path, string Token, WeChatCrypto? Crypto, bool AlwaysEncrypted)
{
    public static WeChatProfile? OfficialAccount(WeChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.Token))
        {
            return null;
        }

        var crypto = string.IsNullOrEmpty(options.EncodingAESKey) ? null : new WeChatCrypto(options.EncodingAESKey, options.AppId ?? "");
        return new WeChatProfile("wechat", options.Path, options.Token, crypto, AlwaysEncrypted: false);
    }

    public static WeChatProfile? WeCom(WeComOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.Token) || string.IsNullOrEmpty(options.EncodingAESKey) || string.IsNullOrEmpty(options.CorpId))
        {
            return null;
        }

        return new WeChatProfile("wecom", options.Path, options.Token, new WeChatCrypto(options.EncodingAESKey, options.CorpId), AlwaysEncrypted: true);
    }
}
