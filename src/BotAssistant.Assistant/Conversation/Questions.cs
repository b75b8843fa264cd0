using BotAssistant.Assistant.Replies;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Conversation;

/// <summary>Asks for one fact in the question bank's words, with its choices as buttons and "不知道" always offered.</summary>
public static class Questions
{
    public static Reply Ask(TurnScope s, string fact, bool retry = false)
    {
        var def = s.Catalog.Facts[fact];
        var bank = s.Texts.Questions.GetValueOrDefault(fact);
        var text = retry && bank?.Retry is { } r ? r : bank?.AskFor(s.Role) ?? Generated(s, def);
        var reply = new Reply { ExpectsInput = true };
        if (retry && bank?.Retry is null)
        {
            reply.Skip = new SkipHint(s.Texts.Say("question.retry_prefix"), s.Texts.Say("question.retry_prefix_numbered"), s.Texts.Say("button.unknown"));
        }

        reply.Question.Add(text);
        s.State.Choices.Clear();
        foreach (var (key, label) in Choices(s, def))
        {
            s.State.Choices.Add(key);
            reply.Button(label);
        }

        reply.Button(s.Texts.Say("button.unknown"));
        if (s.State.Pending != fact)
        {
            s.State.PendingAttempts = 0;
        }

        s.State.Pending = fact;
        if (!s.State.Asked.Contains(fact))
        {
            s.State.Asked.Add(fact);
        }

        return reply;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> Choices(TurnScope s, FactDefinition def) => def.Type switch
    {
        FactType.Enum => s.Extractor.ChoiceLabels(def),
        FactType.Bool => [new("true", s.Texts.Say("button.yes")), new("false", s.Texts.Say("button.no"))],
        _ => [],
    };

    private static string Generated(TurnScope s, FactDefinition def) => def.Type switch
    {
        // Labels read "是否退役军人" or "招用人员是否为农民工": the question keeps the label's own 是否 where it has one.
        FactType.Bool => def.Label.Contains("是否", StringComparison.Ordinal)
            ? s.Texts.Say("question.bool_label", ("label", def.Label))
            : s.Texts.Say("question.bool", ("label", def.Label)),
        FactType.Number => s.Texts.Say("question.number", ("label", def.Label), ("unit", def.Unit ?? "")),
        FactType.Date => s.Texts.Say("question.date", ("label", def.Label)),
        _ => s.Texts.Say("question.choice", ("label", def.Label)),
    };
}
