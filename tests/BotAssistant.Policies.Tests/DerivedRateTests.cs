using System.Reflection;
using static BotAssistant.Policies.Tests.TestCatalog;

namespace BotAssistant.Policies.Tests;

/// <summary>
/// Rates computed from counts (4e68e5c): the engine shows the sum behind the rate and names the count that would cross
/// the threshold; open measures say which alternatives are already closed; decrease_of is checked on load.
/// </summary>
public class DerivedRateTests(RealCatalogFixture real) : IClassFixture<RealCatalogFixture>
{
    private static readonly DateOnly Day = new(2023, 10, 1);

    private Catalog Real => real.Catalog ?? throw new InvalidOperationException("knowledge/ did not load");

    private MeasureResult Evaluate(string measure, params (string Fact, string Value)[] facts) =>
        PolicyEngine.Evaluate(Real.FindMeasure(measure)!, Real.ParseFacts(facts.Select(f => KeyValuePair.Create(f.Fact, f.Value))), Day);

    /// <summary>临州府发〔2019〕3号六：见习7人留用3人，3人÷7人≈42.9%，未达到50%，仍按每人每月1000元，不是1200元。</summary>
    [Fact]
    public void 临夏见习_a_rate_short_of_the_better_tier_says_so()
    {
        var r = Evaluate("lx-jianxi", ("trainees_count", "7"), ("trainees_retained", "3"), ("trainee_months", "6"));

        Assert.StartsWith("3人÷7人≈42.9%（未达到50%）：1000元/人·月", r.Amount.Formula);
        Assert.Equal(42000m, r.Amount.Value);
    }

    /// <summary>平政办发〔2023〕75号（一）：28人的小微企业裁了5人，5人÷28人≈17.9%，不高于20%，稳岗返还60%，答复带上这个算式。</summary>
    [Fact]
    public void 平凉稳岗返还_a_rate_that_holds_is_shown_with_its_sum()
    {
        var r = Evaluate("pl-wengang", ("enterprise_size", "small_micro"), ("employee_count", "28"), ("laid_off_count", "5"));

        Assert.NotEqual(EligibilityStatus.NotEligible, r.Status);
        Assert.Contains("5人÷28人≈17.9%", Assert.Single(r.Held).ActualValue);
    }

    /// <summary>
    /// 平政办发〔2023〕75号（一）：裁员率不高于5.5%，30人（含）以下的参保企业不高于20%. The rate is laid_off_count ÷
    /// employee_count; the answer shows that sum and the most the firm could have let go (30×20%=6, 20×20%=4, 50×5.5%=2.75 → 2,
    /// 40×5.5%=2.2 → 2).
    /// </summary>
    [Theory]
    [InlineData(30, 7, "您的上年度裁员率：7人÷30人≈23.3%", 6)]
    [InlineData(20, 5, "您的上年度裁员率：5人÷20人=25%", 4)]
    [InlineData(50, 3, "您的上年度裁员率：3人÷50人=6%；您的参保职工人数：50人", 2)]
    [InlineData(60, 4, "您的上年度裁员率：4人÷60人≈6.7%；您的参保职工人数：60人", 3)]
    [InlineData(3, 1, "您的上年度裁员率：1人÷3人≈33.3%", 0)]
    [InlineData(40, 3, "您的上年度裁员率：3人÷40人=7.5%；您的参保职工人数：40人", 2)]
    public void 平凉稳岗返还_a_layoff_rate_from_counts_shows_its_sum_and_the_most_that_may_be_let_go(
        int employees, int laidOff, string actual, int atMost)
    {
        var r = Evaluate("pl-wengang", ("enterprise_size", "small_micro"), ("employee_count", $"{employees}"),
            ("laid_off_count", $"{laidOff}"), ("unemployment_insurance_paid", "20000"));

        Assert.Equal(EligibilityStatus.NotEligible, r.Status);
        Assert.Equal(actual, Assert.Single(r.FailedConditions).ActualValue);
        Assert.NotNull(r.WhatIf);
        Assert.Equal(FactValue.Of((decimal)atMost), Assert.Single(r.WhatIf!.Changes, c => c.Key == "laid_off_count").Value);
        Assert.Equal($"如果上年度裁减人数不超过{atMost}人，可以申请", r.WhatIf.Text);
    }

    /// <summary>Within the threshold (6÷30 = 20%, 含本数; 2÷50 = 4%) there is nothing to show: eligible, 60% of 20000 元.</summary>
    [Theory]
    [InlineData(30, 6)]
    [InlineData(50, 2)]
    [InlineData(30, 0)]
    [InlineData(10, 2)]
    public void 平凉稳岗返还_counts_within_the_threshold_are_eligible(int employees, int laidOff)
    {
        var r = Evaluate("pl-wengang", ("enterprise_size", "small_micro"), ("employee_count", $"{employees}"),
            ("laid_off_count", $"{laidOff}"), ("unemployment_insurance_paid", "20000"));

        Assert.Equal(EligibilityStatus.Eligible, r.Status);
        Assert.Equal(12000m, r.Amount.Value);
        Assert.Null(r.WhatIf);
    }

    /// <summary>A rate said as a rate (裁员率23%) has no counts behind it: the user's figure alone, and no count to change.</summary>
    [Fact]
    public void 平凉稳岗返还_a_rate_said_as_a_rate_is_shown_as_said()
    {
        var r = Evaluate("pl-wengang", ("enterprise_size", "small_micro"), ("employee_count", "30"), ("layoff_rate", "23"));

        Assert.Equal("您的上年度裁员率：23%", Assert.Single(r.FailedConditions).ActualValue);
        Assert.DoesNotContain("裁减人数", r.WhatIf?.Text ?? "", StringComparison.Ordinal);
    }

    /// <summary>
    /// 临州府发〔2019〕3号五（二）：当年新招用人员达到现有在职职工人数25%（超过100人的企业达到15%）. The share is
    /// hired_count ÷ employee_count; too few hires is answered with the least that would do (24×25%=6, 100×25%=25,
    /// 200×15%=30, 101×15%=15.15 → 16).
    /// </summary>
    [Theory]
    [InlineData(24, 5, "5人÷24人≈20.8%", 6)]
    [InlineData(50, 10, "10人÷50人=20%", 13)]
    [InlineData(30, 7, "7人÷30人≈23.3%", 8)]
    [InlineData(101, 15, "15人÷101人≈14.9%", 16)]
    [InlineData(100, 24, "24人÷100人=24%", 25)]
    [InlineData(200, 29, "29人÷200人", 30)]
    public void 临夏小微企业创业担保贷款_too_few_hires_needs_at_least(int employees, int hired, string sum, int atLeast)
    {
        var r = Evaluate("lx-daikuan-xiaowei", ("enterprise_size", "small_micro"), ("employee_count", $"{employees}"),
            ("hired_count", $"{hired}"), ("contract_years", "1"));

        Assert.Equal(EligibilityStatus.NotEligible, r.Status);
        Assert.Contains(r.FailedConditions, f => f.ActualValue is { } a && a.Contains(sum, StringComparison.Ordinal));
        Assert.NotNull(r.WhatIf);
        Assert.Equal(FactValue.Of((decimal)atLeast), Assert.Single(r.WhatIf!.Changes, c => c.Key == "hired_count").Value);
        Assert.Contains($"{atLeast}人", r.WhatIf.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(24, 6)]
    [InlineData(100, 25)]
    [InlineData(200, 30)]
    [InlineData(101, 16)]
    public void 临夏小微企业创业担保贷款_the_least_is_enough(int employees, int hired)
    {
        var r = Evaluate("lx-daikuan-xiaowei", ("enterprise_size", "small_micro"), ("employee_count", $"{employees}"),
            ("hired_count", $"{hired}"), ("contract_years", "1"));

        Assert.Equal(EligibilityStatus.Eligible, r.Status);
    }

    /// <summary>
    /// FactSet.TryGetDerivation: only a rate this set computes from two exact counts. A rate said by the user, a count
    /// missing, a count only bounded (社保都交了 style "at least") or a whole of 0 is no derivation.
    /// </summary>
    [Theory]
    [InlineData("6", "8", null, true)]
    [InlineData("0", "10", null, true)]
    [InlineData("6", "8", "75", false)]
    [InlineData(null, "8", null, false)]
    [InlineData("6", null, null, false)]
    [InlineData(">=1", "8", null, false)]
    [InlineData("6", ">=8", null, false)]
    [InlineData("0", "0", null, false)]
    public void TryGetDerivation_only_for_a_rate_computed_from_two_exact_counts(string? retained, string? trainees, string? rate, bool derived)
    {
        var catalog = Load(Measure("m", "    amount: {kind: none}"));
        var facts = catalog.NewFacts();
        facts = retained is null ? facts : facts.With("retained", Count(retained));
        facts = trainees is null ? facts : facts.With("trainees", Count(trainees));
        facts = rate is null ? facts : facts.With("retention_rate", Count(rate));

        Assert.Equal(derived, facts.TryGetDerivation("retention_rate", out var d, out var part, out var whole));
        if (derived)
        {
            Assert.Equal(("retained", "trainees", 100m), (d.Numerator, d.Denominator, d.Scale));
            Assert.Equal(decimal.Parse(retained!), part);
            Assert.Equal(decimal.Parse(trainees!), whole);
        }
    }

    [Fact]
    public void TryGetDerivation_is_false_for_a_fact_that_is_not_derived()
    {
        var facts = Load(Measure("m", "    amount: {kind: none}")).NewFacts().With("retained", 3m);
        Assert.False(facts.TryGetDerivation("retained", out _, out _, out _));
    }

    private static FactValue Count(string text) =>
        text.StartsWith(">=", StringComparison.Ordinal) ? FactValue.OfAtLeast(decimal.Parse(text[2..])) : FactValue.Of(decimal.Parse(text));

    /// <summary>
    /// ConditionText.Derivation (internal, reached by reflection): exact results with =, rounded ones with ≈ to one
    /// decimal, the unit after, and the part and the whole with their own units.
    /// </summary>
    [Theory]
    [InlineData(7, 30, "%", "7人÷30人≈23.3%")]
    [InlineData(6, 8, "%", "6人÷8人=75%")]
    [InlineData(5, 20, "%", "5人÷20人=25%")]
    [InlineData(1, 3, "%", "1人÷3人≈33.3%")]
    [InlineData(2, 3, "%", "2人÷3人≈66.7%")]
    [InlineData(0, 12, "%", "0人÷12人=0%")]
    [InlineData(4, 60, "%", "4人÷60人≈6.7%")]
    [InlineData(3, 40, "%", "3人÷40人=7.5%")]
    public void Derivation_writes_the_sum_with_equals_or_about(int part, int whole, string unit, string expected)
    {
        var method = typeof(PolicyEngine).Assembly.GetType("BotAssistant.Policies.Engine.ConditionText")!
            .GetMethod("Derivation", BindingFlags.Public | BindingFlags.Static)!;
        var value = part * 100m / whole;

        Assert.Equal(expected, method.Invoke(null, [(decimal)part, (decimal)whole, value, 100m, unit, "人", "人"]));
    }

    /// <summary>The engine's own failed condition on a derived rate carries the same sum (留用率 6 of 8 below 80%).</summary>
    [Theory]
    [InlineData(6, 8, "您的留用率：6人÷8人=75%", 7)]
    [InlineData(2, 3, "您的留用率：2人÷3人≈66.7%", 3)]
    [InlineData(7, 10, "您的留用率：7人÷10人=70%", 8)]
    [InlineData(1, 6, "您的留用率：1人÷6人≈16.7%", 5)]
    public void A_failed_rate_condition_shows_the_sum_and_the_least_part_that_passes(int retained, int trainees, string actual, int least)
    {
        var catalog = Load(Measure("m", """
                conditions: [{fact: retention_rate, min: 80}]
                amount: {kind: none}
            """));
        var r = PolicyEngine.Evaluate(catalog.Measures[0], catalog.NewFacts().With("retained", retained).With("trainees", trainees), Day);

        Assert.Equal(EligibilityStatus.NotEligible, r.Status);
        Assert.Equal(actual, Assert.Single(r.FailedConditions).ActualValue);
        Assert.Equal(FactValue.Of((decimal)least), Assert.Single(r.WhatIf!.Changes).Value);
        Assert.Equal("retained", Assert.Single(r.WhatIf.Changes).Key);
    }

    /// <summary>
    /// 稷政办发〔2023〕24号（四）：毕业年度和离校5年内高校毕业生、返乡入乡创业人员、就业困难人员（或事业单位科研人员）首次
    /// 创业. Someone 6 years out is open while the other ways in are unknown, and the answer names the graduate ways as closed.
    /// </summary>
    [Fact]
    public void 稷山一次性创业补贴_six_years_out_is_open_with_the_graduate_ways_closed()
    {
        var r = Evaluate("js-chuangye-butie", ("first_business", "true"), ("graduate_status", "over_2_years"),
            ("years_since_graduation", "6"), ("business_months", "18"), ("jobs_created", "3"));

        Assert.Equal(EligibilityStatus.Undetermined, r.Status);
        Assert.Empty(r.FailedConditions);
        Assert.Equal(["is_hardship", "is_migrant_worker", "is_researcher"], r.MissingFacts.Order(StringComparer.Ordinal).ToList());
        Assert.Contains(r.RuledOut, f => f.Wording == "离校5年内高校毕业生" && f.ActualValue == "您的离校年限：6年");
        Assert.Contains(r.RuledOut, f => f.Wording == "毕业年度或离校2年内高校毕业生");
        Assert.DoesNotContain(r.RuledOut, f => f.Wording is "返乡入乡创业人员" or "就业困难人员");
    }

    [Theory]
    [InlineData("3", EligibilityStatus.Eligible)]
    [InlineData("5", EligibilityStatus.Eligible)]
    public void 稷山一次性创业补贴_within_five_years_nothing_is_ruled_out(string years, EligibilityStatus status)
    {
        var r = Evaluate("js-chuangye-butie", ("first_business", "true"), ("graduate_status", "over_2_years"),
            ("years_since_graduation", years), ("business_months", "18"), ("jobs_created", "3"));

        Assert.Equal(status, r.Status);
        Assert.Empty(r.RuledOut);
        Assert.Equal(3000m, r.Amount.Value);
    }

    [Fact]
    public void 稷山一次性创业补贴_every_way_closed_is_not_eligible_and_nothing_is_listed_as_ruled_out()
    {
        var r = Evaluate("js-chuangye-butie", ("first_business", "true"), ("graduate_status", "over_2_years"),
            ("years_since_graduation", "6"), ("is_migrant_worker", "false"), ("is_hardship", "false"), ("is_researcher", "false"),
            ("business_months", "18"), ("jobs_created", "3"));

        Assert.Equal(EligibilityStatus.NotEligible, r.Status);
        Assert.Empty(r.RuledOut);
    }

    /// <summary>Ruled out is what an any-of already lost while it stays open; an all-of or a decided any-of rules nothing out.</summary>
    [Theory]
    [InlineData(false, null, EligibilityStatus.Undetermined, "是退役军人")]
    [InlineData(null, false, EligibilityStatus.Undetermined, "是农民工")]
    [InlineData(null, null, EligibilityStatus.Undetermined, null)]
    [InlineData(true, false, EligibilityStatus.Eligible, null)]
    [InlineData(false, false, EligibilityStatus.NotEligible, null)]
    public void Any_of_names_the_alternatives_already_false_while_it_is_open(bool? veteran, bool? migrant, EligibilityStatus status, string? ruledOut)
    {
        var facts = FactSet.Empty;
        facts = veteran is { } v ? facts.With("is_veteran", v) : facts;
        facts = migrant is { } mw ? facts.With("is_migrant_worker", mw) : facts;
        var r = PolicyEngine.Evaluate(One("""
                conditions:
                  - any:
                      - {fact: is_veteran, equals: true, text: 是退役军人}
                      - {fact: is_migrant_worker, equals: true, text: 是农民工}
                amount: {kind: none}
            """), facts, Day);

        Assert.Equal(status, r.Status);
        Assert.Equal(ruledOut is null ? [] : [ruledOut], r.RuledOut.Select(f => f.Wording).ToList());
    }

    [Fact]
    public void All_of_with_one_unknown_rules_nothing_out()
    {
        var r = PolicyEngine.Evaluate(One("""
                conditions:
                  - {fact: is_veteran, equals: true}
                  - {fact: contract_years, min: 1}
                amount: {kind: none}
            """), FactSet.Empty.With("is_veteran", true), Day);

        Assert.Equal(EligibilityStatus.Undetermined, r.Status);
        Assert.Empty(r.RuledOut);
    }

    /// <summary>
    /// 临州府发〔2019〕3号五（二）200人企业新招29人: both ways in fail on the same share; the user's share is said once.
    /// </summary>
    [Fact]
    public void Each_of_the_users_values_is_said_once_in_a_failed_any_of()
    {
        var r = Evaluate("lx-daikuan-xiaowei", ("enterprise_size", "small_micro"), ("employee_count", "200"),
            ("hired_count", "29"), ("contract_years", "1"));

        var said = Assert.Single(r.FailedConditions).ActualValue!.Split('；');
        Assert.Equal(said.Distinct().Count(), said.Length);
    }

    /// <summary>facts.yaml decrease_of: 上年度裁减人数 is the fall of 参保职工人数; it must name a number fact, on a number fact.</summary>
    [Fact]
    public void The_real_catalog_declares_laid_off_count_the_decrease_of_employee_count()
    {
        Assert.Equal("employee_count", Real.Facts["laid_off_count"].DecreaseOf);
        Assert.Single(Real.Facts.Values, f => f.DecreaseOf is not null);
    }

    [Theory]
    [InlineData("retained", "trainees", false)]
    [InlineData("retained", "is_veteran", true)]
    [InlineData("is_veteran", "trainees", true)]
    [InlineData("retained", "nobody", true)]
    public void Decrease_of_must_name_a_number_fact_on_a_number_fact(string fact, string of, bool error)
    {
        var facts = Facts.Replace(
            fact == "retained" ? "  retained: {label: 留用人数, type: number, unit: 人}" : "  is_veteran: {label: 是否退役军人, type: bool}",
            fact == "retained" ? $"  retained: {{label: 留用人数, type: number, unit: 人, decrease_of: {of}}}" : $"  is_veteran: {{label: 是否退役军人, type: bool, decrease_of: {of}}}",
            StringComparison.Ordinal);
        Assert.NotEqual(Facts, facts);

        var errors = Errors(Measure("m", "    amount: {kind: none}"), facts);

        Assert.Equal(error, errors.Any(e => e.Message.Contains($"decrease_of '{of}'", StringComparison.Ordinal)));
    }

    /// <summary>
    /// at_most may keep a margin below the other fact: 离校年限 ≤ 年龄 − 15, so 22岁 with 毕业8年 is flagged and 22岁 with
    /// 毕业3年 is not; a margin that is not a number is an error on load.
    /// </summary>
    [Theory]
    [InlineData(22, 8, true)]
    [InlineData(22, 7, false)]
    [InlineData(22, 3, false)]
    public void 离校年限不会超过年龄减15(int age, int years, bool flagged)
    {
        var facts = Real.ParseFacts([KeyValuePair.Create("age", $"{age}"), KeyValuePair.Create("years_since_graduation", $"{years}")]);

        var problems = FactChecks.Find(Real, facts.Given);

        Assert.Equal(flagged, problems.Any(p => p.Fact == "years_since_graduation" && p.Other == "age" && p.Less == 15));
    }

    [Theory]
    [InlineData("trainees - 2", false)]
    [InlineData("trainees - x", true)]
    public void At_most_a_fact_less_a_margin_must_be_a_number(string atMost, bool error)
    {
        var facts = Facts.Replace(
            "  retained: {label: 留用人数, type: number, unit: 人}",
            $"  retained: {{label: 留用人数, type: number, unit: 人, at_most: {atMost}}}",
            StringComparison.Ordinal);
        Assert.NotEqual(Facts, facts);

        var errors = Errors(Measure("m", "    amount: {kind: none}"), facts);

        Assert.Equal(error, errors.Any(e => e.Message.Contains("at_most", StringComparison.Ordinal)));
    }

    /// <summary>follows rules must give a value the fact can hold ("true"/"false" for a yes/no fact).</summary>
    [Theory]
    [InlineData("true", false)]
    [InlineData("maybe", true)]
    public void Follows_must_give_a_value_the_fact_can_hold(string value, bool error)
    {
        var facts = Facts.Replace(
            "  is_veteran: {label: 是否退役军人, type: bool}",
            $"  is_veteran: {{label: 是否退役军人, type: bool, follows: {{\"retained>=1\": \"{value}\"}}}}",
            StringComparison.Ordinal);
        Assert.NotEqual(Facts, facts);

        var errors = Errors(Measure("m", "    amount: {kind: none}"), facts);

        Assert.Equal(error, errors.Any(e => e.Message.Contains("follows", StringComparison.Ordinal)));
    }
}
