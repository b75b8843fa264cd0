using static BotAssistant.Policies.Tests.TestCatalog;

namespace BotAssistant.Policies.Tests;

public class LoaderTests
{
    private const string Ok = """
            conditions: [{fact: contract_years, min: 1}]
            amount: {kind: fixed, value: 1500, unit: 元, per: 人}
        """;

    private static CatalogError Single(IReadOnlyList<CatalogError> errors, string containing)
    {
        var match = errors.Where(e => e.Message.Contains(containing, StringComparison.Ordinal)).ToList();
        Assert.True(match.Count == 1, $"expected one error containing '{containing}', got:\n{string.Join("\n", errors)}");
        return match[0];
    }

    // Header is 10 lines, then measure lines start at 11: "- id" 11, name 12, topic 13, clause 14, quote 15, audience 16, body 17+.
    [Fact]
    public void Valid_file_has_no_errors() => Assert.Empty(Errors(Measure("m", Ok)));

    [Fact]
    public void Unknown_fact_names_file_and_line()
    {
        var e = Single(Errors(Measure("m", "    conditions: [{fact: contract_yeers, min: 1}]\n    amount: {kind: none}")), "contract_yeers");
        Assert.EndsWith("test.yaml", e.File);
        Assert.Equal(17, e.Line);
    }

    [Fact]
    public void Wrong_operator_for_type() =>
        Single(Errors(Measure("m", "    conditions: [{fact: is_veteran, min: 1}]\n    amount: {kind: none}")), "'min' cannot be used on bool");

    [Fact]
    public void Enum_value_not_in_facts() =>
        Single(Errors(Measure("m", "    conditions: [{fact: hired_group, in: [graduate, martian]}]\n    amount: {kind: none}")), "'martian'");

    [Fact]
    public void Money_without_unit()
    {
        var e = Single(Errors(Measure("m", "    amount:\n      kind: fixed\n      value: 1500")), "needs 'unit'");
        Assert.Equal(18, e.Line);
    }

    [Fact]
    public void Dangling_exclusion() =>
        Single(Errors(Measure("m", Ok + "\n    limits: {exclusive_with: [nobody]}")), "'nobody' is not a measure id");

    [Fact]
    public void Missing_quote()
    {
        var text = Measure("m", Ok).Replace("    quote: 测试条款\n", "");
        Single(Errors(text), "missing 'quote'");
    }

    [Fact]
    public void Missing_clause_names_the_measure_line()
    {
        var text = Measure("m", Ok).Replace("    clause: （一）\n", "");
        var e = Single(Errors(text), "missing 'clause'");
        Assert.Equal(11, e.Line);
    }

    [Fact]
    public void Quote_not_in_seed_but_whitespace_and_width_are_ignored()
    {
        var seeds = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(seeds, "seed.txt"), "（一）对企业招用\n人员，按每人 1500元（含）给予补助。");
        try
        {
            var good = Measure("m", Ok).Replace("quote: 测试条款", "quote: 对企业招用人员,按每人1500元(含)给予");
            Assert.Empty(Errors(good, seeds: seeds));
            var e = Single(Errors(Measure("m", Ok), seeds: seeds), "quote not found");
            Assert.Equal(15, e.Line);
        }
        finally
        {
            Directory.Delete(seeds, recursive: true);
        }
    }

    [Fact]
    public void Period_out_of_order() =>
        Single(Errors(Measure("m", Ok + "\n    period: {from: 2024-01-01, until: 2023-12-31}")), "is after until");

    [Fact]
    public void Duplicate_key_is_reported_with_its_line()
    {
        var e = Single(Errors(Measure("m", Ok).Replace("    audience: employer", "    audience: employer\n    audience: individual")), "duplicate key 'audience'");
        Assert.Equal(17, e.Line);
    }

    [Fact]
    public void Duplicate_measure_id() =>
        Single(Errors(Measure("m", Ok) + "\n" + Measure("m", Ok)), "duplicate measure id 'm'");

    [Fact]
    public void Unknown_key_anywhere()
    {
        var errors = Errors(Measure("m", Ok + "\n    period: {untill: 2023-12-31}\n    colour: red"));
        Single(errors, "unknown key 'untill'");
        Single(errors, "unknown key 'colour'");
    }

    [Fact]
    public void Syntax_error_names_the_line()
    {
        var e = Single(Errors(Measure("m", "    amount: {kind: none\n    summary: x")), "YAML syntax error");
        Assert.True(e.Line >= 17, e.ToString());
    }

    [Fact]
    public void Unknown_topic_material_source_and_audience()
    {
        var body = Ok + "\n    materials:\n      - {id: passport, source: stated}\n      - {id: labor_contract, source: rumour}";
        var errors = Errors(Measure("m", body, topic: "nothing").Replace("audience: employer", "audience: aliens"));
        Single(errors, "unknown topic 'nothing'");
        Single(errors, "unknown id 'passport'");
        Single(errors, "'rumour'");
        Single(errors, "audience must be");
    }

    [Fact]
    public void All_errors_are_collected()
    {
        var body = "    conditions: [{fact: nope, min: 1}, {fact: is_veteran, min: 1}]\n    amount: {kind: fixed, value: 1}";
        Assert.True(Errors(Measure("m", body)).Count >= 3);
    }

    [Fact]
    public void Derived_fact_must_name_number_facts()
    {
        var facts = Facts + "\n  bad:\n    label: 坏\n    type: number\n    unit: \"%\"\n    derived: {ratio: [is_veteran, missing], scale: 100}";
        var errors = Errors(Measure("m", Ok), facts);
        Assert.Equal(2, errors.Count(e => e.Message.Contains("derived input")));
    }

    [Fact]
    public void A_monthly_share_needs_the_monthly_base_it_multiplies()
    {
        var errors = Errors(Measure("a", """
                amount: {kind: share, fraction: "100%", of: 实际缴费, months_fact: social_insurance_months, months_cap: 12}
            """));
        Assert.Contains(errors, e => e.Message.Contains("months_fact and months_cap need a base_fact"));
    }

    [Fact]
    public void Person_months_stand_for_a_count_and_months_so_both_are_given()
    {
        var errors = Errors(Measure("a", """
                amount: {kind: monthly, value: 1000, unit: 元, per: 人·月, months_fact: social_insurance_months, person_months_fact: social_insurance_months}
            """));
        Assert.Contains(errors, e => e.Message.Contains("person_months_fact replaces months_fact × count_fact"));
    }

    [Fact]
    public void A_period_share_needs_a_base_and_no_months()
    {
        var errors = Errors(Measure("a", """
                amount: {kind: share, fraction: "2/3", of: 单位缴费部分, per: 人·月}
            """));
        Assert.Contains(errors, e => e.Message.Contains("per names the period of a base_fact"));
    }
}
