using BotAssistant.Bot.Adapters;
using BotAssistant.Bot.Auth;
using BotAssistant.Bot.Turn;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotAssistant.Web.Tests.Runtime;

/// <summary>The real Program with in-memory state, the probe bot, and HTTP calls to channels captured.</summary>
public sealed class BotHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Storage:Kind"] = "Memory",
        ["Transcripts:Kind"] = "Memory",
        ["Bot:TurnErrorMessage"] = "出错了（测试）",
    };

    public RecordingHandler Channel { get; } = new();

    public FakeOpenIdHandler? OpenId { get; private set; }

    public bool RegisterBot { get; init; } = true;

    /// <summary>False to let replies go over real HTTP to the activity's serviceUrl.</summary>
    public bool CaptureChannel { get; init; } = true;

    public BotHostFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Turns on Bot Framework auth against an in-process OpenID metadata endpoint.</summary>
    public BotHostFactory WithAuth(FakeOpenIdHandler openId, string appId)
    {
        OpenId = openId;
        return With("Bot:MicrosoftAppId", appId)
            .With("Bot:OpenIdMetadataUrl", FakeOpenIdHandler.MetadataUrl)
            .With("Bot:ValidIssuers:0", FakeOpenIdHandler.Issuer)
            .With("Bot:RequireHttpsMetadata", "false")
            .With("Bot:TokenEndpoint", FakeOpenIdHandler.TokenUrl);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            // The host registers the assistant; runtime tests swap in the probe bot, or no bot at all.
            services.RemoveAll<IBot>();
            if (RegisterBot)
            {
                services.AddSingleton<IBot, RuntimeProbeBot>();
            }

            if (CaptureChannel)
            {
                services.AddHttpClient(HttpConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Channel);
            }
            if (OpenId is not null)
            {
                services.AddHttpClient(BotFrameworkAuthenticator.MetadataHttpClient).ConfigurePrimaryHttpMessageHandler(() => OpenId);
                services.AddHttpClient(ClientCredentialsTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => OpenId);
            }
        });
    }
}
