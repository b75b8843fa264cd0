using System.Globalization;

namespace BotAssistant.Web.Channels.WeChat.Messages;

/// <summary>One pushed message or event: the top-level fields of its &lt;xml&gt;, by element name.</summary>
public sealed class WeChatMessage(IReadOnlyDictionary<string, string> fields)
{
    public IReadOnlyDictionary<string, string> Fields { get; } = fields;

    public string? ToUserName => Get("ToUserName");

    public string? FromUserName => Get("FromUserName");

    public string? MsgType => Get("MsgType")?.ToLowerInvariant();

    public string? Content => Get("Content");

    public string? MsgId => Get("MsgId");

    /// <summary>subscribe, unsubscribe, CLICK, VIEW, SCAN, LOCATION…; compared case-insensitively (WeChat mixes cases).</summary>
    public string? Event => Get("Event");

    public string? EventKey => Get("EventKey");

    /// <summary>Speech-to-text of a voice message, when the account has it turned on.</summary>
    public string? Recognition => Get("Recognition");

    public string? Encrypt => Get("Encrypt");

    public DateTimeOffset? CreateTime =>
        long.TryParse(Get("CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 100_000_000_000
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public bool IsEvent(string name) => MsgType == "event" && string.Equals(Event, name, StringComparison.OrdinalIgnoreCase);

    private string? Get(string name) => Fields.TryGetValue(name, out var value) ? value : null;
}
