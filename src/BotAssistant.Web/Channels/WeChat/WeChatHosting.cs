using BotAssistant.Bot.Turn;
using BotAssistant.Web.Channels.WeChat.Endpoints;
using BotAssistant.Web.Channels.WeChat.Menus;
using BotAssistant.Web.Channels.WeChat.Messages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Channels.WeChat;

public static class WeChatHosting
{
    /// <summary>The 公众号 and 企业微信 endpoints' services, options from configuration section WeChat.</summary>
    public static WebApplicationBuilder AddWeChat(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.EncodingAESKey) || Crypto.WeChatCrypto.IsValidKey(o.EncodingAESKey),
                "WeChat:EncodingAESKey must be the 43 characters shown by the platform.")
            .Validate(o => string.IsNullOrEmpty(o.WeCom.EncodingAESKey) || Crypto.WeChatCrypto.IsValidKey(o.WeCom.EncodingAESKey),
                "WeChat:WeCom:EncodingAESKey must be the 43 characters shown by the platform.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ChannelAdapter>();
        builder.Services.TryAddSingleton<WeChatMenuStore>();
        builder.Services.TryAddSingleton<WeChatReplyCache>();
        builder.Services.TryAddSingleton<SharedWeChatReplies>();
        builder.Services.TryAddSingleton<WeChatTurns>();
        builder.Services.TryAddSingleton(sp => new WeChatProfiles(sp.GetRequiredService<IOptions<WeChatOptions>>().Value));
        return builder;
    }

    /// <summary>GET/POST WeChat:Path (default /api/wechat) and WeChat:WeCom:Path (default /api/wecom).</summary>
    public static WebApplication MapWeChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(IBot)))
        {
            throw new InvalidOperationException(
                "No IBot is registered. Add builder.AddAssistant() (or builder.Services.AddSingleton<IBot, YourBot>()) before builder.Build().");
        }

        var options = app.Services.GetRequiredService<IOptions<WeChatOptions>>().Value;
        WeChatEndpoints.Map(app, options.Path, sp => sp.GetRequiredService<WeChatProfiles>().OfficialAccount);
        WeChatEndpoints.Map(app, options.WeCom.Path, sp => sp.GetRequiredService<WeChatProfiles>().WeCom);
        return app;
    }

    /// <summary>The configured accounts, built once; null where the configuration leaves a channel off.</summary>
    internal sealed class WeChatProfiles(WeChatOptions options)
    {
        public WeChatProfile? OfficialAccount { get; } = WeChatProfile.OfficialAccount(options);

        public WeChatProfile? WeCom { get; } = WeChatProfile.WeCom(options.WeCom);
    }
}
