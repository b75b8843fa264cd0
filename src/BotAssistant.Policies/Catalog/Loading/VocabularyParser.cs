using YamlDotNet.RepresentationModel;

namespace BotAssistant.Policies.Loading;

/// <summary>Reads places.yaml, topics.yaml, facts.yaml and materials.yaml.</summary>
internal static class VocabularyParser
{
    public static Dictionary<string, Place> Places(YamlNode? root, FileContext ctx) =>
        Entries(root, "places", ctx, (key, r) => new Place(
            key,
            r.String("full_name", $"place {key}", required: true) ?? key,
            r.String("province", $"place {key}"),
            r.Strings("aliases", $"place {key}"),
            r.String("bureau", $"place {key}")));

    public static Dictionary<string, Topic> Topics(YamlNode? root, FileContext ctx) =>
        Entries(root, "topics", ctx, (key, r) => new Topic(
            key,
            r.String("name", $"topic {key}", required: true) ?? key,
            r.Strings("synonyms", $"topic {key}")));

    public static Dictionary<string, Material> Materials(YamlNode? root, FileContext ctx) =>
        Entries(root, "materials", ctx, (key, r) => new Material(
            key,
            r.String("name", $"material {key}", required: true) ?? key,
            r.String("description", $"material {key}")));

    public static Dictionary<string, FactDefinition> Facts(YamlNode? root, FileContext ctx)
    {
        var facts = Entries(root, "facts", ctx, ReadFact);
        CheckDerived(root, facts, ctx);
        return facts;
    }

    private static FactDefinition ReadFact(string name, MapReader r)
    {
        var what = $"fact {name}";
        var label = r.String("label", what, required: true) ?? name;
        var typeText = r.String("type", what, required: true);
        var type = typeText switch
        {
            "bool" => FactType.Bool,
            "number" => FactType.Number,
            "enum" => FactType.Enum,
            "date" => FactType.Date,
            "people" => FactType.People,
            null => FactType.Bool,
            _ => Bad(r, "type", $"{what}: type must be bool | number | enum | date | people, got '{typeText}'", FactType.Bool),
        };
        var unit = r.String("unit", what);
        if (type == FactType.Number && unit is null)
        {
            r.Context.Error(r.Line, $"{what}: a number fact needs a 'unit'");
        }

        var values = EnumValues(r, what, type);
        var (atMost, less) = AtMostOf(r, what);
        return new FactDefinition(
            name, label, type, unit, values,
            r.Number("min", what), r.Number("max", what),
            AudienceOf(r, what), r.Number("cost", what) ?? 1m, Derived(r, what))
        {
            AtMost = atMost,
            AtMostLess = less,
            DecreaseOf = r.String("decrease_of", what),
            FromSelf = FromSelf(r, what, values),
            Follows = Follows(r, what, type, values),
            Includes = Includes(r, what, values),
            PersonFacts = r.Strings("of", what),
            AnsweredByPlace = AnsweredByPlace(r, what, type),
            AskedAfter = r.String("asked_after", what),
            AskedForItself = r.Bool("asked_for_itself", what) ?? true,
            NoneSaid = NoneSaid(r, what, type),
        };
    }

    private static string? NoneSaid(MapReader r, string what, FactType type)
    {
        var value = r.String("none_said", what);
        if (value is not null && type != FactType.Number)
        {
            r.Context.Error(r.Line, $"{what}: none_said is how a number fact's 0 is said; '{what}' is not a number fact");
            return null;
        }

        return value;
    }

    private static string? AnsweredByPlace(MapReader r, string what, FactType type)
    {
        var value = r.String("answered_by_place", what);
        if (value is not null && (value != "province" || type != FactType.Bool))
        {
            r.Context.Error(r.Line, $"{what}: answered_by_place must be 'province', on a bool fact");
            return null;
        }

        return value;
    }

    /// <summary>at_most: "employee_count" or "age - 15": the fact this one never exceeds, less a margin.</summary>
    private static (string? Fact, decimal Less) AtMostOf(MapReader r, string what)
    {
        var raw = r.String("at_most", what);
        if (raw is null || !raw.Contains('-', StringComparison.Ordinal))
        {
            return (raw?.Trim(), 0);
        }

        var at = raw.IndexOf('-', StringComparison.Ordinal);
        if (!decimal.TryParse(raw[(at + 1)..].Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var less) || less < 0)
        {
            r.Context.Error(r.Line, $"{what}: at_most '{raw}' must be a fact, or a fact minus a number (age - 15)");
            return (null, 0);
        }

        return (raw[..at].Trim(), less);
    }

    /// <summary>from_self: {"graduate_status=within_2_years": graduate}; every value must be one of the fact's.</summary>
    private static Dictionary<string, string> FromSelf(MapReader r, string what, List<KeyValuePair<string, string>> values) =>
        Rules(r, what, "from_self", value => values.Any(x => x.Key == value));

    /// <summary>follows: {"employment_status=employed": "false"}; each value must be one this fact can hold.</summary>
    private static Dictionary<string, string> Follows(MapReader r, string what, FactType type, List<KeyValuePair<string, string>> values) =>
        Rules(r, what, "follows", value => FactValue.Parse(type, value) is not null && (type != FactType.Enum || values.Any(x => x.Key == value)));

    /// <summary>Rules of tests ("fact=value", "fact&gt;=n", joined by &amp;) each giving a value this fact can hold.</summary>
    private static Dictionary<string, string> Rules(MapReader r, string what, string key, Func<string, bool> holdable)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.Map(key, what) is not { } map)
        {
            return result;
        }

        foreach (var (k, v) in map.Node.Children)
        {
            var rule = ((YamlScalarNode)k).Value ?? "";
            var value = (v as YamlScalarNode)?.Value ?? "";
            if (!rule.Contains('=', StringComparison.Ordinal) || !holdable(value))
            {
                r.Context.Error(map.Line, $"{what}: {key} '{rule}: {value}' needs a \"fact=value\" rule and a value of this fact");
                continue;
            }

            result[rule] = value;
        }

        return result;
    }

    /// <summary>includes: {unemployed: [youth_unemployed, long_unemployed]}; every key and item must be a value of the fact.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Includes(MapReader r, string what, List<KeyValuePair<string, string>> values)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (r.Map("includes", what) is not { } map)
        {
            return result;
        }

        foreach (var (k, _) in map.Node.Children)
        {
            var key = ((YamlScalarNode)k).Value ?? "";
            var narrower = map.Strings(key, $"{what}: includes");
            foreach (var v in narrower.Prepend(key).Where(v => values.All(x => x.Key != v)))
            {
                r.Context.Error(map.Line, $"{what}: includes names '{v}', which is not one of its values");
            }

            result[key] = narrower;
        }

        return result;
    }

    private static List<KeyValuePair<string, string>> EnumValues(MapReader r, string what, FactType type)
    {
        var values = new List<KeyValuePair<string, string>>();
        var map = r.Map("values", what);
        if (map is not null)
        {
            foreach (var (k, v) in map.Node.Children)
            {
                values.Add(new(((YamlScalarNode)k).Value ?? "", (v as YamlScalarNode)?.Value ?? ""));
            }
        }

        if (type == FactType.Enum && values.Count == 0)
        {
            r.Context.Error(r.Line, $"{what}: an enum fact needs 'values'");
        }
        else if (type != FactType.Enum && map is not null)
        {
            r.Context.Error(map.Line, $"{what}: only enum facts take 'values'");
        }

        return values;
    }

    private static DerivedFact? Derived(MapReader r, string what)
    {
        var d = r.Map("derived", what);
        if (d is null)
        {
            return null;
        }

        var ratio = d.Strings("ratio", $"{what} derived");
        var scale = d.Number("scale", $"{what} derived") ?? 1m;
        var ask = d.String("ask", $"{what} derived");
        if (ask is not null and not ("inputs" or "self"))
        {
            r.Context.Error(d.Line, $"{what}: derived 'ask' must be inputs | self, got '{ask}'");
        }

        d.Finish($"{what} derived");
        if (ratio.Count != 2)
        {
            r.Context.Error(d.Line, $"{what}: derived 'ratio' must name two facts [numerator, denominator]");
            return null;
        }

        return new DerivedFact(ratio[0], ratio[1], scale) { AskInputs = ask != "self" };
    }

    private static void CheckDerived(YamlNode? root, Dictionary<string, FactDefinition> facts, FileContext ctx)
    {
        foreach (var fact in facts.Values.Where(f => f.AtMost is not null))
        {
            if (fact.Type != FactType.Number || !facts.TryGetValue(fact.AtMost!, out var bound) || bound.Type != FactType.Number)
            {
                ctx.Error(LineOfKey(root, fact.Name), $"fact {fact.Name}: at_most '{fact.AtMost}' must name a number fact, on a number fact");
            }
        }

        foreach (var fact in facts.Values.Where(f => f.DecreaseOf is not null))
        {
            if (fact.Type != FactType.Number || !facts.TryGetValue(fact.DecreaseOf!, out var of) || of.Type != FactType.Number)
            {
                ctx.Error(LineOfKey(root, fact.Name), $"fact {fact.Name}: decrease_of '{fact.DecreaseOf}' must name a number fact, on a number fact");
            }
        }

        foreach (var fact in facts.Values.Where(f => f.AskedAfter is not null))
        {
            if (!facts.TryGetValue(fact.AskedAfter!, out var first) || first.Type != FactType.Bool || first.AskedAfter is not null)
            {
                ctx.Error(LineOfKey(root, fact.Name), $"fact {fact.Name}: asked_after '{fact.AskedAfter}' must name a yes/no fact that is itself asked first");
            }
        }

        foreach (var fact in facts.Values.Where(f => f.Type == FactType.People || f.PersonFacts.Count > 0))
        {
            var wrong = fact.PersonFacts.Where(p => !facts.TryGetValue(p, out var d) || d.Type == FactType.People).ToList();
            if (fact.Type != FactType.People || fact.PersonFacts.Count == 0 || wrong.Count > 0)
            {
                ctx.Error(LineOfKey(root, fact.Name), $"fact {fact.Name}: a people fact needs 'of' naming the facts a person may have"
                    + (wrong.Count > 0 ? $" (not facts: {string.Join(", ", wrong)})" : ""));
            }
        }

        foreach (var fact in facts.Values.Where(f => f.Derived is not null))
        {
            foreach (var input in new[] { fact.Derived!.Numerator, fact.Derived.Denominator })
            {
                if (!facts.TryGetValue(input, out var def) || def.Type != FactType.Number)
                {
                    ctx.Error(LineOfKey(root, fact.Name), $"fact {fact.Name}: derived input '{input}' is not a number fact in facts.yaml");
                }
            }
        }
    }

    internal static Audience AudienceOf(MapReader r, string what)
    {
        var text = r.String("audience", what);
        return text switch
        {
            null or "any" => Audience.Any,
            "individual" => Audience.Individual,
            "employer" => Audience.Employer,
            "institution" => Audience.Institution,
            _ => Bad(r, "audience", $"{what}: audience must be individual | employer | institution | any, got '{text}'", Audience.Any),
        };
    }

    private static T Bad<T>(MapReader r, string key, string message, T fallback)
    {
        r.Context.Error(r.Get(key)!, message);
        return fallback;
    }

    /// <summary>Reads `section: {key: {...}, ...}`, checking the top level has no other keys.</summary>
    private static Dictionary<string, T> Entries<T>(
        YamlNode? root, string section, FileContext ctx, Func<string, MapReader, T> read)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        var top = ctx.Map(root, "file");
        var body = top?.Map(section, "file");
        top?.Finish("file");
        if (top is not null && body is null)
        {
            ctx.Error(top.Line, $"missing top-level '{section}:'");
        }

        foreach (var (keyNode, valueNode) in body?.Node.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var reader = ctx.Map(valueNode, $"{section} {key}");
            if (reader is not null)
            {
                result[key] = read(key, reader);
                reader.Finish($"{section} {key}");
            }
        }

        return result;
    }

    private static int LineOfKey(YamlNode? root, string key) =>
        (root as YamlMappingNode)?.Children.Values.OfType<YamlMappingNode>()
            .SelectMany(m => m.Children.Keys).FirstOrDefault(k => k.ToString() == key) is { } node
            ? FileContext.LineOf(node) : 0;
}
