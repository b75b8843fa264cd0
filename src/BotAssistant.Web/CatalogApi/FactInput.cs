using BotAssistant.Policies;

namespace BotAssistant.Web.CatalogApi;

/// <summary>Form fields for the facts some measures read, and raw answers read back into a FactSet.</summary>
public static class FactInput
{
    /// <summary>The facts the measures' conditions and amounts read, in first-use order; a derived fact is followed by its inputs.</summary>
    public static IReadOnlyList<FactFieldView> Fields(Catalog catalog, IEnumerable<Measure> measures)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var names = new List<string>();
        foreach (var name in measures.SelectMany(m => m.ConditionFacts.Concat(m.Amount.Facts)))
        {
            if (!catalog.Facts.TryGetValue(name, out var def))
            {
                continue;
            }

            names.Add(name);
            if (def.Derived is { } d)
            {
                names.Add(d.Numerator);
                names.Add(d.Denominator);
            }
        }

        return names.Distinct().Where(catalog.Facts.ContainsKey).Select(n => Field(catalog, catalog.Facts[n])).ToList();
    }

    public static FactFieldView Field(Catalog catalog, FactDefinition def)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(def);
        var derived = def.Derived is { } d
            ? $"可不填：已知{Label(catalog, d.Numerator)}和{Label(catalog, d.Denominator)}时自动计算"
            : null;
        return new FactFieldView(
            def.Name, def.Label, Labels.Key(def.Type), def.Unit, def.Min, def.Max,
            def.Values.Select(v => new FactChoiceView(v.Key, v.Value)).ToList(), derived);
    }

    /// <summary>
    /// Reads raw answers (empty = unknown, and unknown stays unknown). On a bad name, type, enum key or a number
    /// out of facts.yaml's bounds, returns the reason instead.
    /// </summary>
    public static (FactSet? Facts, string? Error) Parse(Catalog catalog, IEnumerable<KeyValuePair<string, string?>> raw)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var given = raw.Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
            .Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!.Trim()))
            .ToList();
        FactSet facts;
        try
        {
            facts = catalog.ParseFacts(given);
        }
        catch (ArgumentException ex)
        {
            return (null, ex.Message);
        }

        foreach (var (name, value) in facts.Given)
        {
            var def = catalog.Facts[name];
            if (value is NumberValue n && (n.Value < def.Min || n.Value > def.Max))
            {
                return (null, $"fact '{name}' ({def.Label}) must be between {def.Min?.ToString() ?? "-∞"} and {def.Max?.ToString() ?? "∞"}, got {n}");
            }
        }

        return (facts, null);
    }

    public static IReadOnlyList<FactKnownView> Known(Catalog catalog, FactSet facts)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Given
            .Select(kv => new FactKnownView(kv.Key, catalog.Facts[kv.Key].Label, kv.Value.ToString() ?? "", catalog.Facts[kv.Key].Display(kv.Value)))
            .ToList();
    }

    public const string InvalidMessage = "填写的情况有误（invalid fact value）";

    private static string Label(Catalog catalog, string fact) => catalog.Facts.GetValueOrDefault(fact)?.Label ?? fact;
}
