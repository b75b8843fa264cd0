using BotAssistant.Assistant.Facts;
using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Tests;

/// <summary>The kinds of reading, one table each: what a message says, whatever question is open.</summary>
public sealed class ReadingTables
{
    private static readonly DateOnly AsOf = new(2026, 12, 1);

    private static IReadOnlyDictionary<string, FactValue> Read(string text, string? role = null, string? pending = null)
    {
        var snapshot = AssistantHarness.Knowledge.Current;
        var expected = pending is null ? null : ExpectedFor(snapshot.Catalog, pending);
        var u = snapshot.Language.Understand(text, new UnderstandingContext(AsOf, expected));
        return new FactExtractor(snapshot.Catalog, AssistantHarness.Texts).Extract(u, role, pending, [], AsOf).Values;
    }

    /// <summary>The open question as the assistant states it to the language layer: its type and its words.</summary>
    private static ExpectedAnswer ExpectedFor(Catalog catalog, string fact) => catalog.Facts[fact].Type switch
    {
        FactType.Bool => ExpectedAnswer.YesNo(fact) with
        {
            Question = AssistantHarness.Texts.Questions[fact] is var q ? string.Concat(q.Ask, q.Retry, string.Concat(q.AskByRole.Values), catalog.Facts[fact].Label) : "",
        },
        FactType.Number => ExpectedAnswer.Number(fact),
        _ => new ExpectedAnswer(fact, ExpectedKind.Choice, []),
    };

    private static string? Value(string text, string fact, string? role = null, string? pending = null) =>
        Read(text, role, pending).GetValueOrDefault(fact)?.ToString();

    [Theory]
    [InlineData("我在积山，去年毕业的", "稷山")]
    [InlineData("巫三县的 想问下见习补贴", "巫山")]
    [InlineData("崆峒区的企业", "平凉")]
    [InlineData("在兰州上的大学，现在回平凉了", "平凉")]
    [InlineData("以前在北京打过工，现在在泾源", "泾源")]
    [InlineData("在兰州上的大学", null)]
    [InlineData("运城盐湖区的企业", null)]
    [InlineData("我们公司在固原市原州区", null)]
    [InlineData("运城市稷山县的企业", "稷山")]
    [InlineData("运城的企业", null)]
    public void 地点_where_the_user_is(string text, string? place) => Assert.Equal(place, Value(text, "place"));

    [Theory]
    [InlineData("是的都交了", "social_insurance_months", ">=1")]
    [InlineData("交了8个月", "social_insurance_months", "8")]
    [InlineData("还没交", "social_insurance_months", "0")]
    [InlineData("一直在交", "social_insurance_months", ">=1")]
    [InlineData("签了三年", "contract_years", "3")]
    [InlineData("失业保险从今年三月开始交，一共交了8个月", "receiving_unemployment_benefit", null)]
    [InlineData("不知道", "hired_count", null)]
    public void 类型化回答_the_open_questions_type_decides(string text, string pending, string? expected) =>
        Assert.Equal(expected, Value(text, pending, "employer", pending));

    [Theory]
    [InlineData("一个都没留用", "trainees_retained", "0")]
    [InlineData("社保还没交", "social_insurance_months", "0")]
    [InlineData("上年度一直没裁员", "laid_off_count", "0")]
    [InlineData("没签合同", "contract_years", "0")]
    [InlineData("留用了3个", "trainees_retained", "3")]
    public void 否定与零_a_negated_count_is_none(string text, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    [Theory]
    [InlineData("公司25个人参保 上年度裁了6个", "layoff_rate", 24)]
    [InlineData("接收了10个见习生 留用了6个", "retention_rate", 60)]
    [InlineData("见习生8个 留下来4个", "retention_rate", 50)]
    public void 派生事实_a_rate_from_its_counts(string text, string rate, double percent)
    {
        var catalog = AssistantHarness.Knowledge.Current.Catalog;
        var facts = Read(text, "employer").Aggregate(catalog.NewFacts(), (set, kv) => set.With(kv.Key, kv.Value));

        Assert.True(facts.TryGet(rate, out var value), $"{rate} not derived from {string.Join(", ", facts.Given.Keys)}");
        Assert.Equal((decimal)percent, Math.Round(((NumberValue)value).Value, 2));
    }

    [Theory]
    [InlineData("平凉的小加工厂 就我一个人管招工 招了几个登记失业的人", "hired_count", null)]
    [InlineData("我们两个人开的店 招了3个人", "hired_count", "3")]
    [InlineData("雇了两个脱贫户 一个签了三年合同 另一个没签", "hired_count", "2")]
    [InlineData("招了3个大学生 其中2个签了一年合同", "hired_part_count", "2")]
    [InlineData("先后拿了初级 中级 高级三个证", "hired_count", null)]
    public void 谁被计数_a_count_is_of_the_noun_it_stands_with(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    [Theory]
    [InlineData("平凉崆峒区 企业职工 失业保险参保五年了", "individual")]
    [InlineData("以前送外卖 2021年回来进厂上班 厂里一直给交失业保险", "individual")]
    [InlineData("我在稷山开了个饭馆 雇了两个脱贫户", "employer")]
    [InlineData("我们公司员工有20人", "employer")]
    public void 说话人_who_speaks(string text, string role) => Assert.Equal(role, Value(text, "role"));

    [Theory]
    [InlineData("泾源 我们新招了3个失业人员 签一年合同 社保也交了", "social_insurance_months", ">=1")]
    [InlineData("社保没交", "social_insurance_months", "0")]
    [InlineData("社保交了三个月", "social_insurance_months", "3")]
    public void 下限_some_said_unasked_is_a_lower_bound(string text, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    [Theory]
    [InlineData("参保五年了", "unemployment_insurance_years", "5")]
    [InlineData("一直在交失业保险", "unemployment_insurance_years", ">=0.08")]
    public void 类型化回答_a_figure_with_the_questions_subject_answers_it(string text, string pending, string expected) =>
        Assert.Equal(expected, Value(text, pending, "individual", pending));

    [Theory]
    [InlineData("招了3个应届大学毕业生 2个登记失业的19岁小年轻 还有1个离校一年多没工作的大学生", "graduate*4+youth_unemployed*2")]
    [InlineData("招用毕业年度高校毕业生2名、离校2年内未就业高校毕业生1名、登记失业半年以上人员2名", "graduate*3+long_unemployed*2")]
    [InlineData("招了3个大学生和2个退役军人", "graduate*3+veteran*2")]
    [InlineData("招了3个大学生还是2个退役军人", null)]
    public void 多个数量_several_kinds_of_hire_at_once(string text, string? expected) =>
        Assert.Equal(expected, Read(text, "employer").GetValueOrDefault("hired_group") is SplitValue s ? s.ToString() : null);

    [Theory]
    [InlineData("我是2027年毕业的大学生 已经离校一年多了", "years_since_graduation", "-0.1")]
    [InlineData("我2027年毕业", "graduate_status", "student")]
    public void 不一致_a_graduation_still_to_come(string text, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, "individual"));
}
