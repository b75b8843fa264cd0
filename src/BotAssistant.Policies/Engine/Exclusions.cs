namespace BotAssistant.Policies.Engine;

/// <summary>Chooses among eligible measures declared exclusive_with each other.</summary>
internal static class Exclusions
{
    public static (List<MeasureResult> Results, List<ExclusionDecision> Decisions) Settle(
        List<MeasureResult> results, Func<Measure, int> catalogOrder)
    {
        var decisions = new List<ExclusionDecision>();
        var excludedBy = new Dictionary<string, string>(StringComparer.Ordinal);

        // Largest first, so each measure is weighed against the best one it conflicts with. On a tie
        // the measure listed first in the catalog wins: documents put the main clause before its echoes.
        var eligible = results
            .Where(r => r.Status == EligibilityStatus.Eligible)
            .OrderByDescending(r => r.Amount.ComparableYuan ?? decimal.MinValue)
            .ThenBy(r => catalogOrder(r.Measure))
            .ToList();
        var kept = new List<MeasureResult>();
        foreach (var candidate in eligible)
        {
            var winner = kept.FirstOrDefault(k => Conflict(k.Measure, candidate.Measure));
            if (winner is null)
            {
                kept.Add(candidate);
                continue;
            }

            excludedBy[candidate.Measure.Id] = winner.Measure.Id;
            decisions.Add(new ExclusionDecision(
                winner.Measure.Id, candidate.Measure.Id, winner.Amount, candidate.Amount, Reason(winner, candidate)));
        }

        var settled = results
            .Select(r => excludedBy.TryGetValue(r.Measure.Id, out var by) ? r with { ExcludedBy = by } : r)
            .ToList();
        return (settled, decisions);
    }

    private static bool Conflict(Measure a, Measure b) =>
        a.Limits.ExclusiveWith.Contains(b.Id) || b.Limits.ExclusiveWith.Contains(a.Id);

    private static string Reason(MeasureResult winner, MeasureResult loser)
    {
        if (winner.Amount.ComparableYuan is null || loser.Amount.ComparableYuan is null
            || winner.Amount.Comparable is not { } w || loser.Amount.Comparable is not { } l)
        {
            return string.Format(Wording.ExclusionUnknown, winner.Measure.Name, loser.Measure.Name);
        }

        var comparison = winner.Amount.ComparableYuan == loser.Amount.ComparableYuan ? Wording.ExclusionEqual : Wording.Exclusion;
        return string.Format(comparison, winner.Measure.Name, Money(winner.Amount, w), loser.Measure.Name, Money(loser.Amount, l));
    }

    private static string Money(AmountResult amount, decimal value) =>
        $"{(amount.Value is null ? "最高" : "")}{AmountCalculator.N(value)}{amount.Unit}";
}
