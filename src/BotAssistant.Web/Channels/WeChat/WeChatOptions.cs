namespace BotAssistant.Web.Channels.WeChat;

/// <summary>Configuration section "WeChat": the 公众号 server endpoint, and under "WeCom" the 企业微信 callback.</summary>
public sealed class WeChatOptions
{
    public const string Section = "WeChat";

    /// <summary>The Token set under 开发 → 基本配置 → 服务器配置; empty turns the endpoint off (404).</summary>
    public string? Token { get; set; }

    /// <summary>The 43-character EncodingAESKey; needed for 安全模式 and 兼容模式.</summary>
    public string? EncodingAESKey { get; set; }

    /// <summary>The 公众号's AppID: encrypted messages must name it, so another account's messages are refused.</summary>
    public string? AppId { get; set; }

    public string Path { get; set; } = "/api/wechat";

    /// <summary>WeChat drops a passive reply after 5 s (and retries); replies not ready by then answer a retry.</summary>
    public int ReplyTimeoutMilliseconds { get; set; } = 4500;

    /// <summary>WeChat cuts text replies at 2048 bytes; longer answers end with "回复1查看详情".</summary>
    public int MaxReplyBytes { get; set; } = 2000;

    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Requests whose timestamp is further from now are refused as replays; 0 turns the check off.</summary>
    public int MaxClockSkewSeconds { get; set; } = 300;

    /// <summary>How long a MsgId is remembered: WeChat retries a message three times within about 15 s.</summary>
    public int DuplicateWindowSeconds { get; set; } = 120;

    /// <summary>
    /// Whether each message is claimed in the shared state store, so a resend that reaches another instance gets the
    /// first instance's answer instead of a second turn. Null (the default) means on when Storage:Kind is Redis or
    /// Postgres, the stores several instances share; off for SQLite and memory, which belong to one instance.
    /// </summary>
    public bool? ShareRepliesAcrossInstances { get; set; }

    public string WelcomeText { get; set; } = "您好，欢迎关注！请直接用文字提问。";

    public string UnsupportedText { get; set; } = "抱歉，目前只能看懂文字消息，请用文字描述您的问题。";

    public string MoreLabel { get; set; } = "查看详情";

    public WeComOptions WeCom { get; set; } = new();
}

/// <summary>The 企业微信 自建应用 callback ("接收消息" API): always encrypted, the receiver id is the CorpID.</summary>
public sealed class WeComOptions
{
    public string? Token { get; set; }

    public string? EncodingAESKey { get; set; }

    public string? CorpId { get; set; }

    public string Path { get; set; } = "/api/wecom";
}
