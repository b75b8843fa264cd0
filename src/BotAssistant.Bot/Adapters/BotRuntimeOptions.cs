namespace BotAssistant.Bot.Adapters;

/// <summary>Configuration section "Bot": identity, Bot Framework endpoints and request limits.</summary>
public sealed class BotRuntimeOptions
{
    public const string Section = "Bot";

    /// <summary>Empty means no authentication in either direction (local development, the emulator, tests).</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Accepted token issuers; empty means the public Bot Framework issuer.</summary>
    public IList<string> ValidIssuers { get; set; } = [];

    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Off only for a local fake metadata endpoint in tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>What the user is told when a turn fails; the assistant's wording comes from configuration.</summary>
    public string TurnErrorMessage { get; set; } = "Sorry, something went wrong. Please try again.";

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public IReadOnlyList<string> EffectiveIssuers =>
        ValidIssuers.Count > 0 ? [.. ValidIssuers] : ["https://api.botframework.com"];
}
