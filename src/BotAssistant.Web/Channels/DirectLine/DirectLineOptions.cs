namespace BotAssistant.Web.Channels.DirectLine;

/// <summary>Configuration section "DirectLine": the self-hosted Direct Line 3.0 endpoint and the page's tokens.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>
    /// What trusted callers (a server, the official clients with <c>secret</c>) send as "Bearer &lt;secret&gt;", and the
    /// key tokens are signed with. Empty means a random secret per process: the page still works through
    /// /api/directline/token, but nothing outside this process can hold the secret.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a token is valid; Direct Line's own tokens last 30 minutes and clients refresh at half-life.</summary>
    public int TokenLifetimeMinutes { get; set; } = 30;

    /// <summary>False turns off the anonymous page token endpoint (e.g. when the page is served elsewhere).</summary>
    public bool PageTokens { get; set; } = true;

    /// <summary>Older activities of a conversation are dropped; a client far behind resumes from the oldest kept.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>When exceeded, the least recently active conversation is dropped.</summary>
    public int MaxConversations { get; set; } = 2000;

    /// <summary>
    /// The memory log's size in all (the activities' JSON); past it the least recently active conversations are
    /// dropped, so a burst of long conversations cannot grow the process without bound.
    /// </summary>
    public int MaxLogMegabytes { get; set; } = 32;

    /// <summary>Conversations idle this long are dropped; their clients get 404 and start a new one.</summary>
    public int ConversationIdleMinutes { get; set; } = 120;

    public int MaxRequestBytes { get; set; } = 64 * 1024;

    public string BotId { get; set; } = "botassistant";

    public string BotName { get; set; } = "BotAssistant";

    /// <summary>Memory (one instance, or sticky sessions) or Redis (every instance shares each conversation).</summary>
    public ConversationLogKind Log { get; set; } = ConversationLogKind.Memory;

    /// <summary>StackExchange.Redis configuration for Log = Redis; empty means Storage:Redis.</summary>
    public string? Redis { get; set; }

    public string RedisKeyPrefix { get; set; } = "botassistant:directline:";

    public TimeSpan TokenLifetime => TimeSpan.FromMinutes(Math.Max(1, TokenLifetimeMinutes));
}

public enum ConversationLogKind
{
    Memory,
    Redis,
}
