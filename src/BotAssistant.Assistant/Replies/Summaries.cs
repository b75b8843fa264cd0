using BotAssistant.Assistant.Conversation;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Replies;

/// <summary>One measure in a reply's machine-readable summary.</summary>
public sealed record MeasureSummary(
    string Id, string Name, string Place, string Status, decimal? Amount, decimal? AmountMin, decimal? AmountMax, string? Unit,
    string Formula, string Validity, string? Until, string Source, bool? Excluded);

/// <summary>The activity value of every reply that names measures: kind, place, as-of date and the measures.</summary>
public sealed record ReplySummary(string Kind, string? Place, string AsOf, IReadOnlyList<MeasureSummary> Measures);

public static class Summaries
{
    public static ReplySummary Of(string kind, TurnScope s, IEnumerable<MeasureResult> results) => new(
        kind, s.Place, s.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        results.Select(r => Of(r, s.Writer)).ToList());

    public static MeasureSummary Of(MeasureResult r, MeasureWriter writer) => new(
        r.Measure.Id, r.Measure.Name, r.Measure.Place,
        r.Status switch { EligibilityStatus.Eligible => "eligible", EligibilityStatus.NotEligible => "not_eligible", _ => "undetermined" },
        r.Amount.Value, r.Amount.Min, r.Amount.Max, r.Amount.Unit, r.Amount.Formula,
        r.Validity.Status switch { Validity.InForce => "in_force", Validity.Ended => "ended", _ => "not_yet" },
        r.Validity.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        writer.Source(r.Measure), r.IsExcluded ? true : null);
}
