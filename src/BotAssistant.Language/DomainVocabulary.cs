namespace BotAssistant.Language;

/// <summary>A named thing with the words people use for it (topic, measure, material).</summary>
public sealed record Term(string Key, string Name, IReadOnlyList<string> Synonyms);

public sealed record PlaceTerm(string Key, string FullName, IReadOnlyList<string> Aliases);

/// <summary>Labels of an enum fact, key → Chinese label, so choice answers can be matched by words.</summary>
public sealed record FactTerm(string Fact, IReadOnlyDictionary<string, string> EnumLabels);

/// <summary>
/// What the caller knows about the domain (from the policy catalog). The language layer does not
/// reference the policies project; it only sees these words.
/// </summary>
public sealed record DomainVocabulary(
    IReadOnlyList<PlaceTerm> Places,
    IReadOnlyList<Term> Topics,
    IReadOnlyList<Term> Measures,
    IReadOnlyList<Term> Materials,
    IReadOnlyList<FactTerm> Facts)
{
    public static DomainVocabulary Empty { get; } = new([], [], [], [], []);
}
