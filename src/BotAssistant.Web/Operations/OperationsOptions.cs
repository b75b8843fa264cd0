namespace BotAssistant.Web.Operations;

/// <summary>Configuration section "Operations": probes and the catalog watcher.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>How long /readyz waits for the state store before calling it unreachable.</summary>
    public int ReadinessTimeoutMilliseconds { get; set; } = 1000;

    /// <summary>Quiet period after the last change in knowledge/ before the catalog is reloaded.</summary>
    public int ReloadDebounceMilliseconds { get; set; } = 500;
}

/// <summary>Configuration section "RateLimits". A PermitLimit of 0 turns that limit off.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>HTTP requests per client address to /api/messages and Direct Line; over it the answer is 429 with Retry-After.</summary>
    public WindowLimit PerClient { get; set; } = new() { PermitLimit = 120, WindowSeconds = 10 };

    /// <summary>
    /// False (the default) exempts loopback callers from the per-client limit: on one machine they are local tools,
    /// probes and test players, and behind a proxy on the same machine every user would share one address, so the
    /// limit would throttle everyone at once. A proxy should forward the client's address instead.
    /// </summary>
    public bool LimitLoopback { get; set; }

    /// <summary>Messages per conversation on every channel; over it the user gets <see cref="Message"/> and the turn is skipped.</summary>
    public WindowLimit PerConversation { get; set; } = new() { PermitLimit = 20, WindowSeconds = 10 };

    public string Message { get; set; } = "您发送消息太快了，请稍等几秒再试。";
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 10;

    public bool Enabled => PermitLimit > 0 && WindowSeconds > 0;
}
