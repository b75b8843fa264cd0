namespace BotAssistant.Policies;

/// <summary>How much a measure gives, one record per `kind` in SCHEMA.md. Text is the document's own wording.</summary>
public abstract record Amount
{
    public string? Text { get; init; }
    public string? Note { get; init; }

    /// <summary>Facts the computation reads (count, months, base, tier, rate conditions).</summary>
    public virtual IEnumerable<string> Facts => [];
}

public sealed record NoAmount : Amount;

public sealed record NotStatedAmount : Amount;

public sealed record FixedAmount(decimal Value, string Unit, string? Per, string? CountFact) : Amount
{
    public override IEnumerable<string> Facts => CountFact is null ? [] : [CountFact];
}

public sealed record MonthlyAmount(
    decimal Value, string Unit, string? Per, int? Months, string? MonthsFact, int? MonthsMax, string? CountFact) : Amount
{
    /// <summary>
    /// People and months known only together ("第一批4个见习6个月，第二批2个见习3个月"): the sum of people × months over
    /// the groups, which replaces count × months when told.
    /// </summary>
    public string? PersonMonthsFact { get; init; }

    public override IEnumerable<string> Facts => new[] { MonthsFact, CountFact }.OfType<string>();
}

/// <summary>A step matches when every bound it gives holds: Min ≤ x, x &lt; Below, x = EqualsValue.</summary>
public sealed record TierStep(decimal? Min, decimal? Below, FactValue? EqualsValue, decimal Value);

public sealed record TieredAmount(
    string By, string? Base, IReadOnlyList<TierStep> Steps, string Unit, string? Per, string? MonthsFact, string? CountFact)
    : Amount
{
    /// <summary>
    /// People and months known only together ("第一批4个见习6个月，第二批2个见习3个月"): the sum of people × months over
    /// the groups, which replaces count × months when told.
    /// </summary>
    public string? PersonMonthsFact { get; init; }

    public override IEnumerable<string> Facts => new[] { By, MonthsFact, CountFact }.OfType<string>();
}

public sealed record RateRule(Condition? When, decimal Rate);

public sealed record RateAmount(string BaseFact, IReadOnlyList<RateRule> Rates, string BaseUnit) : Amount
{
    public override IEnumerable<string> Facts =>
        new[] { BaseFact }.Concat(Rates.Where(r => r.When is not null).SelectMany(r => ConditionFacts.Of(r.When!)));
}

/// <summary>Share is as written ("50%", "1/2"); it may be paid early after AfterMonths.</summary>
public sealed record AdvancePayment(string Share, int? AfterMonths);

public sealed record PerHeadCappedAmount(decimal Value, string Unit, string CountFact, decimal Cap, AdvancePayment? Advance)
    : Amount
{
    public override IEnumerable<string> Facts => [CountFact];
}

public sealed record YearlyCappedAmount(decimal Value, string Unit, int Years) : Amount;

public sealed record RangeAmount(decimal Min, decimal Max, string Unit, string? Per) : Amount;

/// <summary>Fraction is as written; Ratio its value (2/3 → 0.666…). Upto means "不超过".</summary>
public sealed record ShareAmount(string Fraction, decimal Ratio, string Of, string? BaseFact, bool Upto, string? Unit) : Amount
{
    /// <summary>
    /// When the base is paid monthly per person ("企业为每人每月实际缴纳的社保费"): the months it runs, at most
    /// <see cref="MonthsCap"/> ("最长不超过1年"), and how many people it is paid for.
    /// </summary>
    public string? MonthsFact { get; init; }

    public int? MonthsCap { get; init; }

    public string? CountFact { get; init; }

    /// <summary>
    /// With no months to run over, what one base figure is for ("人·月": 每人每月单位缴费部分), so the share is paid in
    /// the same period: per person a month, then for the people counted.
    /// </summary>
    public string? Per { get; init; }

    public override IEnumerable<string> Facts =>
        new[] { BaseFact, MonthsFact, CountFact }.OfType<string>();
}

public sealed record TaxDeductionAmount(decimal Value, string Unit, string? Per, int Years, string? CountFact) : Amount
{
    public override IEnumerable<string> Facts => CountFact is null ? [] : [CountFact];
}

/// <summary>A loan ceiling, not money given: it has to be repaid.</summary>
public sealed record LoanAmount(
    decimal Limit, string Unit, string? Interest, decimal? RateCap, string? Term, string? Extension) : Amount;

public sealed record FeeRateAmount(decimal Rate, string? Of) : Amount;

internal static class ConditionFacts
{
    public static IEnumerable<string> Of(Condition condition) => condition switch
    {
        FactTest t => [t.Fact],
        AllOf a => a.Items.SelectMany(Of),
        AnyOf a => a.Items.SelectMany(Of),
        Not n => Of(n.Inner),
        _ => [],
    };
}
