namespace BotAssistant.Policies;

public enum EligibilityStatus { Eligible, NotEligible, Undetermined }

public enum Validity { InForce, NotYet, Ended }

/// <summary>A condition that failed, in plain words, with what the user said (null when not a single fact).</summary>
public sealed record FailedCondition(Condition Condition, string Wording, string? ActualValue);

public sealed record ValidityResult(Validity Status, DateOnly? From, DateOnly? Until, string Text);

/// <summary>
/// The money side of a measure. Value is set when a single figure is known; Min/Max when only a
/// range is; PerUnit when the count is unknown. Formula always says how the figure was reached.
/// </summary>
public sealed record AmountResult
{
    public decimal? Value { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public decimal? PerUnit { get; init; }
    public string? Unit { get; init; }
    public string Formula { get; init; } = "";
    public bool IsLoan { get; init; }
    public bool IsTaxDeduction { get; init; }
    public bool NotStated { get; init; }
    public bool None { get; init; }
    public IReadOnlyList<string> MissingFacts { get; init; } = [];

    /// <summary>The figure used to compare two measures: the value, else the top of the range.</summary>
    public decimal? Comparable => Value ?? Max ?? PerUnit;

    /// <summary>Comparable in 元, so a 万元 loan and a 元 grant line up.</summary>
    public decimal? ComparableYuan => Unit == "万元" ? Comparable * 10000m : Comparable;

    public bool IsDetermined => MissingFacts.Count == 0;
}

/// <summary>A smallest change of facts that would make the measure applicable.</summary>
public sealed record WhatIf(IReadOnlyDictionary<string, FactValue> Changes, EligibilityStatus Outcome, string Text);

public sealed record MeasureResult(
    Measure Measure,
    EligibilityStatus Status,
    IReadOnlyList<FailedCondition> FailedConditions,
    IReadOnlyList<string> MissingFacts,
    AmountResult Amount,
    ValidityResult Validity,
    WhatIf? WhatIf)
{
    /// <summary>Conditions on rates computed from the user's counts that hold, each with its sum (70÷200=35%).</summary>
    public IReadOnlyList<FailedCondition> Held { get; init; } = [];

    /// <summary>Undetermined only: alternatives of the conditions already failed (see the evaluator's RuledOut).</summary>
    public IReadOnlyList<FailedCondition> RuledOut { get; init; } = [];

    /// <summary>Set by screening when an exclusive measure was recommended instead.</summary>
    public string? ExcludedBy { get; init; }

    public bool IsExcluded => ExcludedBy is not null;
}

/// <summary>Two eligible measures that cannot both be had, and which one to take.</summary>
public sealed record ExclusionDecision(
    string Recommended, string Excluded, AmountResult RecommendedAmount, AmountResult ExcludedAmount, string Reason);

public sealed record LimitNotice(string MeasureId, string Text);

public sealed record ScreeningResult(
    IReadOnlyList<MeasureResult> Results,
    IReadOnlyList<ExclusionDecision> Exclusions,
    IReadOnlyList<LimitNotice> Limits)
{
    public MeasureResult? For(string measureId) => Results.FirstOrDefault(r => r.Measure.Id == measureId);
}
