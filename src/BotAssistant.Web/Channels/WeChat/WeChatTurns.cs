using BotAssistant.Bot.Hosting;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;
using BotAssistant.Web.Channels.WeChat.Menus;
using BotAssistant.Web.Channels.WeChat.Messages;
using Microsoft.Extensions.Options;

namespace BotAssistant.Web.Channels.WeChat;

/// <summary>
/// From a pushed WeChat message to the text of the passive reply: numbers answered against the last menu, the turn
/// run once per MsgId, the answer rendered as text with a numbered menu, and WeChat's 5-second window respected.
/// </summary>
public sealed partial class WeChatTurns(
    ChannelAdapter adapter, IServiceProvider services, WeChatMenuStore menus, WeChatReplyCache cache, SharedWeChatReplies shared,
    IOptions<WeChatOptions> options, IOptions<StorageOptions> storage, TimeProvider timeProvider, IHostApplicationLifetime lifetime,
    ILogger<WeChatTurns> logger)
{
    private readonly WeChatOptions _options = options.Value;
    private readonly bool _shareReplies = options.Value.ShareRepliesAcrossInstances
        ?? storage.Value.Kind is StorageKind.Redis or StorageKind.Postgres;
    private readonly WeChatRenderer _renderer = new(options.Value.MaxReplyBytes, options.Value.MoreLabel);

    /// <summary>The reply text, or null for "no reply" (the answer is not ready in time, or nothing needs saying).</summary>
    public async Task<string?> ReplyAsync(WeChatProfile profile, WeChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(message);
        var key = $"{profile.ChannelId}|{message.ToUserName}|{message.FromUserName}|{message.MsgId ?? $"{message.CreateTime?.ToUnixTimeSeconds()}:{message.Event}"}";
        // The turn runs on the host's lifetime, not the request's: when WeChat gives up on this request, the
        // answer still completes and waits for the resend.
        var window = TimeSpan.FromSeconds(Math.Max(15, _options.DuplicateWindowSeconds));
        var answer = cache.GetOrStart(key, window, () => _shareReplies
            ? shared.AnswerOnceAsync(key, window, () => AnswerAsync(profile, message, lifetime.ApplicationStopping), lifetime.ApplicationStopping)
            : AnswerAsync(profile, message, lifetime.ApplicationStopping));
        try
        {
            return await answer.WaitAsync(TimeSpan.FromMilliseconds(Math.Max(100, _options.ReplyTimeoutMilliseconds)), timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            Log.Late(logger, profile.ChannelId);
            return null;
        }
    }

    private async Task<string?> AnswerAsync(WeChatProfile profile, WeChatMessage message, CancellationToken cancellationToken)
    {
        var user = message.FromUserName!;
        switch (message.MsgType)
        {
            case "text":
                return await AnswerTextAsync(profile, message, message.Content ?? "", cancellationToken);
            case "voice" when !string.IsNullOrWhiteSpace(message.Recognition):
                return await AnswerTextAsync(profile, message, message.Recognition!, cancellationToken);
            case "event" when message.IsEvent("subscribe"):
                var welcome = await RunAsync(profile, message, Welcome(profile, message), cancellationToken);
                return welcome ?? _options.WelcomeText;
            case "event" when message.IsEvent("CLICK") && !string.IsNullOrWhiteSpace(message.EventKey):
                return await AnswerTextAsync(profile, message, message.EventKey!, cancellationToken);
            case "event":
                // unsubscribe, VIEW, LOCATION, template receipts…: WeChat expects no answer.
                return null;
            default:
                await menus.SetAsync(profile.ChannelId, user, null, cancellationToken);
                return _options.UnsupportedText;
        }
    }

    private async Task<string?> AnswerTextAsync(WeChatProfile profile, WeChatMessage message, string text, CancellationToken cancellationToken)
    {
        var user = message.FromUserName!;
        if (WeChatMenu.ReadNumber(text) is { } number
            && await menus.GetAsync(profile.ChannelId, user, cancellationToken) is { } menu
            && menu.Select(number) is { } selection)
        {
            if (selection.More is not null)
            {
                var page = _renderer.Page(selection.More, menu.Choices);
                await menus.SetAsync(profile.ChannelId, user, page.Menu, cancellationToken);
                return page.Text;
            }

            text = selection.Choice!.Value;
        }

        var activity = Incoming(profile, message, ActivityTypes.Message);
        activity.Text = text;
        return await RunAsync(profile, message, activity, cancellationToken);
    }

    private async Task<string?> RunAsync(WeChatProfile profile, WeChatMessage message, Activity activity, CancellationToken cancellationToken)
    {
        var replies = await adapter.CollectAsync(activity, services.GetRequiredService<IBot>(), cancellationToken);
        var rendered = _renderer.Render(replies);
        await menus.SetAsync(profile.ChannelId, message.FromUserName!, rendered?.Menu, cancellationToken);
        return rendered?.Text;
    }

    private Activity Welcome(WeChatProfile profile, WeChatMessage message)
    {
        var activity = Incoming(profile, message, ActivityTypes.ConversationUpdate);
        activity.MembersAdded = [new ChannelAccount(message.FromUserName!, role: "user")];
        return activity;
    }

    private Activity Incoming(WeChatProfile profile, WeChatMessage message, string type) => new()
    {
        Type = type,
        Id = message.MsgId,
        ChannelId = profile.ChannelId,
        // One user, one chat with the account: the user's openid is the conversation.
        Conversation = new ConversationAccount(message.FromUserName!),
        From = new ChannelAccount(message.FromUserName!, role: "user"),
        Recipient = new ChannelAccount(message.ToUserName ?? profile.ChannelId, role: "bot"),
        Timestamp = timeProvider.GetUtcNow(),
        LocalTimestamp = message.CreateTime,
        Locale = "zh-CN",
        TextFormat = TextFormatTypes.Plain,
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "{ChannelId} answer not ready within the reply window; it will answer WeChat's resend")]
        public static partial void Late(ILogger logger, string channelId);
    }
}
