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

    /// <summary>
    /// The question this reply ends with, sent as its own last message with the buttons, so the question a user
    /// (or a channel) reads is never mixed with the answer before it.
    /// </summary>
    public List<string> Question { get; } = [];

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
        var activities = new List<Activity>();
        var asks = reply.Question.Count > 0;
        if (reply.Paragraphs.Count > 0 || !asks)
        {
            var answer = Message(Text(reply.Paragraphs, channel), asks ? [] : reply.Actions, !asks && reply.ExpectsInput);
            answer.Value = reply.Summary;
            if (channel.Cards && reply.Cards.Count > 0)
            {
                answer.Attachments = [.. reply.Cards];
            }

            activities.Add(answer);
        }

        if (asks)
        {
            var question = Message(Text(reply.Question, channel), reply.Actions, expectsInput: true);
            question.Value ??= reply.Paragraphs.Count == 0 ? reply.Summary : null;
            activities.Add(question);
        }

        return activities;
    }

    private static Activity Message(string text, IList<CardAction> actions, bool expectsInput)
    {
        var activity = actions.Count > 0
            ? MessageFactory.SuggestedActions(actions, text)
            : MessageFactory.Text(text, inputHint: expectsInput ? InputHints.ExpectingInput : InputHints.AcceptingInput);
        activity.Locale = "zh-CN";
        return activity;
    }

    private static string Text(IEnumerable<string> paragraphs, ChannelProfile channel)
    {
        var text = string.Join("\n\n", paragraphs);

        // Markdown joins single newlines into one line; two trailing spaces keep each line of a block its own.
        return channel.Markdown ? text.Replace("\n", "  \n", StringComparison.Ordinal) : text;
    }
}
