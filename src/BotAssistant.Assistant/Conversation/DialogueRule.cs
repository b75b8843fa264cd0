using BotAssistant.Assistant.Facts;
using BotAssistant.Assistant.Replies;
using BotAssistant.Language;

namespace BotAssistant.Assistant.Conversation;

/// <summary>One line of the dialogue policy: when the turn reads like this, this move answers it (null: the next rule).</summary>
/// <param name="Name">The dialogue the rule produces, in the words of the conversation.</param>
internal sealed record DialogueRule(string Name, Func<TurnActs, bool> When, Func<AssistantBrain, TurnActs, Reply?> Then)
{
    public override string ToString() => Name;
}

/// <summary>What a message does in its conversation: the facts it gave, the measures it names, the open question's fate.</summary>
internal sealed record TurnActs(
    TurnScope Scope, ExtractedFacts Extracted, IReadOnlyList<string> Topics, string? PendingBefore, bool Answered, bool Situation, bool Content)
{
    public Understanding U => Scope.Understanding;

    public AssistantState State => Scope.State;

    /// <summary>The message changed a fact the user had given before (否 to 低保 earlier, "我家是低保户" now).</summary>
    public bool Corrected { get; init; }

    /// <summary>An answer to the open question, even one naming the measure again (见习期6个月), stays on the topic.</summary>
    public bool SameTopic => Topics.Count == 0 || Topics.All(State.Topics.Contains) || Answered;

    /// <summary>A comparison, materials or the list asked for instead of (or as well as) the open question.</summary>
    public bool AsksSomethingElse => Answered
        ? U.Intent is Intent.ComparePlaces or Intent.AskMaterials
        : U.IsAbout(Intent.ComparePlaces) || U.IsAbout(Intent.AskMaterials) || U.IsAbout(Intent.ListMeasures);
}
