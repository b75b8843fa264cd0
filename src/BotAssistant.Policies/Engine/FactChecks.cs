namespace BotAssistant.Policies;

/// <summary>One thing the user said that cannot be true: outside the fact's range, or more than the fact it is part of.</summary>
public sealed record FactProblem(string Fact, decimal Value, string? Other, decimal? OtherValue, decimal? Min, decimal? Max)
{
    /// <summary>The margin below the other fact this one must keep (离校年限 ≤ 年龄 − 15); 0 for a plain at_most.</summary>
    public decimal Less { get; init; }
}

/// <summary>
/// The checks facts.yaml declares next to the facts (min/max, at_most), run on what is known. Nothing is computed from
/// facts that fail them: the assistant says what does not add up and asks again.
/// </summary>
public static class FactChecks
{
    public static IReadOnlyList<FactProblem> Find(Catalog catalog, IReadOnlyDictionary<string, FactValue> facts)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(facts);
        var problems = new List<FactProblem>();
        foreach (var (name, value) in facts)
        {
            if (value is not NumberValue { Value: var n } || !catalog.Facts.TryGetValue(name, out var def))
            {
                continue;
            }

            if ((def.Min is { } min && n < min) || (def.Max is { } max && n > max))
            {
                problems.Add(new FactProblem(name, n, null, null, def.Min, def.Max));
            }
            else if (def.AtMost is { } other && facts.GetValueOrDefault(other) is NumberValue { Value: var bound, AtLeast: false } && n > bound - def.AtMostLess)
            {
                problems.Add(new FactProblem(name, n, other, bound, def.Min, def.Max) { Less = def.AtMostLess });
            }
        }

        return problems;
    }
}
