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

/// <summary>A hint before a question on how to skip it, worded for buttons and for a numbered menu.</summary>
public sealed record SkipHint(string Buttons, string Numbered, string ButtonTitle);

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

    /// <summary>What to say beside the cards where cards render (a table needs only its title and a line, not itself again).</summary>
    public List<string>? BesideCards { get; set; }

    /// <summary>A shorter form of the paragraphs for plain-text channels (WeChat pages are short).</summary>
    public List<string>? PlainText { get; set; }

    /// <summary>
    /// How to skip the question, said before it: on a channel with buttons, the words of the button; on a numbered
    /// menu, its number, which only the rendering knows. {n} in <see cref="SkipHint.Numbered"/> is that number.
    /// </summary>
    public SkipHint? Skip { get; set; }

    /// <summary>
    /// Follow-ups offered after a finished answer. Where cards render they are a card's buttons, not suggested actions:
    /// suggested actions tell a client (and a tester) that a question is waiting, and none is. Plain-text channels get
    /// them as the numbered menu.
    /// </summary>
    public List<string> NextSteps { get; } = [];

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
        var cards = channel.Cards && reply.Cards.Count > 0;
        var paragraphs = cards ? reply.BesideCards ?? reply.Paragraphs : !channel.Cards ? reply.PlainText ?? reply.Paragraphs : reply.Paragraphs;
        if (paragraphs.Count > 0 || !asks)
        {
            var steps = asks || reply.NextSteps.Count == 0 ? [] : reply.NextSteps.Select(t => CardAction.ImBack(t, t)).ToList();
            var actions = asks ? [] : reply.Actions.Count > 0 || channel.Cards ? reply.Actions : steps;
            var answer = Message(Text(paragraphs, channel), actions, !asks && reply.ExpectsInput);
            answer.Value = reply.Summary;
            if (cards)
            {
                answer.Attachments = [.. reply.Cards];
            }

            if (channel.Cards && steps.Count > 0)
            {
                answer.Attachments = [.. answer.Attachments ?? [], new HeroCard { Buttons = steps }.ToAttachment()];
            }

            activities.Add(answer);
        }

        if (asks)
        {
            var question = Message(Text(SkipFirst(reply, channel).Concat(reply.Question), channel), reply.Actions, expectsInput: true);
            question.Value ??= paragraphs.Count == 0 ? reply.Summary : null;
            activities.Add(question);
        }

        return activities;
    }

    private static IEnumerable<string> SkipFirst(Reply reply, ChannelProfile channel)
    {
        if (reply.Skip is not { } skip)
        {
            return [];
        }

        var number = reply.Actions.FindIndex(a => a.Title == skip.ButtonTitle) + 1;
        return [channel.Cards || number == 0 ? skip.Buttons : skip.Numbered.Replace("{n}", number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)];
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
