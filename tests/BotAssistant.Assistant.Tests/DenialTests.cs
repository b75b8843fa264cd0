using BotAssistant.Assistant.Facts;
using BotAssistant.Language;

namespace BotAssistant.Assistant.Tests;

/// <summary>A yes/no fact denied in passing, whatever question is open: the negation must stand before the thing it denies.</summary>
public sealed class DenialTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 1);

    [Theory]
    [InlineData("我以前没贷过款", "has_guarantee_loan", "employment_status", "false")]
    [InlineData("从来没有申请过贷款", "has_guarantee_loan", null, "false")]
    [InlineData("创业担保贷款还没还清", "has_guarantee_loan", null, null)]
    [InlineData("我不是残疾人", "is_disabled", "employment_status", "false")]
    [InlineData("没当过兵", "is_veteran", null, "false")]
    [InlineData("家里不是低保户，也不是脱贫户", "is_low_income", null, "false")]
    [InlineData("家里不是低保户，也不是脱贫户", "is_poverty_relief", null, "false")]
    [InlineData("不知道算不算低保", "is_low_income", null, null)]
    [InlineData("是不是残疾人有影响吗", "is_disabled", null, null)]
    [InlineData("失业保险从今年三月开始交，一共交了8个月", "receiving_unemployment_benefit", "receiving_unemployment_benefit", null)]
    [InlineData("没领失业金", "receiving_unemployment_benefit", null, "false")]
    [InlineData("去年毕业 还没工作的高校毕业生", "graduate_status", null, "within_2_years")]
    public void A_negated_mention_answers_no_and_nothing_else_does(string text, string fact, string? pending, string? expected)
    {
        var snapshot = AssistantHarness.Knowledge.Current;
        var u = snapshot.Language.Understand(text, new UnderstandingContext(AsOf));
        var facts = new FactExtractor(snapshot.Catalog, AssistantHarness.Texts).Extract(u, "individual", pending, [], AsOf);

        Assert.Equal(expected, facts.Values.GetValueOrDefault(fact)?.ToString());
    }
}
