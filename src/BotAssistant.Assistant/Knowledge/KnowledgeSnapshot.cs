using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Knowledge;

/// <summary>
/// One consistent view of what the assistant knows: the validated catalog and the language model
/// built from its vocabulary. Immutable; a reload swaps in a whole new snapshot.
/// </summary>
public sealed record KnowledgeSnapshot(Catalog Catalog, LanguageModel Language, DateTimeOffset LoadedAt, int Generation)
{
    /// <summary>Measures judged on no facts, per date, for this catalog.</summary>
    public RuleCache Rules { get; } = new(Catalog);
}
