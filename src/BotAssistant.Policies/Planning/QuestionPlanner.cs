using BotAssistant.Policies.Engine;

namespace BotAssistant.Policies;

/// <summary>
/// Picks the next fact to ask: the one whose answer settles the most open candidates on
/// average over its plausible answers. Settling means the status (or, for an eligible
/// measure, the amount) stops being undetermined.
/// </summary>
public static class QuestionPlanner
{
    // The planner has no date of its own; validity does not change eligibility, so any date will do.
    private static readonly DateOnly AnyDate = new(2000, 1, 1);

    public static string? NextFact(
        IEnumerable<Measure> candidates, FactSet facts, Catalog catalog, IReadOnlySet<string> skipped)
    {
        var open = candidates
            .Select(m => PolicyEngine.EvaluateCore(m, facts, AnyDate, quiet: true))
            .Where(IsOpen)
            .ToList();
        var askable = open
            .SelectMany(r => r.MissingFacts)
            .Distinct()
            .Where(f => !facts.IsKnown(f) && !skipped.Contains(f) && catalog.Facts.TryGetValue(f, out var def) && def.AskedForItself)
            .ToList();
        if (askable.Count == 0)
        {
            return null;
        }

        // Among equals, the fact the documents name first: their lists of groups lead with the commonest
        // (低保、脱贫、残疾…), and a user hears the questions in the order the clause reads.
        var documentOrder = open.SelectMany(r => r.MissingFacts).Distinct().Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
        return askable
            .Select(f => (Fact: f, Score: ExpectedSettled(f, open, facts, catalog), Def: catalog.Facts[f]))
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => open.Count(r => r.MissingFacts.Contains(x.Fact)))
            .ThenBy(x => x.Def.Cost)
            .ThenBy(x => documentOrder[x.Fact])
            .ThenBy(x => x.Fact, StringComparer.Ordinal)
            .Select(x => AskedBefore(x.Def, facts, catalog, skipped) ?? x.Fact)
            .First();
    }

    /// <summary>The yes/no a fact waits on ("是否创业" before "经营多长时间"), when it is still open to ask.</summary>
    private static string? AskedBefore(FactDefinition def, FactSet facts, Catalog catalog, IReadOnlySet<string> skipped) =>
        def.AskedAfter is { } first && catalog.Facts.ContainsKey(first) && !facts.IsKnown(first) && !skipped.Contains(first) ? first : null;

    private static bool IsOpen(MeasureResult r) =>
        r.Status == EligibilityStatus.Undetermined
        || (r.Status == EligibilityStatus.Eligible && !r.Amount.IsDetermined);

    private static double ExpectedSettled(string fact, List<MeasureResult> open, FactSet facts, Catalog catalog)
    {
        // Only a measure still missing this fact can be settled by its answer; the rest need not be evaluated again.
        var touched = open.Where(r => r.MissingFacts.Contains(fact)).ToList();
        var values = PlausibleValues(fact, touched.Select(r => r.Measure), catalog);
        if (values.Count == 0)
        {
            return 0;
        }

        var settled = 0;
        foreach (var value in values)
        {
            var answered = facts.With(fact, value);
            settled += touched.Count(r => Settles(r, answered));
        }

        return (double)settled / values.Count;
    }

    private static bool Settles(MeasureResult before, FactSet answered)
    {
        var after = PolicyEngine.EvaluateCore(before.Measure, answered, AnyDate, quiet: true);
        return before.Status == EligibilityStatus.Undetermined
            ? after.Status != EligibilityStatus.Undetermined
            : after.Status != EligibilityStatus.Eligible || after.Amount.IsDetermined;
    }

    /// <summary>Answers worth imagining: every enum value, both booleans, each side of every threshold.</summary>
    internal static List<FactValue> PlausibleValues(string fact, IEnumerable<Measure> measures, Catalog catalog)
    {
        var def = catalog.Facts[fact];
        switch (def.Type)
        {
            case FactType.Bool:
                return [FactValue.Of(true), FactValue.Of(false)];
            case FactType.Enum:
                return def.Values.Select(v => FactValue.OfKey(v.Key)).ToList();
        }

        var points = measures
            .SelectMany(m => m.Conditions.SelectMany(WhatIfSearch.Tests).Concat(RateTests(m)))
            .Where(t => t.Fact == fact)
            .SelectMany(t => t.Comparisons)
            .SelectMany(c => c.Values)
            .SelectMany(v => Around(v))
            .Distinct()
            .ToList();

        // A count or base used only by an amount settles with any value at all.
        return points.Count > 0 ? points : [def.Type == FactType.Date ? FactValue.Of(AnyDate) : FactValue.Of(1m)];
    }

    private static IEnumerable<FactTest> RateTests(Measure m) =>
        m.Amount is RateAmount r ? r.Rates.Where(x => x.When is not null).SelectMany(x => WhatIfSearch.Tests(x.When!)) : [];

    private static IEnumerable<FactValue> Around(FactValue v) => v switch
    {
        NumberValue n => [FactValue.Of(n.Value - 1), n, FactValue.Of(n.Value + 1)],
        DateValue d => [FactValue.Of(d.Value.AddDays(-1)), d, FactValue.Of(d.Value.AddDays(1))],
        _ => [v],
    };
}
