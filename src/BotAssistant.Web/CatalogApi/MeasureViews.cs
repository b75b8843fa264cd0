using BotAssistant.Policies;

namespace BotAssistant.Web.CatalogApi;

/// <summary>Builds the API's measure views from the catalog and the engine, for one as-of date.</summary>
public static class MeasureViews
{
    public static string Link(string id) => "/staff/measures/" + Uri.EscapeDataString(id);

    public static MeasureSummaryView Summary(Catalog catalog, Measure m, DateOnly asOf) => new(
        m.Id, m.Name, m.Place, m.Topic, catalog.Topics.GetValueOrDefault(m.Topic)?.Name ?? m.Topic, Labels.Key(m.Audience),
        m.Document.Number, m.Clause, m.Summary, Amount(catalog, m, asOf), Period(m, asOf), Link(m.Id));

    public static MeasureSheetView Sheet(Catalog catalog, Measure m, DateOnly asOf)
    {
        var place = catalog.Places.GetValueOrDefault(m.Place);
        var d = m.Document;
        return new MeasureSheetView(
            m.Id, m.Name, m.Synonyms, m.Place, place?.FullName ?? m.Place, place?.Province,
            m.Topic, catalog.Topics.GetValueOrDefault(m.Topic)?.Name ?? m.Topic, Labels.Key(m.Audience), Labels.Of(m.Audience),
            new DocumentView(d.Id, d.Title, d.Number, d.Issuer, Labels.Date(d.Date)), m.Clause, m.Quote, m.Summary,
            PolicyEngine.DescribeConditions(m), Amount(catalog, m, asOf), Period(m, asOf), Limits(catalog, m),
            m.Materials.Select(r => Material(catalog, r)).ToList(), m.Departments, place?.Bureau, Link(m.Id));
    }

    /// <summary>The amount with nothing known about the caller: the standard as the engine states it.</summary>
    public static AmountView Amount(Catalog catalog, Measure m, DateOnly asOf)
    {
        var probe = PolicyEngine.Evaluate(m, catalog.NewFacts(), asOf).Amount;
        return new AmountView(
            Headline(m.Amount, probe), probe.Formula, m.Amount.Text, m.Amount.Note, probe.ComparableYuan, Kind(m.Amount),
            probe.IsLoan, probe.IsTaxDeduction, probe.NotStated);
    }

    public static PeriodView Period(Measure m, DateOnly asOf)
    {
        var v = PolicyEngine.ValidityOf(m, asOf);
        return new PeriodView(Labels.Date(v.From), Labels.Date(v.Until), m.Period.Text, Labels.Key(v.Status), v.Text, AsOfDate.Format(asOf));
    }

    private static LimitsView Limits(Catalog catalog, Measure m)
    {
        var l = m.Limits;
        var notices = new List<string>();
        if (l.MaxPerYear is { } perYear)
        {
            notices.Add($"每人每年最多享受{perYear}次");
        }

        if (l.MaxTotal is { } total)
        {
            notices.Add($"累计最多享受{total}次");
        }

        if (l.Once)
        {
            notices.Add("只能享受一次");
        }

        var exclusive = l.ExclusiveWith
            .Select(id => new LinkedMeasureView(id, catalog.FindMeasure(id)?.Name ?? id, Link(id)))
            .ToList();
        return new LimitsView(exclusive, l.MaxPerYear, l.MaxTotal, l.Once, l.Note, notices);
    }

    private static MaterialView Material(Catalog catalog, MaterialRequirement r)
    {
        var material = catalog.Materials.GetValueOrDefault(r.Id);
        return new MaterialView(r.Id, material?.Name ?? r.Id, material?.Description, Labels.Key(r.Source), Labels.Of(r.Source), r.Note);
    }

    /// <summary>A few characters for a list or a bar label; the engine's formula stays beside it for the full story.</summary>
    private static string Headline(Amount amount, AmountResult r)
    {
        var per = Per(amount) is { } p ? "/" + p : "";
        var loan = r.IsLoan ? "（贷款）" : r.IsTaxDeduction ? "（扣减税费）" : "";
        return r switch
        {
            { None: true } => "不涉及资金",
            _ when amount is YearlyCappedAmount y => $"每年最高{Labels.Number(y.Value)}{y.Unit}，最长{y.Years}年",
            { NotStated: true } => "文件未写明具体金额",
            { Value: { } v } => $"{Labels.Number(v)}{r.Unit}{(r.PerUnit == v ? per : "")}{loan}",
            { Min: { } min, Max: { } max } when min == 0 => $"最高{Labels.Number(max)}{r.Unit}{per}{loan}",
            { Min: { } min, Max: { } max } => $"{Labels.Number(min)}–{Labels.Number(max)}{r.Unit}{per}{loan}",
            { PerUnit: { } head, Max: { } cap } => $"{Labels.Number(head)}{r.Unit}{per}，最高{Labels.Number(cap)}{r.Unit}{loan}",
            { Max: { } max } => $"最高{Labels.Number(max)}{r.Unit}{loan}",
            { PerUnit: { } unitValue } => $"{Labels.Number(unitValue)}{r.Unit}{per}{loan}",
            _ => r.Formula,
        };
    }

    private static string? Per(Amount amount) => amount switch
    {
        FixedAmount a => a.Per ?? "人",
        MonthlyAmount a => a.Per ?? "人·月",
        TieredAmount a => a.Per ?? "人",
        TaxDeductionAmount a => a.Per ?? "人·年",
        RangeAmount a => a.Per,
        PerHeadCappedAmount => "人",
        _ => null,
    };

    private static string Kind(Amount amount) => amount switch
    {
        NoAmount => "none",
        NotStatedAmount => "not_stated",
        FixedAmount => "fixed",
        MonthlyAmount => "monthly",
        TieredAmount => "tiered",
        RateAmount => "rate",
        PerHeadCappedAmount => "per_head_capped",
        YearlyCappedAmount => "yearly_capped",
        RangeAmount => "range",
        ShareAmount => "share",
        TaxDeductionAmount => "tax_deduction",
        LoanAmount => "loan",
        FeeRateAmount => "fee_rate",
        _ => "other",
    };
}
