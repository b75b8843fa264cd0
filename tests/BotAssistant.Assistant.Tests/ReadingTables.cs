using BotAssistant.Assistant.Facts;
using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Tests;

/// <summary>The kinds of reading, one table each: what a message says, whatever question is open.</summary>
public sealed class ReadingTables
{
    private static readonly DateOnly AsOf = new(2026, 12, 1);

    private static IReadOnlyDictionary<string, FactValue> Read(string text, string? role = null, string? pending = null) =>
        Extract(text, role, pending).Values;

    /// <summary>The whole reading of one message with <paramref name="pending"/> the open question, as the assistant asks it.</summary>
    private static ExtractedFacts Extract(string text, string? role, string? pending)
    {
        var snapshot = AssistantHarness.Knowledge.Current;
        var expected = pending is null ? null : ExpectedFor(snapshot.Catalog, pending);
        var u = snapshot.Language.Understand(text, new UnderstandingContext(AsOf, expected));
        var extractor = new FactExtractor(snapshot.Catalog, AssistantHarness.Texts);
        var hires = new HireStories(snapshot.Catalog, extractor, t => snapshot.Language.Understand(t, new UnderstandingContext(AsOf)));
        return hires.Refine(extractor.Extract(u, role, pending, [], AsOf), u, role, AsOf);
    }

    /// <summary>One fact of one person the message tells apart (null when the person or the fact is not read).</summary>
    private static string? PersonFact(string text, string name, string fact) =>
        Read(text, "employer").GetValueOrDefault(HireStories.PeopleFact) is PeopleValue people
            ? people.People.FirstOrDefault(p => p.Name == name)?.Facts.GetValueOrDefault(fact)
            : null;

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
    [InlineData("我是泾源县的 拉面的手艺是在福建跟一个临夏的师傅学的", "泾源")]
    [InlineData("以前在北京打过工，现在在泾源", "泾源")]
    [InlineData("在兰州上的大学", null)]
    [InlineData("运城盐湖区的企业", null)]
    [InlineData("我们公司在固原市原州区", null)]
    [InlineData("运城市稷山县的企业", "稷山")]
    [InlineData("运城的企业", null)]
    [InlineData("我老家平凉的 现在在巫山一家公司当HR", "巫山")]
    [InlineData("我老家是稷山的 能领啥", "稷山")]
    [InlineData("巫山县 我们公司招了个32岁的 他户口在甘肃临夏 来巫山以后登记失业7个月了", "巫山")]
    public void 地点_where_the_user_is(string text, string? place) => Assert.Equal(place, Value(text, "place"));

    [Theory]
    [InlineData("是的都交了", "social_insurance_months", ">=1")]
    [InlineData("交了8个月", "social_insurance_months", "8")]
    [InlineData("还没交", "social_insurance_months", "0")]
    [InlineData("一直在交", "social_insurance_months", ">=1")]
    [InlineData("签了三年", "contract_years", "3")]
    [InlineData("失业保险从今年三月开始交，一共交了8个月", "receiving_unemployment_benefit", null)]
    [InlineData("培训那几个月她正在领取失业保险金", "receiving_unemployment_benefit", "true")]
    [InlineData("是在领取失业保险金期间参加的培训", "receiving_unemployment_benefit", "true")]
    [InlineData("没在领失业金", "receiving_unemployment_benefit", "false")]
    [InlineData("不知道", "hired_count", null)]
    [InlineData("3个都不知道社保交了几个月", "hired_count", "3")]
    [InlineData("失业工伤养老都交了两个月", "social_insurance_months", "2")]
    [InlineData("2023年", "hired_year", "2023")]
    [InlineData("都是离校不到两年的", "hired_year", null)]
    [InlineData("签的一年的 招了5个 都是离校不到两年的", "contract_years", "1")]
    public void 类型化回答_the_open_questions_type_decides(string text, string pending, string? expected) =>
        Assert.Equal(expected, Value(text, pending, "employer", pending));

    /// <summary>A negation of the time before now (以前没开过店) tells what came before, not that what there is now is none.</summary>
    [Theory]
    [InlineData("第一次创业 以前没开过店", "business_months", null)]
    [InlineData("之前在外面打工没交过社保", "social_insurance_months", null)]
    [InlineData("从来没交过社保", "social_insurance_months", "0")]
    [InlineData("店还没开张", "business_months", "0")]
    public void 否定与零_before_now_is_not_none_now(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "individual"));

    /// <summary>Whether a person starts a business is read from how they speak of it: a plan counts, a denial or only job hunting says no.</summary>
    [Theory]
    [InlineData("我在巫山 打算摆个摊做点小生意", "true")]
    [InlineData("毕业了想自己创业 开个奶茶店", "true")]
    [InlineData("我不想创业 就想找个稳定工作", "false")]
    [InlineData("没打算创业", "false")]
    [InlineData("我去年毕业还没找到工作", null)]
    public void 创业与否_a_plan_counts_a_denial_says_no(string text, string? expected) =>
        Assert.Equal(expected, Value(text, "is_entrepreneur", "individual"));

    /// <summary>A founder's business counted as a whole (连我在内一共五个人) is its head count, beside the jobs it made.</summary>
    [Theory]
    [InlineData("头回创业开了个超市 店里连我在内一共五个人 带动就业七个", "business_headcount", "5")]
    [InlineData("头回创业开了个超市 店里连我在内一共五个人 带动就业七个", "jobs_created", "7")]
    public void 店里人数_a_founders_whole_is_the_business_head_count(string text, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, "individual"));

    /// <summary>A sum the firm pays each month per person in a clause about 社保 is its monthly contribution, not a lump sum.</summary>
    [Theory]
    [InlineData("单位社保每人每月交700块 已经交满一年了", "employer_insurance_monthly", "700")]
    [InlineData("单位社保每人每月交700块 已经交满一年了", "social_insurance_months", "12")]
    [InlineData("单位这块给他们每个人交的社保 每个月是一千零五十块 两个人一样", "employer_insurance_monthly", "1050")]
    [InlineData("去年交了20万失业保险", "employer_insurance_monthly", null)]
    [InlineData("单位缴费部分每人每月810元 个人缴费部分每人每月324元", "employer_insurance_monthly", "810")]
    [InlineData("我们公司 个人缴费部分每人每月324元 单位缴费部分每人每月810元", "employer_insurance_monthly", "810")]
    public void 每月缴费_a_monthly_contribution_per_person(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    /// <summary>"Not even one" with the noun of what is counted between (一个新人都没招) is none hired; it answers no head count.</summary>
    [Theory]
    [InlineData("我们是个小微企业 今年一个新人都没招", null, "hired_count", "0")]
    [InlineData("今年一个都没招", "employee_count", "hired_count", "0")]
    [InlineData("今年一个都没招", "employee_count", "employee_count", null)]
    public void 一个都没_none_of_the_noun_between(string text, string? pending, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "employer", pending));

    /// <summary>A rate said beside the two counts it comes from is an estimate: the counts are kept and the rate computed.</summary>
    [Theory]
    [InlineData("我跟院长汇报说留用率能过一半 最后的准确数字是9个见习人员 期满留下来的是4个", "retention_rate", null)]
    [InlineData("我跟院长汇报说留用率能过一半 最后的准确数字是9个见习人员 期满留下来的是4个", "trainees_retained", "4")]
    [InlineData("见习期满留用率百分之六十", "retention_rate", "60")]
    public void 比率与人数_counts_outrank_a_rate_said_with_them(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    /// <summary>"都齐了" of what a clause names says there is some of each, not how much: lower bounds, never figures.</summary>
    [Theory]
    [InlineData("招了4个 合同社保都齐了", "social_insurance_months", ">=1")]
    [InlineData("招了4个 合同社保都齐了", "contract_years", ">=0.08")]
    [InlineData("招了4个 合同还没签", "contract_years", "0")]
    public void 都齐了_some_of_each_not_how_much(string text, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    /// <summary>
    /// The place after 户口 or 户籍, or right before it (甘肃户口, 奉节县的户籍), says whether a hire's registration is local
    /// to the user's place (巫山's 我市 is 重庆).
    /// </summary>
    [Theory]
    [InlineData("巫山 招了一个人 他的户口不在重庆 是湖北恩施的", "false")]
    [InlineData("巫山 招了一个人 户籍是重庆巫山的", "true")]
    [InlineData("巫山 招了一个人 在重庆读的大学", null)]
    [InlineData("巫山 招了应届大学生3个 还有1个甘肃户口、登记失业8个月的大姐", "false")]
    [InlineData("巫山 招了2个应届生 1个奉节户口登记失业7个月", "true")]
    [InlineData("巫山 招了2个应届生 1个四川户籍的失业人员", "false")]
    public void 户口_the_place_after_it_is_local_or_not(string text, string? expected) =>
        Assert.Equal(expected, Value(text, "hired_local_hukou", "employer"));

    /// <summary>A business founded and closed before ("注册过一个网店公司 后来注销了") makes this founding not the first.</summary>
    [Theory]
    [InlineData("前年自己注册过一个网店公司 后来注销了", "first_business", "false")]
    [InlineData("头一回创业 以前没开过店", null, "true")]
    public void 首次创业_an_earlier_founding_makes_it_not_the_first(string text, string? pending, string expected) =>
        Assert.Equal(expected, Value(text, "first_business", "individual", pending));

    /// <summary>A business's months run from its licence (自营业执照签发之日起), whatever it ran before it.</summary>
    [Theory]
    [InlineData("我的小吃店营业执照上个月才办下来 不过已经正常经营一年多了", "1")]
    [InlineData("店开了一年半了", "18")]
    public void 经营时间_counted_from_the_licence(string text, string months) =>
        Assert.Equal(months, Value(text, "business_months", "individual"));

    /// <summary>A hiring within the year gives how long the hires have been at work; an older one says only when.</summary>
    [Theory]
    [InlineData("公司上个月才招的三个应届生", "1")]
    [InlineData("公司这个月刚招的两个大学生", "0")]
    [InlineData("公司2019年招的两个大学生", null)]
    public void 招用时间_a_recent_hiring_is_how_long_they_have_worked(string text, string? months) =>
        Assert.Equal(months, Value(text, "hired_stable_months", "employer"));

    /// <summary>With no trainees told of, the hires who stayed after one left are the hires counted.</summary>
    [Theory]
    [InlineData("七月份一共来了4个应届大学生 有一个合同还没签就走了 所以实际留下来的是3个 都签了一年合同", "hired_count", "3")]
    [InlineData("招了10个见习生 见习期满留下来3个", "trainees_retained", "3")]
    [InlineData("我们合作社接了6个离校没就业的大学生来见习 见习半年 期满了一个都没留下", "trainees_count", "6")]
    [InlineData("来了4个应届生 结果有一个干了十来天就走了 留下来的3个都签了合同", "hired_stable_months", null)]
    [InlineData("招了3个应届生 我们之前有个服务员干了两个月就走了", "hired_stable_months", null)]
    [InlineData("新招的3个 连新招的在内一共24个人在职", "employee_count", "24")]
    [InlineData("新招的3个 连新招的在内一共24个人在职", "hired_count", "3")]
    [InlineData("招了3个应届生 入职才4个月", "hired_stable_months", "4")]
    public void 留下来_those_who_stayed_are_the_hires_when_no_trainees(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    /// <summary>Northern pronouns (俺, 咱) speak of the user; a brother's and one's own destinations are two places.</summary>
    [Theory]
    [InlineData("稷山的 俺家是脱贫户 俺哥今年去江苏厂里打工了 俺是县上组织出去到太原干活", "role", "individual")]
    [InlineData("稷山的 俺家是脱贫户 俺哥今年去江苏厂里打工了 俺是县上组织出去到太原干活", "is_poverty_relief", "true")]
    [InlineData("稷山的 俺家是脱贫户 俺哥今年去江苏厂里打工了 俺是县上组织出去到太原干活", "organized_labor_export", "true")]
    public void 方言代词_俺_is_the_user(string text, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, null));

    /// <summary>Work told before coming home is work that was: the person is not at work now.</summary>
    [Theory]
    [InlineData("我是在外地打工好多年，回稷山老家开的店", null)]
    [InlineData("我在外地一家厂里打工，每月四千", "employed")]
    [InlineData("我在厂里上班 失业保险足额交了两年多", "employed")]
    [InlineData("我在县城饭馆打工 老板从来没给交过失业保险", "employed")]
    [InlineData("我在静宁一家企业上班 以前在外面打工 后来家里有事我就回来了", "employed")]
    public void 返乡_work_before_coming_home_is_not_now(string text, string? expected) =>
        Assert.Equal(expected, Value(text, "employment_status", "individual"));

    /// <summary>Answering the open question about one's own business with a hiring verb does not make the person a firm.</summary>
    [Theory]
    [InlineData("雇了3个 都签了合同", "jobs_created", "role", "individual")]
    [InlineData("雇了3个 都签了合同", "jobs_created", "jobs_created", "3")]
    [InlineData("我们公司招了3个应届生", "jobs_created", "role", "employer")]
    public void 类型化回答_a_founder_answering_stays_who_they_are(string text, string pending, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, "individual", pending));

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
    [InlineData("我是一家小公司的会计 之前在银川的代账公司干过两年 我们公司去年招了两个脱贫户", "employer")]
    [InlineData("社保交着呢 合同一年 是退伍回来自主就业的 我们泾源的公司 就招了他一个 税费能减多少", "employer")]
    [InlineData("我们东乡人在外头开拉面馆的多 我打算回来办个体户 自己当老板", "individual")]
    [InlineData("我媳妇一开始不同意 后来她也觉得能干 我们打算先开一个小的拉面馆 请两个帮工", "individual")]
    public void 说话人_who_speaks(string text, string role) => Assert.Equal(role, Value(text, "role"));

    [Theory]
    [InlineData(见习八个留三个, "trainees_count", "8")]
    [InlineData(见习八个留三个, "trainees_retained", "3")]
    [InlineData(见习八个留三个, "hired_count", null)]
    public void 见习_trainees_counted_in_a_story_that_also_tells_of_staff(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    private const string 见习八个留三个 = "临夏 我们养老院缺人 护理员招了走 走了招 去年成了见习单位 陆续来了8个见习人员 见习期6个月 "
        + "有一位老爷子还非要认一个见习生当干孙女 最后算下来 期满留下来跟我们签了劳动合同的只有3个";

    [Theory]
    [InlineData("人是3个 合同都签的一年 社保连续交了7个月了", "social_insurance_months", "7")]
    [InlineData("人是3个 合同都签的一年 社保连续交了7个月了", "hired_count", "3")]
    [InlineData("我们跟他俩说好了，工资里每月多给三百，社保让他们自己看着办", "social_insurance_months", null)]
    [InlineData("期满一个都没留", "trainees_retained", "0")]
    public void 答所问_an_answer_to_how_long_insurance_was_paid(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "employer", "social_insurance_months"));

    [Theory]
    [InlineData("我今年四十一 初中毕业就去了北京", "age", "41")]
    [InlineData("他今年都五十二了 还在找活", "age", "52")]
    [InlineData("我们公司今年41个人", "age", null)]
    [InlineData("俺开始以为俺就带了四个人 昨天把花名册一对 现在一共是七个人", "jobs_created", "7")]
    [InlineData("开了个作坊 办的是营业执照 这是头一回当老板 以前从来没办过执照", "business_registered", null)]
    [InlineData("初中毕业就去了北京 在工地上干过 后来在天津一家厂子干了七八年 前几年俺就回来了 开了个作坊", "employment_status", null)]
    [InlineData("我在静宁一家企业上班 以前在西安打工 后来回来了", "employment_status", "employed")]
    [InlineData("我爸在单位上班 我妈开了个小卖部", "employment_status", null)]
    public void 所说为何_what_the_words_say_of_now(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "individual"));

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

    /// <summary>
    /// What others say goes on over the next pieces of its sentence until the speaker comes back; a count is told of by
    /// 都是…的 after it; a sum is of what its own sentence names.
    /// </summary>
    [Theory]
    [InlineData("听同行说企业交了失业保险 没怎么裁员的话 可以申请稳岗返还", "laid_off_count", null)]
    [InlineData("听同行说没怎么裁员的话 可以申请稳岗返还 我们去年裁了3个", "laid_off_count", "3")]
    [InlineData("之前听同行说过有这种情况 另外去年裁了两个", "laid_off_count", "2")]
    [InlineData("参保职工28人。去年正式职工里前前后后走了五个人 都是我们这边辞退的", "laid_off_count", "5")]
    [InlineData("前年贷款买了一台新机器。去年实际缴纳的失业保险费一共是八千四百块钱", "unemployment_insurance_paid", "8400")]
    [InlineData("去年交失业保险费的时候贷了款 贷了五万块", "loan_amount", "5")]
    public void 转述与归属_reported_speech_and_what_a_figure_is_of(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    /// <summary>个/家 of a firm counts the firm, not people; 跨省 is 省外; a list may give its places and numbers in either order.</summary>
    [Theory]
    [InlineData("泾源的 我们是一个小微企业 招了退役士兵 签了合同", "hired_count", null)]
    [InlineData("我们一家小店招了一个店员", "hired_count", "1")]
    [InlineData("其余六个都在我们县里的企业上班", "placed_count", "6")]
    public void 数量_a_classifier_of_a_firm_counts_no_one(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    [Theory]
    [InlineData("稷山 脱贫人口跨省务工3人 另有2人通过有组织劳务输出到县外省内就业", "out_of_province*3+in_province*2")]
    public void 多个数量_places_and_numbers_in_either_order(string text, string expected) =>
        Assert.Equal(expected, Read(text, "individual").GetValueOrDefault("work_destination") is SplitValue v ? v.ToString() : null);

    /// <summary>A place in a clause about school is where the person studied: 稷山's 省内高校毕业生 asks its province.</summary>
    [Theory]
    [InlineData("我是稷山人，在太原上的大学", "studies_in_province", "true")]
    [InlineData("我是稷山县人 我上的大学不在山西 是在陕西西安上的", "studies_in_province", "false")]
    [InlineData("稷山的 学校是陕西省的一所普通本科院校", "studies_in_province", "false")]
    [InlineData("我在兰州上的大学，现在回平凉了", "studies_in_province", "true")]
    [InlineData("我是稷山人，在太原上的大学", "work_destination", null)]
    [InlineData("稷山的 去年去太原打工了", "studies_in_province", null)]
    public void 地点_where_the_person_studied(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "individual"));

    [Theory]
    [InlineData("我是2027年毕业的大学生 已经离校一年多了", "years_since_graduation", "-0.1")]
    [InlineData("我2027年毕业", "graduate_status", "student")]
    [InlineData("她说儿子明年就要毕业了，学的是护理", "years_since_graduation", null)]
    [InlineData("她已经失业一年了。儿子明年毕业，学的是护理", "years_since_graduation", null)]
    [InlineData("我们公司招了个大学生 说是离校两年了 学信网上是明年才毕业", "hired_years_since_graduation", "-0.1")]
    [InlineData("我们公司招了个大学生 说是离校两年了 学信网上是明年才毕业", "hired_group", null)]
    public void 不一致_a_graduation_still_to_come(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "individual"));

    // ---- Kinds of reading added in 4e68e5c ----

    /// <summary>俩 and 仨 are 两个 and 三个: said of hires they count people, with a noun after them or none.</summary>
    [Theory]
    [InlineData("招了仨 都签的一年合同", null, "3")]
    [InlineData("招了俩应届毕业生", null, "2")]
    [InlineData("雇了俩 都是本地的", null, "2")]
    [InlineData("新招了仨大学生", null, "3")]
    [InlineData("招了俩退役军人 合同签了三年", null, "2")]
    [InlineData("仨", "hired_count", "3")]
    [InlineData("俩", "hired_count", "2")]
    [InlineData("咱俩合伙开了个店", null, null)]
    [InlineData("我俩开的店", null, null)]
    public void 俩仨_count_people_even_without_a_noun(string text, string? pending, string? hired) =>
        Assert.Equal(hired, Value(text, "hired_count", "employer", pending));

    /// <summary>仨月 is 三个月 as 仨人 is 三个人: a duration, not a date (三月) and not a head count.</summary>
    [Theory]
    [InlineData("交了三个月", "3")]
    [InlineData("社保交了两个月", "2")]
    [InlineData("社保交了仨月", "3")]
    [InlineData("交了俩月", "2")]
    public void 俩仨_before_月_are_months(string text, string months)
    {
        var facts = Read(text, "employer", "social_insurance_months");

        Assert.Equal(months, facts.GetValueOrDefault("social_insurance_months")?.ToString());
        Assert.False(facts.ContainsKey("hired_count"), $"hired_count={facts.GetValueOrDefault("hired_count")}");
    }

    /// <summary>
    /// 三个人都签了, 一共三个人, 这3个人: a count said of everyone already counted is the whole, not one more kind of
    /// hire (巫山府办发〔2023〕57号（七）pays per 招用人员 of each kind; the whole is their sum, not a fourth group).
    /// </summary>
    [Theory]
    [InlineData("招了俩应届毕业生 还有一个巫山本地户口、在人社登记失业一年多的大姐 三个人都签了一年合同", "graduate*2+long_unemployed*1", "3")]
    [InlineData("招了2个退役军人和1个脱贫户 这3个人都交了社保", "veteran*2+poverty_relief*1", "3")]
    [InlineData("招了俩应届毕业生 还有一个登记失业一年多的大姐 一共三个人", "graduate*2+long_unemployed*1", "3")]
    [InlineData("招了俩应届毕业生 一个退役军人 三个全签了一年合同", "graduate*2+veteran*1", "3")]
    [InlineData("招了3个大学生 一共3个人", "graduate", "3")]
    [InlineData("招了2个大学生 3个退役军人", "graduate*2+veteran*3", "5")]
    [InlineData("招了2个大学生 还有3个退役军人 都签了合同", "graduate*2+veteran*3", "5")]
    [InlineData("招了2个应届生，另外还有3个都是退役军人", "graduate*2+veteran*3", "5")]
    public void 整体_a_count_said_of_everyone_is_the_whole(string text, string group, string count)
    {
        var facts = Read(text, "employer");

        Assert.Equal(group, facts.GetValueOrDefault("hired_group")?.ToString());
        Assert.Equal(count, facts.GetValueOrDefault("hired_count")?.ToString());
    }

    /// <summary>
    /// 一个本地户口、登记失业一年多的大姐: 、 inside the noun phrase after a count lists that one person's modifiers, so
    /// 登记失业一年多 (登记失业半年以上人员) stays in the count's frame; 、 between two counts still parts them.
    /// </summary>
    [Theory]
    [InlineData("招了一个巫山本地户口、登记失业一年多的大姐", "long_unemployed", "1", true)]
    [InlineData("招了一个本地户口、登记失业半年以上的人", "long_unemployed", "1", true)]
    [InlineData("招了一个本地户口、登记失业一年多的大姐和两个应届毕业生", "long_unemployed*1+graduate*2", "3", true)]
    [InlineData("招了两个应届生、一个退役军人", "graduate*2+veteran*1", "3", false)]
    [InlineData("招了一个退役军人、两个应届生", "veteran*1+graduate*2", "3", false)]
    public void 顿号_modifiers_joined_by_顿号_stay_in_the_counts_frame(string text, string group, string count, bool local)
    {
        var facts = Read(text, "employer");

        Assert.Equal(group, facts.GetValueOrDefault("hired_group")?.ToString());
        Assert.Equal(count, facts.GetValueOrDefault("hired_count")?.ToString());
        Assert.Equal(local ? "true" : null, facts.GetValueOrDefault("hired_local_hukou")?.ToString());
    }

    /// <summary>
    /// 一份保险, 三间房, 两头牛, 三次: what a thing classifier counts is no fact of ours, so the number is no answer to a
    /// question about months, years or people. The figure must never be read; what else was said may be (交了 is paid).
    /// </summary>
    [Theory]
    [InlineData("买了一份保险", "social_insurance_months", "1", null)]
    [InlineData("租了三间房", "social_insurance_months", "3", null)]
    [InlineData("办了一张卡", "social_insurance_months", "1", null)]
    [InlineData("交了三次", "social_insurance_months", "3", ">=1")]
    [InlineData("签了两份合同", "contract_years", "2", ">=0.08")]
    [InlineData("家里有两头牛", "hired_count", "2", null)]
    [InlineData("买了两台机器", "hired_count", "2", null)]
    [InlineData("买了一份商业保险", "social_insurance_months", "1", "0")]
    [InlineData("6", "social_insurance_months", "", "6")]
    [InlineData("交了6", "social_insurance_months", "", "6")]
    [InlineData("八个月", "social_insurance_months", "", "8")]
    [InlineData("3个", "hired_count", "", "3")]
    public void 物量词_a_number_of_things_is_no_bare_figure(string text, string pending, string notThis, string? expected)
    {
        var value = Value(text, pending, "employer", pending);

        Assert.NotEqual(notThis, value);
        Assert.Equal(expected, value);
    }

    /// <summary>
    /// questions.yaml unlike: named in answer instead of what was asked, a look-alike is none of it (商业意外险 is no
    /// 社会保险 under 平政办发〔2023〕75号（五）“缴纳失业、工伤、职工养老保险费”; 低保户 is no 脱贫户), and a figure said with
    /// it is the look-alike's. Naming the thing asked as well reads as usual.
    /// </summary>
    [Theory]
    [InlineData("我们给他俩买了商业意外险，一年几百块", "employer", "social_insurance_months", "0", "商业意外险")]
    [InlineData("买的意外险", "employer", "social_insurance_months", "0", "意外险")]
    [InlineData("只买了人身意外伤害保险 每年三百多", "employer", "social_insurance_months", "0", "人身意外伤害保险")]
    [InlineData("买了商业险", "individual", "unemployment_insurance_years", "0", "商业险")]
    [InlineData("我家是低保户", "individual", "is_poverty_relief", "false", "低保户")]
    [InlineData("我们是低保家庭", "individual", "is_poverty_relief", "false", "低保家庭")]
    [InlineData("家里是特困", "individual", "is_poverty_relief", "false", "特困")]
    [InlineData("我家是监测户", "individual", "is_low_income", "false", "监测户")]
    [InlineData("交了社保，另外还买了商业险", "employer", "social_insurance_months", ">=1", null)]
    [InlineData("交了五险，另外还买了商业意外险", "employer", "social_insurance_months", ">=1", null)]
    [InlineData("社保交了8个月 还买了意外险", "employer", "social_insurance_months", "8", null)]
    [InlineData("我家是脱贫户 也是低保户", "individual", "is_poverty_relief", "true", null)]
    [InlineData("是的 建档立卡贫困户", "individual", "is_poverty_relief", "true", null)]
    public void 不是所问_a_look_alike_named_instead_is_none(string text, string role, string pending, string expected, string? unlike)
    {
        var facts = Extract(text, role, pending);

        Assert.Equal(expected, facts.Values.GetValueOrDefault(pending)?.ToString());
        Assert.Equal(unlike, facts.Unlike);
        Assert.True(facts.AnsweredPending);
    }

    /// <summary>The look-alike is still a fact of its own: 低保户 said to the 脱贫户 question is 低保家庭 (is_low_income).</summary>
    [Theory]
    [InlineData("我家是低保户", "individual", "is_poverty_relief", "is_low_income", "true")]
    [InlineData("家里是特困", "individual", "is_poverty_relief", "is_low_income", "true")]
    [InlineData("我家是建档立卡户", "individual", "is_low_income", "is_poverty_relief", "true")]
    [InlineData("买了商业意外险", "employer", null, "social_insurance_months", null)]
    [InlineData("我家是低保户", "individual", null, "is_poverty_relief", null)]
    public void 不是所问_what_the_look_alike_is_and_only_when_asked(string text, string role, string? pending, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, role, pending));

    /// <summary>
    /// facts.yaml decrease_of: a count said at the start and at the end of a fall gives 参保职工人数 as the first and
    /// 裁减人数 as the difference (巫山府办发〔2023〕57号（六）counts the 减少率 of 参保人数); a rise, no change or one count
    /// gives no decrease.
    /// </summary>
    [Theory]
    [InlineData("2022年初参保50人，到2022年底是45人", "50", "5")]
    [InlineData("年初有50个职工 年底剩45个", "50", "5")]
    [InlineData("参保人数从40人减少到了36人", "40", "4")]
    [InlineData("原来有50个人 现在剩45个", "50", "5")]
    [InlineData("以前参保40人 目前36人", "40", "4")]
    [InlineData("之前50个员工 如今48个", "50", "2")]
    [InlineData("参保人数从36人增加到了40人", "40", "0")]
    [InlineData("年初参保45人 年底参保50人", "50", "0")]
    [InlineData("年初参保50人 年底参保50人", "50", "0")]
    [InlineData("2022年初参保50个人 这一年里裁了4个 后来又新招了3个进来 到2022年底参保的是49个人", "50", "1")]
    [InlineData("公司参保50人", "50", null)]
    [InlineData("参保职工30人 去年参保人数减少了3人", "30", "3")]
    public void 变化_a_fall_said_at_two_times_gives_the_decrease(string text, string? employees, string? laidOff)
    {
        var facts = Read(text, "employer");

        Assert.Equal(laidOff, facts.GetValueOrDefault("laid_off_count")?.ToString());
        if (employees is not null)
        {
            Assert.Equal(employees, facts.GetValueOrDefault("employee_count")?.ToString());
        }
    }

    /// <summary>The fall read from two times gives the rate its clause tests: 5 of 50 is 10%, over 巫山（六）'s 5.5%.</summary>
    [Theory]
    [InlineData("2022年初参保50人，到2022年底是45人", 10)]
    [InlineData("参保人数从40人减少到了36人", 10)]
    [InlineData("原来有30个人 现在剩24个", 20)]
    [InlineData("之前50个员工 如今48个", 4)]
    public void 变化_the_fall_gives_the_layoff_rate(string text, double percent)
    {
        var catalog = AssistantHarness.Knowledge.Current.Catalog;
        var facts = Read(text, "employer").Aggregate(catalog.NewFacts(), (set, kv) => set.With(kv.Key, kv.Value));

        Assert.True(facts.TryGet("layoff_rate", out var rate), $"layoff_rate not derived from {facts}");
        Assert.Equal((decimal)percent, Math.Round(((NumberValue)rate).Value, 2));
    }

    /// <summary>A rise of 参保人数 is no hire: 参保人数从36人增加到了40人 says nothing of how many were 招用.</summary>
    [Theory]
    [InlineData("参保人数从36人增加到了40人")]
    [InlineData("年初参保45人 年底参保50人")]
    [InlineData("参保50人 裁了3个")]
    [InlineData("公司参保50人")]
    [InlineData("参保职工50人 裁了3个")]
    public void 变化_a_count_of_the_insured_is_no_hire(string text)
    {
        var facts = Read(text, "employer");

        Assert.False(facts.ContainsKey("hired_count"), $"hired_count={facts.GetValueOrDefault("hired_count")}");
    }

    /// <summary>
    /// 为啥不行 while a yes/no question is open asks why a measure does not apply; it is no 否 to that question (稷政办发
    /// 〔2023〕24号（四）就业困难人员 would be closed on a word that was never said).
    /// </summary>
    [Theory]
    [InlineData("不是", "is_hardship", "false")]
    [InlineData("没有", "is_hardship", "false")]
    [InlineData("是的", "is_hardship", "true")]
    [InlineData("为啥不行", "is_hardship", null)]
    [InlineData("一次性创业补贴为啥不行", "is_hardship", null)]
    [InlineData("为什么没批下来", "is_hardship", null)]
    public void 为什么不_a_why_not_is_no_answer_to_the_open_question(string text, string pending, string? expected) =>
        Assert.Equal(expected, Value(text, pending, "individual", pending));

    /// <summary>
    /// Who speaks and whom a founding took on: a founder who hired people of a group an employer is paid for hiring asks as
    /// that employer (稷政办发〔2023〕24号 岗位补贴); people of no such group are the jobs the business made (带动就业).
    /// </summary>
    [Theory]
    [InlineData("我在县城边上一个建材厂上班 我们厂今年给我们交了失业保险", "role", "individual")]
    [InlineData("我去年从外地回老家开了个养殖场 招了5个人", "role", "individual")]
    [InlineData("我去年从外地回老家开了个养殖场 招了5个人", "jobs_created", "5")]
    [InlineData("我开了个厂 招了5个应届生", "role", "employer")]
    [InlineData("我开了个厂 招了5个应届生", "hired_count", "5")]
    [InlineData("我是退役军人 去年开了个汽修店 雇了两个脱贫户", "is_poverty_relief", null)]
    [InlineData("我是退役军人 去年开了个汽修店 雇了两个脱贫户", "jobs_created", "2")]
    [InlineData("我想开个养殖场", "jobs_created", null)]
    [InlineData("我在固原六盘山镇开了个汽修厂 刚招了一个自主就业的退役士兵", "role", "employer")]
    [InlineData("我在固原六盘山镇开了个汽修厂 刚招了一个自主就业的退役士兵", "work_destination", null)]
    [InlineData("去年招工的时候我是退役士兵 现在想自己创业", "is_veteran", "true")]
    public void 创业与雇工_a_founders_hires_are_the_jobs_made(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact));

    /// <summary>Hires out of school and not yet in work, registration unsaid, are 离校2年内未就业高校毕业生 while within two years.</summary>
    [Theory]
    [InlineData("招了离校一年半还没工作的2个", "graduate")]
    [InlineData("招了离校三年还没工作的2个", "other")]
    [InlineData("招了2个登记失业半年以上的", "long_unemployed")]
    public void 离校未就业_hires_out_of_school(string text, string group) =>
        Assert.Equal(group, Value(text, "hired_group", "employer"));

    /// <summary>
    /// The group a hiring count is of is whom the employer hired; groups mentioned beside it (an office's name, earlier hires,
    /// hearsay) are not. A count said without hiring (跟前面两个大学生一样) counts others.
    /// </summary>
    [Theory]
    [InlineData("退役军人事务局推荐了几个小伙子 之前也招过大学生 今年一共招了两个退伍的 都是自主就业的退役士兵", "veteran")]
    [InlineData("之前招过大学生 这次招了3个脱贫户", "poverty_relief")]
    [InlineData("第四个人小马 一开始说跟前面两个大学生一样 后来更正 是自主就业的退役士兵", "veteran")]
    public void 招用对象_the_group_a_hiring_count_is_of(string text, string group) =>
        Assert.Equal(group, Value(text, "hired_group", "employer"));

    /// <summary>Kinds counted one after another are a list of hires; a 还是 between them makes them choices, one far off does not.</summary>
    [Theory]
    [InlineData("招了4个 2个应届大学生 1个18岁登记失业的青年 还有1个40岁的 重庆户口 登记失业8个月了", "graduate*2+youth_unemployed*1+long_unemployed*1")]
    [InlineData("贴息是全贴还是贴一部分也不懂，这个回头再说。今年新招的是12个 下岗失业的5个 退役军人3个 大学生4个", "unemployed*5+veteran*3+graduate*4")]
    public void 多类_kinds_counted_in_a_long_message(string text, string group) =>
        Assert.Equal(group, Value(text, "hired_group", "employer"));

    [Fact]
    public void 多类_a_还是_between_the_counts_makes_them_choices_not_a_list() =>
        Assert.DoesNotContain("*", Value("招的是下岗失业的5个还是退役军人3个", "hired_group", "employer") ?? "", StringComparison.Ordinal);

    /// <summary>A bare sum after a fee is money paid, though 元 is unsaid; a bare number elsewhere is not.</summary>
    [Theory]
    [InlineData("去年交了失业保险费三万五千", "35000")]
    [InlineData("失业保险费交了两万", "20000")]
    [InlineData("失业保险交了两年", null)]
    public void 金额_a_sum_after_a_fee(string text, string? paid) =>
        Assert.Equal(paid, Value(text, "unemployment_insurance_paid"));

    /// <summary>A bare count with the hire group it is of said right after it counts the hires, whatever question is open.</summary>
    [Theory]
    [InlineData("一批是12个人 都是今年夏天刚毕业的 三险交了俩月了", "social_insurance_months", "12")]
    [InlineData("12个人 都是登记失业的", "contract_years", "12")]
    [InlineData("公司12个人 今年的社保都交了", "social_insurance_months", null)]
    public void 谁被计数_a_count_then_the_group_it_is_of(string text, string pending, string? hired) =>
        Assert.Equal(hired, Value(text, "hired_count", "employer", pending));

    private const string 三人逐个 = "我们店今年招了三个人。第一个是小周，今年刚从大学毕业，合同签了三年。第二个是小韩，也是大学毕业，合同只签了半年。第三个是老冯，是自主就业的退役士兵，合同签了两年。";

    private const string 其中另外 = "我们厂今年新招了4个人 其中有一个是自主就业的退役士兵 另外三个是应届大学生 都签了一年合同";

    private const string 一个是小陈 = "巫山 我们公司一共招了3个 一个是小陈 应届毕业生 一个是小刘 19岁登记失业 还有一个是小周 本科毕业离校一年多了 都签了一年合同 小陈和小刘连续交了8个月社保 小周才交了4个月";

    private const string 一个另一个 = "稷山 我们公司招了两个登记失业半年多的大姐 一个签了两年合同 另一个没签合同 按天算工钱";

    private const string 分条列出 = "新招人员的情况如下：\n一、小罗、小邓两个是应届毕业生，都签了一年合同；\n二、老谢是在人社局登记失业的，登记失业十个月了，签了两年合同。";

    private const string 先说全体再说个人 = "三个人都签了一年的劳动合同。第一个是个姑娘，今年刚大学毕业；第二个是个小伙子，22岁，在人社局登记了失业；第三个是个大哥，45岁，登记失业十个月了。姑娘和大哥的社保交了7个月；那个小伙子的社保交了4个月。";

    [Theory]
    [InlineData(三人逐个, "小周", "contract_years", "3")]
    [InlineData(三人逐个, "小韩", "contract_years", "0.5")]
    [InlineData(三人逐个, "小韩", "hired_group", "graduate")]
    [InlineData(三人逐个, "老冯", "hired_group", "veteran")]
    [InlineData(其中另外, "其中有一个", "hired_group", "veteran")]
    [InlineData(其中另外, "另外三个", "hired_group", "graduate")]
    [InlineData(分条列出, "小罗", "hired_group", "graduate")]
    [InlineData(分条列出, "小邓", "hired_group", "graduate")]
    [InlineData(分条列出, "老谢", "hired_group", "long_unemployed")]
    [InlineData(分条列出, "老谢", "contract_years", "2")]
    [InlineData(先说全体再说个人, "姑娘", "hired_group", "graduate")]
    [InlineData(先说全体再说个人, "小伙子", "hired_group", "youth_unemployed")]
    [InlineData(先说全体再说个人, "大哥", "hired_group", "long_unemployed")]
    [InlineData(先说全体再说个人, "姑娘", "social_insurance_months", "7")]
    [InlineData(先说全体再说个人, "大哥", "social_insurance_months", "7")]
    [InlineData(先说全体再说个人, "小伙子", "social_insurance_months", "4")]
    [InlineData(一个是小陈, "小陈", "hired_group", "graduate")]
    [InlineData(一个是小陈, "小刘", "hired_group", "youth_unemployed")]
    [InlineData(一个是小陈, "小周", "social_insurance_months", "4")]
    [InlineData(一个是小陈, "小刘", "social_insurance_months", "8")]
    [InlineData(一个另一个, "一个", "contract_years", "2")]
    [InlineData(一个另一个, "另一个", "contract_years", "0")]
    public void 逐人_each_hire_told_apart_has_their_own_facts(string text, string person, string fact, string expected) =>
        Assert.Equal(expected, PersonFact(text, person, fact));

    [Theory]
    [InlineData(三人逐个, "hired_count", "3")]
    [InlineData(其中另外, "hired_count", "4")]
    [InlineData(分条列出, "hired_count", "3")]
    [InlineData(先说全体再说个人, "contract_years", "1")]
    [InlineData(先说全体再说个人, "hired_group", "graduate*1+youth_unemployed*1+long_unemployed*1")]
    public void 逐人_what_is_said_of_all_and_how_many(string text, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    [Theory]
    [InlineData("我家老大在平凉上班，老二刚毕业，想问问有啥补贴", "individual")]
    [InlineData("第一个问题是见习补贴多少，第二个问题是社保补贴怎么领", "employer")]
    [InlineData("招了3个应届生，都签了两年合同", "employer")]
    public void 逐人_no_people_where_none_are_told_apart(string text, string role) =>
        Assert.Null(Value(text, HireStories.PeopleFact, role));

    /// <summary>Levels listed side by side as the policy's tiers are not certificates held; levels obtained or held are.</summary>
    [Theory]
    [InlineData("最后拿到了证 是中级的 听说初级 中级 高级给的钱不一样", "intermediate")]
    [InlineData("考了个中级又考了个高级", "intermediate*1+senior*1")]
    [InlineData("中级和高级两个证都有", "intermediate*1+senior*1")]
    [InlineData("初级 中级 高级给的钱不一样", null)]
    [InlineData("2022年先考了个初级电工证 后来又考了个高级焊工证 都是取证后一个月内去申请的 一共能拿多少", "junior*1+senior*1")]
    [InlineData("初级 中级 高级都是多少", null)]
    public void 多证_tiers_listed_are_not_certificates_held(string text, string? expected) =>
        Assert.Equal(expected, Value(text, "certificate_level", "individual"));

    /// <summary>
    /// What others say and what a rule requires are no facts of the user's (听说, 有的说, 要求, 要交满). 说是 reports the
    /// user's own case as it was told to them (社保说是交了十四个月): a figure of theirs, to be checked like any other.
    /// </summary>
    [Theory]
    [InlineData("有的说要签两年合同，有的说要交满一年社保", "contract_years", null)]
    [InlineData("说是以前要交满三年失业保险 现在放宽了", "unemployment_insurance_years", null)]
    [InlineData("公司上个月才招的三个应届生 社保说是已经连续交了十四个月了", "social_insurance_months", "14")]
    [InlineData("听说35岁以下才行", "age", null)]
    [InlineData("听人说的 我自己交了8个月社保", "social_insurance_months", "8")]
    [InlineData("合同签了一年", "contract_years", "1")]
    public void 转述与要求_others_word_and_a_rules_demand_are_not_facts(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "individual"));

    /// <summary>
    /// What did not happen is no fact: the fallback of a condition (实在不行就裁掉七八个) and a near miss (差点裁了5个);
    /// what did happen after it still is (一个人都没有裁). A year said with its last digit open (二零一几年) is no length.
    /// </summary>
    [Theory]
    [InlineData("当时老板说实在不行就先裁掉七八个人 把成本降下来", "laid_off_count", null)]
    [InlineData("差点裁了5个", "laid_off_count", null)]
    [InlineData("实在不行就先裁掉七八个人 后来一个人都没有裁", "laid_off_count", "0")]
    [InlineData("去年裁了5个", "laid_off_count", "5")]
    [InlineData("我们是二零一几年注册的", "business_months", null)]
    [InlineData("我们是201几年注册的", "business_months", null)]
    public void 未然_what_did_not_happen_is_no_fact(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    /// <summary>失业 in a list of the insurances paid names an insurance, not being out of work; a person at work now is employed.</summary>
    /// <summary>A yes phrase of the question bank may hold its parts apart in one clause (入驻~孵化基地), under its negation too.</summary>
    [Theory]
    [InlineData("入驻了县里的孵化基地", "true")]
    [InlineData("还没入驻县里的孵化基地", "false")]
    [InlineData("孵化基地在县城 我没去过", null)]
    public void 分开的词_a_phrase_in_two_parts(string text, string? expected) =>
        Assert.Equal(expected, Value(text, "incubated", "individual"));

    [Theory]
    [InlineData("养老 失业这些都是从我进厂开始交的", "employment_status", null)]
    [InlineData("我失业了 工伤也没人管", "employment_status", "unemployed")]
    [InlineData("我在静宁一家做果品包装的企业上班", "employment_status", "employed")]
    [InlineData("我以前在厂里上班 现在没工作", "employment_status", "unemployed")]
    public void 在职与失业_who_is_at_work(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "individual"));

    /// <summary>Years insured from the month insurance started, counted to the certificate when one is dated (what 技能提升补贴 reads).</summary>
    [Theory]
    [InlineData("厂里给我交失业保险是从2020年3月才开始交的 2020年10月考下来了焊工中级", "unemployment_insurance_years", "0.58")]
    [InlineData("失业保险从2024年3月开始交 2025年3月考了个中级证", "unemployment_insurance_years", "1")]
    [InlineData("社保从2026年3月开始交的", "social_insurance_months", "9")]
    public void 参保起算_insured_since_a_month(string text, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, "individual"));

    /// <summary>
    /// Placements listed in a story: each number with the destination nearest it; a destination denied (没有去县外省内的,
    /// 没有县内和省内的 with the negation over the whole list, 县内没有), planned (明年还想带人去外省), or said of who the speaker is (我们是稷山县…) is none of them.
    /// </summary>
    [Theory]
    [InlineData("我们是稷山县一家人力资源公司 这八个人里头 有两个是去了省外的 在江苏那边的电子厂 其余六个都在我们县里的企业上班 没有去县外省内的", "out_of_province*2+in_county*6")]
    [InlineData("明年还想搞劳务输出 带一批人去外省 今年送出去的 省外3个 县里5个", "out_of_province*3+in_county*5")]
    [InlineData("省外就业6个 省内县外4个 县内5个", "out_of_province*6+in_province*4+in_county*5")]
    [InlineData("招了1个40岁的 重庆户口 登记失业8个月了", null)]
    [InlineData("送到省外就业的一共7个 没有县内和省内的", "out_of_province")]
    [InlineData("没有县内、省内的 省外就业7个", "out_of_province")]
    [InlineData("县内没有 省外7个", "out_of_province")]
    [InlineData("县内的一个都没有，省外去了5个 省内县外2个", "out_of_province*5+in_province*2")]
    [InlineData("县内没去 省外3个", "out_of_province")]
    [InlineData("巫山 招了应届生2个 1个湖北来的登记失业快一年的", null)]
    public void 多地_placements_listed_in_a_story(string text, string? expected) =>
        Assert.Equal(expected, Read(text, "institution", null).GetValueOrDefault("work_destination")?.ToString());

    /// <summary>Those sent are not those placed: a none said after them (结果一个都没去成) is how many were placed.</summary>
    [Theory]
    [InlineData("推荐了十个人去省外厂子 结果一个都没去成", "0")]
    [InlineData("推荐了十个人去省外厂子 都上班了", "10")]
    public void 结果_a_none_after_those_sent_is_how_many_were_placed(string text, string expected) =>
        Assert.Equal(expected, Value(text, "placed_count", "institution"));

    /// <summary>A figure after 其实, 准确地说 takes back the one of the same kind just said; without such a word both stand.</summary>
    [Theory]
    [InlineData("前面说带了8个人就业 其实说得不准确 正式的是4个", "individual", "jobs_created", "4")]
    [InlineData("今年招了3个 其实是5个", "employer", "hired_count", "5")]
    [InlineData("带了8个人就业 其中4个签了合同", "individual", "jobs_created", "8")]
    public void 更正_a_figure_taken_back(string text, string role, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, role));

    /// <summary>
    /// Trainees told in groups with their own lengths: people × months is summed over the groups, and those kept are
    /// summed too (one count said with 都 for all the groups is each group's). One length for everybody is no grouping.
    /// </summary>
    [Theory]
    [InlineData("我们单位接了两批见习生 第一批4个 见了6个月 留下2个 第二批2个 见了3个月 留下1个 都期满了", "6", "30", "3")]
    [InlineData("今年来了五个见习的 三个见习了六个月 两个见习了三个月 期满只留下来一个", "5", "24", "1")]
    [InlineData("接了两批见习 上半年四个大学生见习6个月 下半年三个失业青年见习4个月 两批期满都只留了1个", "7", "36", "2")]
    [InlineData("今年来了六个见习的 三个见习了六个月 两个见习了三个月", null, null, null)]
    [InlineData("见习生来了8个 见习了6个月 留下来3个", "8", null, "3")]
    public void 分批见习_people_and_months_summed_over_the_groups(string text, string? people, string? personMonths, string? kept)
    {
        var facts = Read(text, "employer");
        Assert.Equal(personMonths, facts.GetValueOrDefault(TraineeBatches.PersonMonthsFact)?.ToString());
        if (personMonths is not null)
        {
            Assert.Equal(people, facts.GetValueOrDefault("trainees_count")?.ToString());
            Assert.Equal(kept, facts.GetValueOrDefault("trainees_retained")?.ToString());
        }
    }

    /// <summary>
    /// The family's means said to be adequate, or family hardship denied, is a no to 低保 and 脱贫; a category named of
    /// oneself (我家是低保户) outweighs the description.
    /// </summary>
    [Theory]
    [InlineData("我爸在单位上班，我妈开了个小卖部，家里还过得去", "is_low_income", "false")]
    [InlineData("我爸在单位上班，我妈开了个小卖部，家里还过得去", "is_poverty_relief", "false")]
    [InlineData("我不是困难家庭", "is_poverty_relief", "false")]
    [InlineData("家里条件还可以", "is_low_income", "false")]
    [InlineData("我家是低保户，日子还过得去", "is_low_income", "true")]
    [InlineData("家里比较困难", "is_low_income", null)]
    public void 家庭条件_adequate_means_deny_family_hardship(string text, string fact, string? expected) =>
        Assert.Equal(expected, Value(text, fact, "individual"));

    /// <summary>
    /// Who tells their own graduation speaks of where they work (我们单位), not for it; 我们 of a firm without that is the
    /// firm speaking.
    /// </summary>
    [Theory]
    [InlineData("2023年我从重庆一所大学毕业 现在在乡镇农业服务中心上班 我们单位一共就七八个人 助学贷款能代偿吗", "individual")]
    [InlineData("我去年毕业的 我们单位是事业单位 有啥政策", "individual")]
    [InlineData("我们单位招了3个2023年毕业的大学生", "employer")]
    public void 身份_a_graduate_telling_of_their_workplace(string text, string role) => Assert.Equal(role, Value(text, "role"));

    /// <summary>Words of the measure read in passing: a natural disaster, a 事业编, a township workplace.</summary>
    [Theory]
    [InlineData("2023年夏天那场山洪把店冲了 停了好几个月", "disaster_liquidity_hardship", "true")]
    [InlineData("今年考上了静宁县一个乡镇卫生院的事业编", "public_institution_staff", "true")]
    [InlineData("今年考上了静宁县一个乡镇卫生院的事业编", "township_employment", "true")]
    public void 顺带说出_facts_said_in_passing(string text, string fact, string expected) => Assert.Equal(expected, Value(text, fact, "individual"));

    /// <summary>
    /// A labelled hiring followed by clauses that are only another label and its count (后厨招了3个 前厅2个) lists more
    /// people of the same story; a count with more said of it, or after an unlabelled hiring, is some of them.
    /// </summary>
    [Theory]
    [InlineData("我第一次创业开了个饭馆 后厨招了3个 前厅2个 送外卖的1个 都签了合同", "individual", "jobs_created", "6")]
    [InlineData("我们饭店后厨招了3个 前厅2个 都是应届生", "employer", "hired_count", "5")]
    [InlineData("我们公司招了3个 2个签了合同", "employer", "hired_count", "3")]
    [InlineData("我们公司后厨招了3个 其中2个是应届生", "employer", "hired_count", "3")]
    public void 并列人数_a_list_of_labelled_counts_is_summed(string text, string role, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, role));

    /// <summary>
    /// What happens only after a time still to come has not happened yet (试用期过了才统一给上保险); told as done (才上的,
    /// 才交了) or of the past (去年3月才开始交) it has.
    /// </summary>
    [Theory]
    [InlineData("他俩还在试用期 试用期过了公司才统一给上保险", "social_insurance_months", "0")]
    [InlineData("转正以后才签合同", "contract_years", "0")]
    [InlineData("试用期过了才上的保险 交了5个月", "social_insurance_months", "5")]
    public void 才_only_after_a_time_to_come_is_not_yet(string text, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, "employer"));

    /// <summary>零 right before what a count counts, or 都没留 after the counts, is none of it; 零就业家庭 stays a kind of family.</summary>
    [Theory]
    [InlineData("第一批四个人见习了六个月 第二批三个人见习了四个月 期满都没留", "employer", "trainees_retained", "0")]
    [InlineData("收了4个见习的 见习了6个月 零留用", "employer", "trainees_retained", "0")]
    [InlineData("去年零裁员", "employer", "laid_off_count", "0")]
    [InlineData("我家是零就业家庭", "individual", "is_low_income", "true")]
    public void 零_zero_before_the_verb_counted(string text, string role, string fact, string expected) =>
        Assert.Equal(expected, Value(text, fact, role));

    /// <summary>A count a colon then spells out is the whole; the list's kinds are the parts.</summary>
    [Fact]
    public void 冒号_a_count_spelled_out_after_a_colon_is_the_whole()
    {
        var facts = Read("我们公司这批招了5个人：今年毕业的大学生2个 离校一年多还没找到工作的大学生1个 登记失业的19岁小伙1个 还有1个35岁的熟练工", "employer");
        Assert.Equal("graduate*3+youth_unemployed*1", facts["hired_group"].ToString());
        Assert.Equal("5", facts["hired_count"].ToString());
    }

    /// <summary>An earlier business, however it is called, makes this one not the first.</summary>
    [Theory]
    [InlineData("我之前在县城开过一个小超市 干了两年关了 这个烘焙店是第二个", "false")]
    [InlineData("以前办过一个养殖场", "false")]
    [InlineData("这是第一次开店", "true")]
    public void 首次创业_an_earlier_business_of_any_kind(string text, string expected) =>
        Assert.Equal(expected, Value(text, "first_business", "individual", "first_business"));

    /// <summary>A veteran's age with the years served and since leaving: nobody enlists younger than seventeen.</summary>
    [Theory]
    [InlineData("我们招了个自主就业退役士兵 小伙子今年17岁 在部队服役了5年", "employer", true)]
    [InlineData("我们公司招了个自主就业退役士兵 小伙子说他今年16岁 已经退役3年了", "employer", true)]
    [InlineData("我是退役军人 今年30岁 当兵5年 退伍两年了", "individual", false)]
    public void 退役年限_a_veteran_too_young_for_the_years_told(string text, string role, bool problem)
    {
        var facts = Read(text, role);
        Assert.Equal(problem, FactChecks.Find(AssistantHarness.Knowledge.Current.Catalog, facts).Any(p => p.Fact == "veteran_years"));
    }
}
