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

    [Fact]
    public void Ties_break_on_cost_then_name()
    {
        var c = Load(Measure("a", """
                conditions:
                  - {fact: hired_count, min: 1}
                  - {fact: social_insurance_months, min: 1}
                  - {fact: contract_years, min: 1}
                amount: {kind: none}
            """));
        // hired_count costs 2; the other two cost 1 and contract_years sorts first.
        Assert.Equal("contract_years", QuestionPlanner.NextFact(c.Measures, FactSet.Empty, c, None));
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
