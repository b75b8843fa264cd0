namespace BotAssistant.Policies;

using BotAssistant.Policies.Engine;

/// <summary>Pure evaluation: no I/O and no clock; the as-of date is always passed in.</summary>
public static class PolicyEngine
{
    /// <param name="explain">
    /// False skips the search for the smallest change that would make a failed measure apply (WhatIf stays null):
    /// tables and summaries need only the verdict and the amount, and the search is the costly part.
    /// </param>
    public static MeasureResult Evaluate(Measure measure, FactSet facts, DateOnly asOf, bool explain = true)
    {
        var result = EvaluateCore(measure, facts, asOf);
        return explain && result.Status == EligibilityStatus.NotEligible
            ? result with { WhatIf = WhatIfSearch.Find(measure, facts, result, m => EvaluateCore(measure, m, asOf, quiet: true).Status) }
            : result;
    }

    /// <summary>Each top-level condition in plain Chinese (the author's text when given).</summary>
    public static IReadOnlyList<string> DescribeConditions(Measure measure)
    {
        var text = new ConditionText(measure.FactDefinitions);
        return measure.Conditions.Select(text.Describe).ToList();
    }

    public static ValidityResult ValidityOf(Measure measure, DateOnly asOf)
    {
        var from = measure.Period.From;
        var until = measure.EffectiveUntil;
        if (from is { } f && asOf < f)
        {
            return new ValidityResult(Validity.NotYet, from, until, string.Format(Wording.NotYet, Wording.Date(f)));
        }

        if (until is { } u && asOf > u)
        {
            return new ValidityResult(Validity.Ended, from, until, string.Format(Wording.Ended, Wording.Date(u)));
        }

        var text = until is { } end ? string.Format(Wording.InForceUntil, Wording.Date(end)) : Wording.InForceOpen;
        return new ValidityResult(Validity.InForce, from, until, text);
    }

    /// <summary>
    /// Evaluates every candidate, then settles exclusions: of two eligible measures that cannot
    /// be combined, the larger amount is recommended and the other marked excluded.
    /// </summary>
    public static ScreeningResult Screen(Catalog catalog, IEnumerable<Measure> candidates, FactSet facts, DateOnly asOf)
    {
        var results = candidates.Select(m => Evaluate(m, facts, asOf)).ToList();
        var order = catalog.Measures.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var (settled, decisions) = Exclusions.Settle(results, m => order.GetValueOrDefault(m.Id, int.MaxValue));
        var limits = settled
            .Where(r => r.Status != EligibilityStatus.NotEligible)
            .SelectMany(r => LimitNotices(r.Measure))
            .ToList();
        return new ScreeningResult(settled, decisions, limits);
    }

    /// <param name="quiet">True when only the verdict and the amount's missing facts are read (planner, what-if).</param>
    internal static MeasureResult EvaluateCore(Measure measure, FactSet facts, DateOnly asOf, bool quiet = false)
    {
        var text = new ConditionText(measure.FactDefinitions);
        var verdict = new ConditionEvaluator(facts, quiet ? null : text).All(measure.Conditions);
        var amount = new AmountCalculator(facts, text).Compute(measure.Amount);
        var status = verdict.Truth switch
        {
            Truth.True => EligibilityStatus.Eligible,
            Truth.False => EligibilityStatus.NotEligible,
            _ => EligibilityStatus.Undetermined,
        };
        var missing = status == EligibilityStatus.NotEligible
            ? []
            : verdict.Missing.Concat(amount.MissingFacts).Distinct().ToList();
        return new MeasureResult(measure, status, verdict.Failed, missing, amount, ValidityOf(measure, asOf), null);
    }

    private static IEnumerable<LimitNotice> LimitNotices(Measure m)
    {
        var l = m.Limits;
        if (l.MaxPerYear is { } perYear)
        {
            yield return new LimitNotice(m.Id, $"{m.Name}：每人每年最多享受{perYear}次");
        }

        if (l.MaxTotal is { } total)
        {
            yield return new LimitNotice(m.Id, $"{m.Name}：累计最多享受{total}次");
        }

        if (l.Once)
        {
            yield return new LimitNotice(m.Id, $"{m.Name}：只能享受一次");
        }
    }
}
