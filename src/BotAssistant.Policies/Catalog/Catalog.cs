namespace BotAssistant.Policies;

/// <summary>Everything in knowledge/, validated and immutable. Build it with <see cref="CatalogLoader"/>.</summary>
public sealed class Catalog
{
    private readonly Dictionary<string, Measure> _measuresById;

    public Catalog(
        IReadOnlyList<PolicyDocument> documents,
        IReadOnlyList<Measure> measures,
        IReadOnlyDictionary<string, FactDefinition> facts,
        IReadOnlyDictionary<string, Material> materials,
        IReadOnlyDictionary<string, Place> places,
        IReadOnlyDictionary<string, Topic> topics)
    {
        Documents = documents;
        Measures = measures;
        Facts = facts;
        Materials = materials;
        Places = places;
        Topics = topics;
        _measuresById = measures.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<PolicyDocument> Documents { get; }
    public IReadOnlyList<Measure> Measures { get; }
    public IReadOnlyDictionary<string, FactDefinition> Facts { get; }
    public IReadOnlyDictionary<string, Material> Materials { get; }
    public IReadOnlyDictionary<string, Place> Places { get; }
    public IReadOnlyDictionary<string, Topic> Topics { get; }

    public Measure? FindMeasure(string id) => _measuresById.GetValueOrDefault(id);

    /// <summary>Resolves a place key, its full name or any alias (崆峒区 → 平凉).</summary>
    public Place? FindPlace(string nameOrAlias) =>
        Places.GetValueOrDefault(nameOrAlias)
        ?? Places.Values.FirstOrDefault(p => p.FullName == nameOrAlias || p.Aliases.Contains(nameOrAlias));

    public IEnumerable<Measure> ForPlace(string place)
    {
        var key = FindPlace(place)?.Key ?? place;
        return Measures.Where(m => m.Place == key);
    }

    public IEnumerable<Measure> ForTopic(string topic) => Measures.Where(m => m.Topic == topic);

    /// <summary>Measures addressed to this audience; Any returns all.</summary>
    public IEnumerable<Measure> ForAudience(Audience audience) =>
        audience == Audience.Any ? Measures : Measures.Where(m => m.Audience == audience);

    /// <summary>An empty fact set that computes this catalog's derived facts.</summary>
    public FactSet NewFacts() => FactSet.Create(Facts.Values);

    /// <summary>Builds facts from raw text answers, typed by facts.yaml; throws on unknown facts or bad values.</summary>
    public FactSet ParseFacts(IEnumerable<KeyValuePair<string, string>> raw)
    {
        var facts = NewFacts();
        foreach (var (name, text) in raw)
        {
            if (!Facts.TryGetValue(name, out var def))
            {
                throw new ArgumentException($"unknown fact '{name}' (not in facts.yaml)");
            }

            var value = FactValue.Parse(def.Type, text)
                ?? throw new ArgumentException($"fact '{name}' expects a {def.Type.ToString().ToLowerInvariant()}, got '{text}'");
            if (value is EnumValue e && !def.HasValue(e.Key))
            {
                throw new ArgumentException(
                    $"fact '{name}' has no value '{e.Key}' (allowed: {string.Join(", ", def.Values.Select(v => v.Key))})");
            }

            facts = facts.With(name, value);
        }

        return facts;
    }
}
