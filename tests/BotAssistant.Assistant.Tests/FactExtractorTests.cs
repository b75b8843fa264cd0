using BotAssistant.Assistant.Facts;
using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Tests;

/// <summary>What one message says about the user, read the way the policy needs it.</summary>
public sealed class FactExtractorTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 1);

    private static ExtractedFacts Read(string text, string? role = null, string? pending = null, params string[] choices)
    {
        var snapshot = AssistantHarness.Knowledge.Current;
        var u = snapshot.Language.Understand(text, new UnderstandingContext(AsOf));
        return new FactExtractor(snapshot.Catalog, AssistantHarness.Texts).Extract(u, role, pending, choices, AsOf);
    }

    private static string? Value(ExtractedFacts facts, string name) => facts.Values.GetValueOrDefault(name)?.ToString();

    [Fact]
    public void One_message_gives_place_graduate_status_and_employment_at_once()
    {
        var facts = Read("我是巫山的，去年毕业还没找到工作");

        Assert.Equal("巫山", Value(facts, "place"));
        Assert.Equal("individual", Value(facts, "role"));
        Assert.Equal("within_2_years", Value(facts, "graduate_status"));
        Assert.Equal("unemployed", Value(facts, "employment_status"));
    }

    [Fact]
    public void An_employers_hires_fill_the_hired_group_count_contract_and_social_insurance()
    {
        var facts = Read("巫山县 公司招了3个应届生 签了一年合同 社保连续交了7个月了");

        Assert.Equal("employer", Value(facts, "role"));
        Assert.Equal("graduate", Value(facts, "hired_group"));
        Assert.Equal("3", Value(facts, "hired_count"));
        Assert.Equal("1", Value(facts, "contract_years"));
        Assert.Equal("7", Value(facts, "social_insurance_months"));
    }

    [Fact]
    public void Naming_the_insurance_schemes_does_not_make_the_hires_unemployed_people()
    {
        var facts = Read("失业、工伤、养老保险都给交了，已经交了两个月", role: "employer", pending: "social_insurance_months");

        Assert.False(facts.Values.ContainsKey("hired_group"));
        Assert.Equal("2", Value(facts, "social_insurance_months"));
    }

    [Fact]
    public void Not_knowing_is_a_skip_not_a_no()
    {
        var facts = Read("不知道", role: "individual", pending: "is_low_income");

        Assert.True(facts.SkippedPending);
        Assert.False(facts.Values.ContainsKey("is_low_income"));
    }

    [Fact]
    public void The_button_label_of_the_open_question_wins_over_a_word_inside_it()
    {
        var facts = Read("没工作，没办失业登记", role: "individual", pending: "employment_status",
            "unemployed_registered", "unemployed", "employed", "self_employed");

        Assert.Equal("unemployed", Value(facts, "employment_status"));
    }

    [Fact]
    public void Not_paid_yet_answers_the_months_question_with_zero()
    {
        Assert.Equal("0", Value(Read("还没交", role: "employer", pending: "social_insurance_months"), "social_insurance_months"));
    }

    [Fact]
    public void Paid_without_a_figure_is_only_a_lower_bound_and_leaves_the_question_open()
    {
        var facts = Read("依法缴纳了社会保险", role: "employer", pending: "social_insurance_months");

        Assert.Equal(">=1", Value(facts, "social_insurance_months"));
    }

    [Fact]
    public void A_list_of_levels_is_a_question_not_the_users_certificate()
    {
        Assert.False(Read("泾源 技能提升补贴 初级 中级 高级 分别多少").Values.ContainsKey("certificate_level"));
        Assert.Equal("intermediate", Value(Read("我拿了中级证书"), "certificate_level"));
    }

    [Fact]
    public void A_graduate_who_started_a_company_speaks_as_an_individual()
    {
        var facts = Read("我是应届高校毕业生 毕业后自己开了公司 带动2人就业");

        Assert.Equal("individual", Value(facts, "role"));
        Assert.Equal("2", Value(facts, "jobs_created"));
        Assert.Equal("graduation_year", Value(facts, "graduate_status"));
    }

    [Fact]
    public void Said_in_passing_first_business_and_not_a_hardship_case()
    {
        var facts = Read("第一次创业，不是困难人员", role: "individual");

        Assert.Equal("true", Value(facts, "first_business"));
        Assert.Equal("false", Value(facts, "is_hardship"));
    }

    [Fact]
    public void Every_extracted_value_fits_its_fact_definition()
    {
        var catalog = AssistantHarness.Knowledge.Current.Catalog;
        foreach (var text in new[] { "平凉 小微企业 30人以下 招了5个退役军人 合同三年 社保半年", "我23岁 残疾人 低保户 中职毕业 在临夏", "裁员率百分之三 去年交失业保险费8万" })
        {
            foreach (var (name, value) in Read(text).Values)
            {
                var def = catalog.Facts[name];
                Assert.Equal(def.Type, value.Type);
                Assert.True(value is not EnumValue e || def.HasValue(e.Key), $"{name}={value} after \"{text}\"");
            }
        }
    }
}
