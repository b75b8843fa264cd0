using BotAssistant.Bot.Schema;

namespace BotAssistant.Assistant.Replies;

/// <summary>What a channel can show, so one answer renders as a card with buttons or as plain numbered text.</summary>
public sealed record ChannelProfile(bool Cards, bool Markdown, int? MaxChars)
{
    public static ChannelProfile For(string? channelId) => channelId?.ToLowerInvariant() switch
    {
        "wechat" or "wecom" or "sms" => new ChannelProfile(false, false, 300),
        "directline" or "webchat" or "emulator" or "msteams" => new ChannelProfile(true, true, null),
        _ => new ChannelProfile(true, false, null),
    };
}

/// <summary>The activities of one answer, built channel-neutral and rendered by <see cref="ReplyRenderer"/>.</summary>
public sealed class Reply
{
    public List<string> Paragraphs { get; } = [];

    /// <summary>Buttons under the last message; a reply that asks a question always has them.</summary>
    public List<CardAction> Actions { get; } = [];

    public List<Attachment> Cards { get; } = [];

    /// <summary>Machine-readable summary for channels and tests, sent as the activity's value.</summary>
    public object? Summary { get; set; }

    public bool ExpectsInput { get; set; }

    public Reply Say(string paragraph)
    {
        if (!string.IsNullOrWhiteSpace(paragraph))
        {
            Paragraphs.Add(paragraph.Trim());
        }

        return this;
    }

    public Reply Button(string title, string? value = null)
    {
        Actions.Add(CardAction.ImBack(title, value ?? title));
        return this;
    }
}

public static class ReplyRenderer
{
    public static IReadOnlyList<Activity> Render(Reply reply, ChannelProfile channel)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(channel);
        var text = string.Join("\n\n", reply.Paragraphs);
        if (channel.Markdown)
        {
            // Markdown joins single newlines into one line; two trailing spaces keep each line of a block its own.
            text = text.Replace("\n", "  \n", StringComparison.Ordinal);
        }

        var activity = reply.Actions.Count > 0
            ? MessageFactory.SuggestedActions(reply.Actions, text)
            : MessageFactory.Text(text, inputHint: reply.ExpectsInput ? InputHints.ExpectingInput : InputHints.AcceptingInput);
        activity.Locale = "zh-CN";
        activity.Value = reply.Summary;
        if (channel.Cards && reply.Cards.Count > 0)
        {
            activity.Attachments = [.. reply.Cards];
        }

        return [activity];
    }
}
