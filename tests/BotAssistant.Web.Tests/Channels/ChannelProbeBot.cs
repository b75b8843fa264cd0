using System.Collections.Concurrent;
using BotAssistant.Bot.Schema;
using BotAssistant.Bot.Turn;

namespace BotAssistant.Web.Tests.Channels;

/// <summary>
/// A bot for channel tests, independent of the assistant's wording: a question about 补贴 is answered with a hero
/// card and suggested actions; choosing "高校毕业生" yields an amount. "long", "slow" and "menu" exercise WeChat rendering.
/// </summary>
public sealed class ChannelProbeBot : ActivityHandler
{
    public const string Welcome = "欢迎使用测试助手";
    public const string Amount = "一次性求职创业补贴1500元";

    public ConcurrentDictionary<string, int> Received { get; } = new(StringComparer.Ordinal);

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(1);

    public static string LongText { get; } = string.Concat(Enumerable.Range(1, 60).Select(i => $"第{i}条：申请材料包括身份证、毕业证和就业协议。"));

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? "";
        Received.AddOrUpdate(text, 1, (_, n) => n + 1);
        if (text.Contains("补贴", StringComparison.Ordinal))
        {
            var card = new HeroCard { Title = "就业补贴", Text = "请先告诉我您的身份。", Buttons = [CardAction.OpenUrl("政策原文", "https://example.org/policy")] };
            await turnContext.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken);
            var choose = MessageFactory.SuggestedActions(
                [CardAction.ImBack("高校毕业生", "我是高校毕业生"), CardAction.ImBack("企业", "我是企业")], "您是哪一类？");
            await turnContext.SendActivityAsync(choose, cancellationToken);
            return;
        }

        var reply = text switch
        {
            "我是高校毕业生" => $"您可以申请{Amount}。",
            "long" => LongText,
            "slow" => await SlowAsync(cancellationToken),
            _ => $"收到：{text}",
        };
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }

    protected override Task OnMembersAddedAsync(
        IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(Welcome, cancellationToken);

    private async Task<string> SlowAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(SlowDelay, cancellationToken);
        return "慢慢来的回答";
    }
}
