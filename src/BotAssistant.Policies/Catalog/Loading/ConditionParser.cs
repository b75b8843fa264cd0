using YamlDotNet.RepresentationModel;

namespace BotAssistant.Policies.Loading;

/// <summary>Reads condition trees and checks each test against the fact's type and values.</summary>
internal sealed class ConditionParser(IReadOnlyDictionary<string, FactDefinition> facts, FileContext ctx)
{
    private static readonly (string Key, ComparisonOp Op)[] Operators =
    [
        ("equals", ComparisonOp.Equals), ("in", ComparisonOp.In), ("min", ComparisonOp.Min),
        ("max", ComparisonOp.Max), ("below", ComparisonOp.Below), ("above", ComparisonOp.Above),
    ];

    public IReadOnlyList<Condition> List(YamlNode? node, string what) =>
        ctx.Items(node, what).Select(item => Read(item, what)).OfType<Condition>().ToList();

    public Condition? Read(YamlNode node, string what)
    {
        var r = ctx.Map(node, $"{what}: condition");
        if (r is null)
        {
            return null;
        }

        var text = r.String("text", what);
        Condition? result;
        if (r.Has("any"))
        {
            result = new AnyOf(List(r.Get("any"), what), text);
        }
        else if (r.Has("all"))
        {
            result = new AllOf(List(r.Get("all"), what), text);
        }
        else if (r.Has("not"))
        {
            result = Read(r.Get("not")!, what) is { } inner ? new Not(inner, text) : null;
        }
        else
        {
            result = ReadTest(r, what, text);
        }

        r.Finish($"{what}: condition");
        return result;
    }

    private FactTest? ReadTest(MapReader r, string what, string? text)
    {
        var name = r.String("fact", what);
        if (name is null)
        {
            ctx.Error(r.Line, $"{what}: a condition needs 'fact' (or any/all/not)");
            return null;
        }

        if (!facts.TryGetValue(name, out var def))
        {
            ctx.Error(r.Get("fact")!, $"{what}: unknown fact '{name}' (add it to facts.yaml)");
            return null;
        }

        var comparisons = new List<Comparison>();
        foreach (var (key, op) in Operators)
        {
            if (r.Get(key) is { } valueNode && ReadComparison(def, op, key, valueNode, what) is { } c)
            {
                comparisons.Add(c);
            }
        }

        if (comparisons.Count == 0)
        {
            ctx.Error(r.Line, $"{what}: condition on '{name}' needs one of equals, in, min, max, below, above");
            return null;
        }

        return new FactTest(name, comparisons, text);
    }

    private Comparison? ReadComparison(FactDefinition def, ComparisonOp op, string key, YamlNode node, string what)
    {
        var allowed = def.Type switch
        {
            FactType.Bool => op == ComparisonOp.Equals,
            FactType.Enum => op is ComparisonOp.Equals or ComparisonOp.In,
            _ => op != ComparisonOp.In,
        };
        if (!allowed)
        {
            ctx.Error(node, $"{what}: '{key}' cannot be used on {def.Type.ToString().ToLowerInvariant()} fact '{def.Name}'");
            return null;
        }

        var raw = op == ComparisonOp.In ? ctx.Items(node, $"{what}: 'in'").ToList() : [node];
        var values = new List<FactValue>();
        foreach (var item in raw)
        {
            if (Value(def, item, what) is { } v)
            {
                values.Add(v);
            }
        }

        return values.Count == raw.Count && values.Count > 0 ? new Comparison(op, values) : null;
    }

    /// <summary>Reads one value for a fact, checking enum keys against facts.yaml.</summary>
    public FactValue? Value(FactDefinition def, YamlNode node, string what)
    {
        var text = (node as YamlScalarNode)?.Value;
        var value = text is null ? null : FactValue.Parse(def.Type, text);
        if (value is null)
        {
            ctx.Error(node, $"{what}: '{text ?? "(list)"}' is not a {def.Type.ToString().ToLowerInvariant()} value for fact '{def.Name}'");
            return null;
        }

        if (value is EnumValue e && !def.HasValue(e.Key))
        {
            ctx.Error(node, $"{what}: '{e.Key}' is not a value of fact '{def.Name}' (allowed: {string.Join(", ", def.Values.Select(v => v.Key))})");
            return null;
        }

        return value;
    }
}
