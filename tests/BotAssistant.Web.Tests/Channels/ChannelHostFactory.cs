using BotAssistant.Bot.Storage;
using BotAssistant.Bot.Turn;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotAssistant.Web.Tests.Channels;

/// <summary>The real Program with in-memory state, the channel probe bot, and known Direct Line and WeChat secrets.</summary>
public sealed class ChannelHostFactory : WebApplicationFactory<Program>
{
    public const string Secret = "test-directline-secret";
    public const string WeChatToken = "wechat-test-token";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string AppId = "wx1234567890abcdef";
    public const string CorpId = "ww0123456789abcdef";

    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Storage:Kind"] = "Memory",
        ["Transcripts:Kind"] = "Memory",
        ["DirectLine:Secret"] = Secret,
        ["WeChat:Token"] = WeChatToken,
        ["WeChat:EncodingAESKey"] = AesKey,
        ["WeChat:AppId"] = AppId,
        ["WeChat:WeCom:Token"] = WeChatToken,
        ["WeChat:WeCom:EncodingAESKey"] = AesKey,
        ["WeChat:WeCom:CorpId"] = CorpId,
    };

    public ChannelProbeBot Bot { get; } = new();

    /// <summary>A state store to use instead of the configured one, e.g. one shared by two hosts as Redis would be.</summary>
    public IStorage? Storage { get; init; }

    /// <summary>True to keep the host's own bot (the real assistant) instead of the probe bot.</summary>
    public bool RealAssistant { get; init; }

    public ChannelHostFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Starts Kestrel on a free loopback port and returns its base address (no trailing slash).</summary>
    public string StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            if (!RealAssistant)
            {
                services.AddSingleton<IBot>(Bot);
            }

            if (Storage is not null)
            {
                services.AddSingleton(Storage);
            }
        });
    }
}
