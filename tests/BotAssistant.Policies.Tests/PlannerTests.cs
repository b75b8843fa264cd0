using static BotAssistant.Policies.Tests.TestCatalog;

namespace BotAssistant.Policies.Tests;

public class PlannerTests
{
    private static readonly HashSet<string> None = [];

    private static Catalog Two() => Load(
        Measure("a", """
                conditions:
                  - {fact: hired_group, in: [graduate]}
                  - {fact: contract_years, min: 1}
                amount: {kind: fixed, value: 1500, unit: 元, per: 人, count_fact: hired_count}
            """) + "\n" +
        Measure("b", """
                conditions:
                  - {fact: hired_group, in: [graduate, youth_unemployed]}
                  - {fact: is_veteran, equals: false}
                amount: {kind: none}
            """));

    [Fact]
    public void Asks_the_fact_shared_by_most_candidates()
    {
        var c = Two();
        Assert.Equal("hired_group", QuestionPlanner.NextFact(c.Measures, FactSet.Empty, c, None));
    }

    [Fact]
    public void Never_asks_known_or_skipped_facts()
    {
        var c = Two();
        var facts = FactSet.Empty.With("hired_group", "graduate");
        var next = QuestionPlanner.NextFact(c.Measures, facts, c, new HashSet<string> { "contract_years" });
        Assert.Equal("is_veteran", next);
    }

    [Fact]
    public void Asks_amount_facts_once_eligible_and_null_when_settled()
    {
        var c = Two();
        var facts = FactSet.Empty.With("hired_group", "graduate").With("contract_years", 2m).With("is_veteran", false);
        Assert.Equal("hired_count", QuestionPlanner.NextFact(c.Measures, facts, c, None));
        Assert.Null(QuestionPlanner.NextFact(c.Measures, facts.With("hired_count", 2m), c, None));
    }

    private const string FoundingFacts = TestCatalog.Facts + "\n" + """
          is_entrepreneur: {label: 是否创业, type: bool, asked_for_itself: false}
          business_months: {label: 正常经营时间, type: number, unit: 月, asked_after: is_entrepreneur, follows: {is_entrepreneur=false: "0"}}
          is_graduate: {label: 是否高校毕业生, type: bool}
        """;

    private static Catalog Founding() => Load(
        Measure("venue", """
                conditions:
                  - {fact: is_graduate, equals: true}
                  - {fact: is_entrepreneur, equals: true}
                amount: {kind: none}
            """) + "\n" +
        Measure("startup", """
                conditions:
                  - {fact: business_months, min: 12}
                amount: {kind: fixed, value: 5000, unit: 元}
            """), FoundingFacts);

    [Fact]
    public void A_business_s_months_wait_on_whether_the_user_starts_one()
    {
        var c = Founding();
        var graduate = FactSet.Empty.With("is_graduate", true);
        Assert.Equal("is_entrepreneur", QuestionPlanner.NextFact(c.Measures.Where(m => m.Id == "startup"), graduate, c, None));
        Assert.Equal("business_months", QuestionPlanner.NextFact(c.Measures, graduate.With("is_entrepreneur", true), c, None));
    }

    [Fact]
    public void A_yes_no_asked_only_on_the_way_is_never_asked_for_its_own_measure()
    {
        var c = Founding();
        var graduate = FactSet.Empty.With("is_graduate", true);
        Assert.Null(QuestionPlanner.NextFact(c.Measures.Where(m => m.Id == "venue"), graduate, c, None));
    }

    [Fact]
    public void Asked_after_must_name_a_yes_no_fact()
    {
        var facts = TestCatalog.Facts + "\n" + """
          business_months: {label: 正常经营时间, type: number, unit: 月, asked_after: contract_years}
        """;
        Assert.Contains(Errors(Measure("a", "    amount: {kind: none}"), facts), e => e.Message.Contains("asked_after"));
    }

    [Fact]
    public void Ties_break_on_cost_then_the_order_the_conditions_are_written()
    {
        var c = Load(Measure("a", """
                conditions:
                  - {fact: hired_count, min: 1}
                  - {fact: social_insurance_months, min: 1}
                  - {fact: contract_years, min: 1}
                amount: {kind: none}
            """));
        // hired_count costs 2; the other two cost 1 and the clause names 社保 before 合同.
        Assert.Equal("social_insurance_months", QuestionPlanner.NextFact(c.Measures, FactSet.Empty, c, None));
    }

    [Fact]
    public void Derived_fact_asks_for_its_inputs()
    {
        var c = Load(Measure("a", """
                conditions: [{fact: retention_rate, min: 50}]
                amount: {kind: none}
            """));
        var next = QuestionPlanner.NextFact(c.Measures, c.NewFacts(), c, None);
        Assert.Contains(next, new[] { "retained", "trainees" });
    }
}
