namespace BotAssistant.Policies;

public sealed record Place(string Key, string FullName, string? Province, IReadOnlyList<string> Aliases, string? Bureau);

public sealed record Topic(string Key, string Name, IReadOnlyList<string> Synonyms);

public sealed record Material(string Id, string Name, string? Description);

public sealed record PolicyDocument(
    string Id,
    string Place,
    string Title,
    string Number,
    string? Issuer,
    DateOnly? Date,
    string? Seed,
    DateOnly? Until,
    string File);

/// <summary>The measure's own period as the text states it; Until falls back to the document's end.</summary>
public sealed record Period(DateOnly? From, DateOnly? Until, string? Text);

public enum MaterialSource { Stated, Implied, Common }

public sealed record MaterialRequirement(string Id, MaterialSource Source, string? Note);

public sealed record Limits(
    IReadOnlyList<string> ExclusiveWith, int? MaxPerYear, int? MaxTotal, bool Once, string? Note)
{
    public static Limits None { get; } = new([], null, null, false, null);
}

public sealed record Measure(
    string Id,
    string Name,
    IReadOnlyList<string> Synonyms,
    string Topic,
    string Clause,
    string Quote,
    Audience Audience,
    string? Summary,
    Period Period,
    IReadOnlyList<string> Departments,
    IReadOnlyList<Condition> Conditions,
    Amount Amount,
    Limits Limits,
    IReadOnlyList<MaterialRequirement> Materials,
    PolicyDocument Document)
{
    /// <summary>Definitions of the facts this measure reads (labels and units for wording), shared with the catalog.</summary>
    public IReadOnlyDictionary<string, FactDefinition> FactDefinitions { get; init; } =
        new Dictionary<string, FactDefinition>();

    public string Place => Document.Place;

    /// <summary>The last day the measure applies: its own end, else the document's.</summary>
    public DateOnly? EffectiveUntil => Period.Until ?? Document.Until;

    public IEnumerable<string> ConditionFacts => Conditions.SelectMany(BotAssistant.Policies.ConditionFacts.Of).Distinct();
}
