using static BotAssistant.Policies.Tests.TestCatalog;

namespace BotAssistant.Policies.Tests;

public class EngineTests
{
    private static readonly DateOnly Day = new(2023, 10, 1);

    private const string Kuogang = """
            period: {from: 2023-08-28, until: 2023-12-31}
            conditions:
              - {fact: hired_group, in: [graduate, youth_unemployed]}
              - {fact: contract_years, min: 1}
              - fact: social_insurance_months
                min: 1
                text: 为其缴纳社会保险1个月以上
            amount: {kind: fixed, value: 1500, unit: 元, per: 人, count_fact: hired_count}
        """;

    private static MeasureResult Eval(string body, FactSet facts, DateOnly? asOf = null) =>
        PolicyEngine.Evaluate(One(body), facts, asOf ?? Day);

    private static FactSet Graduates(decimal count) => FactSet.Empty
        .With("hired_group", "graduate").With("hired_count", count).With("contract_years", 1m).With("social_insurance_months", 2m);

    [Fact]
    public void Fixed_amount_times_count()
    {
        var r = Eval(Kuogang, Graduates(3));
        Assert.Equal(EligibilityStatus.Eligible, r.Status);
        Assert.Equal(4500m, r.Amount.Value);
        Assert.Equal("1500元/人 × 3人 = 4500元", r.Amount.Formula);
    }

    [Fact]
    public void Unknown_count_gives_per_unit_and_lists_missing()
    {
        var r = Eval(Kuogang, Graduates(1).Without("hired_count"));
        Assert.Equal(EligibilityStatus.Eligible, r.Status);
        Assert.Null(r.Amount.Value);
        Assert.Equal(1500m, r.Amount.PerUnit);
        Assert.Contains("hired_count", r.MissingFacts);
    }

    [Fact]
    public void Unknown_fact_is_unknown_not_false()
    {
        var r = Eval(Kuogang, Graduates(1).Without("contract_years"));
        Assert.Equal(EligibilityStatus.Undetermined, r.Status);
        Assert.Equal(["contract_years"], r.MissingFacts);
    }

    [Fact]
    public void A_false_condition_decides_even_with_unknowns()
    {
        var r = Eval(Kuogang, FactSet.Empty.With("hired_group", "other"));
        Assert.Equal(EligibilityStatus.NotEligible, r.Status);
        Assert.Empty(r.MissingFacts);
    }

    [Fact]
    public void Failed_condition_is_worded_with_the_users_value_and_a_what_if()
    {
        var r = Eval(Kuogang, Graduates(1).With("contract_years", 0.5m));
        var failed = Assert.Single(r.FailedConditions);
        Assert.Equal("劳动合同期限不少于1年", failed.Wording);
        Assert.Equal("您的劳动合同期限：6个月（0.5年）", failed.ActualValue);
        Assert.Equal("如果劳动合同期限达到1年，可以申请", r.WhatIf?.Text);
    }

    [Theory]
    [InlineData("is_veteran", "如果是退役军人，可以申请")]
    [InlineData("is_migrant_worker", "如果是农民工，可以申请")]
    [InlineData("hired_is_local", "如果招用人员是本市户籍，可以申请")]
    public void A_yes_or_no_fact_in_a_what_if_says_what_the_person_would_be(string fact, string expected)
    {
        var r = Eval($$"""
                conditions:
                  - {fact: {{fact}}, equals: true}
                amount: {kind: none}
            """, FactSet.Empty.With(fact, false));
        Assert.Equal(expected, r.WhatIf?.Text);
    }

    [Fact]
    public void A_yes_or_no_fact_that_must_be_no_is_negated_in_the_what_if()
    {
        var r = Eval("""
                conditions:
                  - {fact: has_unpaid_loan, equals: false}
                amount: {kind: none}
            """, FactSet.Empty.With("has_unpaid_loan", true));
        Assert.Equal("如果没有尚未还清的创业担保贷款，可以申请", r.WhatIf?.Text);
    }

    [Fact]
    public void Author_text_is_preferred_for_failed_conditions()
    {
        var r = Eval(Kuogang, Graduates(1).With("social_insurance_months", 0m));
        Assert.Equal("为其缴纳社会保险1个月以上", Assert.Single(r.FailedConditions).Wording);
    }

    [Theory]
    [InlineData(true, null, EligibilityStatus.Eligible)]
    [InlineData(null, true, EligibilityStatus.Eligible)]
    [InlineData(false, null, EligibilityStatus.Undetermined)]
    [InlineData(false, false, EligibilityStatus.NotEligible)]
    [InlineData(null, null, EligibilityStatus.Undetermined)]
    public void Any_of_is_three_valued(bool? veteran, bool? migrant, EligibilityStatus expected)
    {
        var facts = FactSet.Empty;
        facts = veteran is { } v ? facts.With("is_veteran", v) : facts;
        facts = migrant is { } m ? facts.With("is_migrant_worker", m) : facts;
        var r = Eval("""
                conditions:
                  - any: [{fact: is_veteran, equals: true}, {fact: is_migrant_worker, equals: true}]
                amount: {kind: none}
            """, facts);
        Assert.Equal(expected, r.Status);
    }

    [Theory]
    [InlineData(true, EligibilityStatus.NotEligible)]
    [InlineData(false, EligibilityStatus.Eligible)]
    public void Not_inverts(bool veteran, EligibilityStatus expected)
    {
        var r = Eval("""
                conditions:
                  - not: {fact: is_veteran, equals: true}
                amount: {kind: none}
            """, FactSet.Empty.With("is_veteran", veteran));
        Assert.Equal(expected, r.Status);
    }

    [Theory]
    [InlineData(0.99, EligibilityStatus.NotEligible)]
    [InlineData(1, EligibilityStatus.Eligible)]
    [InlineData(1.01, EligibilityStatus.Eligible)]
    public void Min_is_inclusive(decimal years, EligibilityStatus expected) =>
        Assert.Equal(expected, Eval(Kuogang, Graduates(1).With("contract_years", years)).Status);

    [Theory]
    [InlineData("2023-08-27", Validity.NotYet)]
    [InlineData("2023-08-28", Validity.InForce)]
    [InlineData("2023-12-31", Validity.InForce)]
    [InlineData("2024-01-01", Validity.Ended)]
    public void Validity_before_inside_after(string asOf, Validity expected)
    {
        var r = Eval(Kuogang, Graduates(1), DateOnly.Parse(asOf));
        Assert.Equal(expected, r.Validity.Status);
        Assert.Equal(EligibilityStatus.Eligible, r.Status);
        if (expected == Validity.Ended)
        {
            Assert.Equal("执行期至2023年12月31日，已于该日结束", r.Validity.Text);
        }
    }

    [Fact]
    public void Monthly_caps_months()
    {
        var r = Eval("""
                amount: {kind: monthly, value: 300, unit: 元, per: 人·月, months_fact: social_insurance_months, months_max: 36, count_fact: hired_count}
            """, FactSet.Empty.With("social_insurance_months", 48m).With("hired_count", 1m));
        Assert.Equal(10800m, r.Amount.Value);
        Assert.Contains("最长36个月", r.Amount.Formula);
    }

    [Theory]
    [InlineData("junior", 1000)]
    [InlineData("senior", 2000)]
    public void Tiered_by_enum(string level, decimal expected)
    {
        var r = Eval("""
                amount:
                  kind: tiered
                  by: level
                  steps: [{equals: junior, value: 1000}, {equals: senior, value: 2000}]
                  unit: 元
                  per: 人
            """, FactSet.Empty.With("level", level));
        Assert.Equal(expected, r.Amount.Value);
    }

    [Theory]
    [InlineData(4, 10, 0)]
    [InlineData(5, 10, 500)]
    [InlineData(7, 10, 700)]
    public void Tiered_by_derived_rate(decimal retained, decimal trainees, decimal expected)
    {
        var body = """
                amount:
                  kind: tiered
                  by: retention_rate
                  steps: [{min: 50, below: 70, value: 500}, {min: 70, value: 700}]
                  unit: 元
                  per: 人
            """;
        var catalog = Load(Measure("m", body));
        var facts = catalog.NewFacts().With("retained", retained).With("trainees", trainees);
        var r = PolicyEngine.Evaluate(catalog.Measures[0], facts, Day);
        Assert.Equal(expected == 0 ? null : expected, r.Amount.Value);
        Assert.Equal(expected == 0, r.Amount.NotStated);
    }

    private const string Wengang = """
            amount:
              kind: rate
              base_fact: paid
              rates:
                - {when: {fact: enterprise_size, equals: small_micro}, rate: 60}
                - {when: {fact: enterprise_size, equals: large}, rate: 30}
              unit: "%"
              base_unit: 元
        """;

    [Fact]
    public void Rate_of_base()
    {
        var r = Eval(Wengang, FactSet.Empty.With("paid", 80000m).With("enterprise_size", "small_micro"));
        Assert.Equal(48000m, r.Amount.Value);
        Assert.Equal("上年度实际缴纳的失业保险费 80000元 × 60% = 48000元", r.Amount.Formula);
    }

    [Fact]
    public void Rate_with_unknown_size_gives_a_range()
    {
        var r = Eval(Wengang, FactSet.Empty.With("paid", 10000m));
        Assert.Equal(3000m, r.Amount.Min);
        Assert.Equal(6000m, r.Amount.Max);
        Assert.Contains("enterprise_size", r.MissingFacts);
    }

    [Theory]
    [InlineData(3, 3000, "每人1000元 × 3人 = 3000元")]
    [InlineData(8, 5000, "每人1000元 × 8人 = 8000元，超过总额上限5000元，按5000元")]
    public void Per_head_capped(decimal jobs, decimal expected, string formula)
    {
        var r = Eval("""
                amount: {kind: per_head_capped, value: 1000, unit: 元, count_fact: hired_count, cap: 5000}
            """, FactSet.Empty.With("hired_count", jobs));
        Assert.Equal(expected, r.Amount.Value);
        Assert.Equal(formula, r.Amount.Formula);
    }

    [Fact]
    public void Yearly_capped_range_share_tax_loan_and_not_stated()
    {
        Assert.Equal(9000m, Eval("    amount: {kind: yearly_capped, value: 3000, unit: 元, years: 3}", FactSet.Empty).Amount.Max);
        var range = Eval("    amount: {kind: range, min: 1200, max: 1600, unit: 元, per: 人}", FactSet.Empty).Amount;
        Assert.Equal((1200m, 1600m), (range.Min!.Value, range.Max!.Value));
        var share = Eval("    amount: {kind: share, fraction: \"2/3\", of: 单位缴费部分, base_fact: paid, unit: 元}", FactSet.Empty.With("paid", 300m));
        Assert.Equal(200m, share.Amount.Value);
        var tax = Eval("    amount: {kind: tax_deduction, value: 7800, unit: 元, per: 人·年, years: 3, count_fact: hired_count}", FactSet.Empty.With("hired_count", 2m));
        Assert.True(tax.Amount.IsTaxDeduction);
        Assert.Equal(15600m, tax.Amount.Value);
        var loan = Eval("    amount: {kind: loan, limit: 30, unit: 万元}", FactSet.Empty).Amount;
        Assert.True(loan.IsLoan);
        Assert.Null(loan.Value);
        Assert.True(Eval("    amount: {kind: not_stated, note: 按规定}", FactSet.Empty).Amount.NotStated);
        Assert.True(Eval("    amount: {kind: none}", FactSet.Empty).Amount.None);
    }

    [Fact]
    public void Screen_recommends_the_larger_of_two_exclusive_measures()
    {
        var catalog = Load(
            Measure("pl-kuogang", Kuogang + "\n    limits: {exclusive_with: [pl-xina]}", "kuogang") + "\n"
            + Measure("pl-xina", """
                    conditions: [{fact: hired_group, in: [graduate]}]
                    amount: {kind: fixed, value: 1000, unit: 元, per: 人, count_fact: hired_count}
                    limits: {exclusive_with: [pl-kuogang], max_per_year: 1}
                """, "xina"));
        var screen = PolicyEngine.Screen(catalog, catalog.Measures, Graduates(3), Day);
        var decision = Assert.Single(screen.Exclusions);
        Assert.Equal("pl-kuogang", decision.Recommended);
        Assert.Equal("测试pl-kuogang 4500元 高于 测试pl-xina 3000元，两者不能重复享受，建议申请前者", decision.Reason);
        Assert.Equal("pl-kuogang", screen.For("pl-xina")!.ExcludedBy);
        Assert.False(screen.For("pl-kuogang")!.IsExcluded);
        Assert.Contains(screen.Limits, l => l.MeasureId == "pl-xina" && l.Text.Contains('1'));
    }
}
