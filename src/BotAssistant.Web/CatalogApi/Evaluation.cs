using BotAssistant.Policies;

namespace BotAssistant.Web.CatalogApi;

/// <summary>Which measures to screen: one by id, or all of a place (optionally for one audience).</summary>
public sealed record CandidateChoice(IReadOnlyList<Measure> Measures, string? Error, bool NotFound);

/// <summary>The bot's own screening (PolicyEngine.Screen) over the chosen measures, as API views.</summary>
public static class Evaluation
{
    public static CandidateChoice Candidates(Catalog catalog, string? measureId, string? place, string? audience)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!string.IsNullOrWhiteSpace(measureId))
        {
            return catalog.FindMeasure(measureId.Trim()) is { } m
                ? new CandidateChoice([m], null, false)
                : new CandidateChoice([], $"no measure has the id '{measureId}'", true);
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            return new CandidateChoice([], "give a measure id, or a place (and optionally an audience)", false);
        }

        if (catalog.FindPlace(place.Trim()) is not { } found)
        {
            return new CandidateChoice([], $"no place is called '{place}' (places: {string.Join("、", catalog.Places.Keys)})", true);
        }

        if (!Labels.TryAudience(audience, out var who))
        {
            return new CandidateChoice([], $"audience '{audience}' is not individual, employer or institution", false);
        }

        var measures = catalog.ForPlace(found.Key).Where(m => who == Audience.Any || m.Audience == who).ToList();
        return new CandidateChoice(measures, null, false);
    }

    public static EvaluationView Run(Catalog catalog, IReadOnlyList<Measure> measures, FactSet facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var screen = PolicyEngine.Screen(catalog, measures, facts, asOf);
        var results = screen.Results
            .OrderBy(r => Rank(r))
            .Select(r => Result(catalog, r, asOf))
            .ToList();
        return new EvaluationView(
            AsOfDate.Format(asOf), FactInput.Known(catalog, facts), results,
            screen.Exclusions.Select(e => e.Reason).ToList(), screen.Limits.Select(l => l.Text).Distinct().ToList());
    }

    /// <summary>What the caller can have first, then what needs more answers, then what does not apply.</summary>
    private static int Rank(MeasureResult r) => r switch
    {
        { Status: EligibilityStatus.Eligible, IsExcluded: false } => 0,
        { Status: EligibilityStatus.Undetermined } => 1,
        { Status: EligibilityStatus.Eligible } => 2,
        _ => 3,
    };

    private static EvaluationResultView Result(Catalog catalog, MeasureResult r, DateOnly asOf)
    {
        var a = r.Amount;
        var missing = r.MissingFacts
            .Select(f => new MissingFactView(f, catalog.Facts.GetValueOrDefault(f)?.Label ?? f))
            .ToList();
        return new EvaluationResultView(
            MeasureViews.Summary(catalog, r.Measure, asOf), Labels.Key(r.Status),
            Labels.Of(r.Status) + (r.IsExcluded ? "（与另一项不能重复享受，已建议申请另一项）" : ""), r.ExcludedBy,
            new AmountResultView(a.Formula, a.Value, a.Min, a.Max, a.PerUnit, a.Unit, a.IsDetermined),
            missing, r.FailedConditions.Select(f => new FailedConditionView(f.Wording, f.ActualValue)).ToList(), r.WhatIf?.Text);
    }
}
