namespace BotAssistant.Language.Tests;

/// <summary>The kinds of reading the language layer gives the assistant (4e68e5c): one table per kind, negatives included.</summary>
public class ReadingKindTests
{
    /// <summary>
    /// intents.yaml why_not, read from its parts: a reason word with a negation close after it (为啥不行, 怎么没批下来), or a
    /// word of lacking with a question word right after it (差在哪, 缺哪些). Not knowing how (不知道咋办, 怎么算不清楚),
    /// 差不多, or a plain why (为什么要交社保) ask no why-not.
    /// </summary>
    [Theory]
    [InlineData("为啥不行", true)]
    [InlineData("怎么没批下来", true)]
    [InlineData("差在哪", true)]
    [InlineData("缺哪些材料条件", true)]
    [InlineData("为什么我们不能申请", true)]
    [InlineData("凭什么不给", true)]
    [InlineData("咋就不符合了", true)]
    [InlineData("还差啥", true)]
    [InlineData("缺什么", true)]
    [InlineData("为什么没通过", true)]
    [InlineData("不知道咋办", false)]
    [InlineData("差不多", false)]
    [InlineData("怎么算不清楚", false)]
    [InlineData("咋办不知道", false)]
    [InlineData("为什么要交社保", false)]
    [InlineData("缺人", false)]
    [InlineData("差一点", false)]
    [InlineData("怎么申请", false)]
    public void 为什么不_why_not_is_read_from_its_parts(string text, bool whyNot)
    {
        var u = TestModel.U(text);

        Assert.Equal(whyNot, u.Intent == Intent.AskWhyNot);
        Assert.Equal(whyNot, u.IsAbout(Intent.AskWhyNot));
    }

    /// <summary>俩 and 仨 carry their classifier (两个, 三个): after a hiring word they count people with no noun after them.</summary>
    [Theory]
    [InlineData("招了仨", "hired", 3)]
    [InlineData("雇了俩", "hired", 2)]
    [InlineData("新招了仨大学生", "graduate", 3)]
    [InlineData("招了俩退役军人", "veteran", 2)]
    [InlineData("仨", "", 3)]
    public void 俩仨_count_people(string text, string subject, int count)
    {
        var c = TestModel.U(text).First(EntityKind.Count);

        Assert.NotNull(c);
        Assert.Equal(subject, c!.Value);
        Assert.Equal(count, c.Number);
    }

    [Theory]
    [InlineData("咱俩合伙开了个店")]
    [InlineData("我们俩")]
    [InlineData("他俩")]
    public void 俩仨_of_the_speakers_themselves_is_no_count(string text) => Assert.Null(TestModel.U(text).First(EntityKind.Count));

    /// <summary>就招了他一个, 雇了她们俩: after a hiring verb the pronoun is the hire, and the count is how many were hired.</summary>
    [Theory]
    [InlineData("就招了他一个", 1)]
    [InlineData("雇了她们俩", 2)]
    public void 招了他一个_a_pronoun_after_hiring_is_the_hire(string text, int count) =>
        Assert.Equal(count, TestModel.U(text).First(EntityKind.Count)?.Number);

    /// <summary>
    /// 还有个大姐, 招了个应届生, 来了位退役军人: a classifier after a verb or 有 with no numeral counts one person, where its
    /// clause names one; a clause that counts its person itself (小伙子1个), or names nothing a person is, counts nothing more.
    /// </summary>
    [Theory]
    [InlineData("还有个重庆户口的大姐", 1)]
    [InlineData("招了个应届生", 1)]
    [InlineData("来了位退役军人", 1)]
    [InlineData("还有个35岁登记失业半年多的大哥", 1)]
    [InlineData("还有个登记失业的20岁小伙子1个", 1)]
    [InlineData("我有个问题", 0)]
    [InlineData("考了个中级", 0)]
    [InlineData("有个月没交社保", 0)]
    public void 有个_a_classifier_with_no_numeral_counts_one_person(string text, int ones)
    {
        var counts = TestModel.U(text).All(EntityKind.Count).Where(c => c.Number == 1).ToList();

        Assert.Equal(ones, counts.Count);
    }

    /// <summary>一份保险, 三间房, 两头牛, 三次: a number of things is neither a bare figure nor a count of people.</summary>
    [Theory]
    [InlineData("买了一份保险", false)]
    [InlineData("租了三间房", false)]
    [InlineData("两头牛", false)]
    [InlineData("交了三次", false)]
    [InlineData("办了一张卡", false)]
    [InlineData("买了两台机器", false)]
    [InlineData("6", true)]
    [InlineData("交了6", true)]
    public void 物量词_a_number_of_things_is_no_bare_figure(string text, bool figure)
    {
        var u = TestModel.U(text, ExpectedAnswer.Number("social_insurance_months"));

        Assert.Equal(figure, u.First(EntityKind.Number) is not null);
        Assert.Null(u.First(EntityKind.Count));
    }

    /// <summary>
    /// subjects.yaml changes: a count after a start word (年初, 原来, 从) and a later one after an end word (年底, 现在, 减少到)
    /// are the two ends of a change; a single count, or a start with no end word (一开始…后来), is none.
    /// </summary>
    [Theory]
    [InlineData("年初参保50人，到年底是45人", 50, 45)]
    [InlineData("从40人减少到36人", 40, 36)]
    [InlineData("原来有50个人 现在剩45个", 50, 45)]
    [InlineData("年初50人 年底55人", 50, 55)]
    [InlineData("公司参保50人", null, null)]
    [InlineData("一开始30人 后来28人", null, null)]
    [InlineData("招了50个人 裁了5个", null, null)]
    public void 变化_the_two_ends_of_a_change_are_marked(string text, int? from, int? to)
    {
        var u = TestModel.U(text);

        Assert.Equal(from, (int?)u.Entities.SingleOrDefault(e => e.Phase == "from")?.Number);
        Assert.Equal(to, (int?)u.Entities.SingleOrDefault(e => e.Phase == "to")?.Number);
    }

    /// <summary>intents.yaml supposing: 要是, 如果, 假如… put what follows as a supposition, not as the user's case.</summary>
    [Theory]
    [InlineData("那要是一半以上的人都留下来了呢", true)]
    [InlineData("如果留用了6个呢", true)]
    [InlineData("假如签三年合同", true)]
    [InlineData("万一只留下来3个", true)]
    [InlineData("一半以上都留下来了", false)]
    [InlineData("留用了6个", false)]
    public void 假设_a_supposition_is_marked(string text, bool supposes) => Assert.Equal(supposes, TestModel.U(text).Supposes);

    /// <summary>
    /// 同一个月 says the same month, not a length (合同一年 is a year's contract: its 同 ends 合同); a time of one under "not even" is zero of what was (not) done
    /// (社保一个月都没交), or no length at all where what never happened is a break (一个月都没断过).
    /// </summary>
    [Theory]
    [InlineData("两个人是同一个月入职的", null)]
    [InlineData("同一年毕业的", null)]
    [InlineData("社保一个月都没断过", null)]
    [InlineData("一年也没停过", null)]
    [InlineData("社保一个月都没交", 0)]
    [InlineData("失业保险一年也没交过", 0)]
    [InlineData("社保交了一个月", 1)]
    [InlineData("合同一年", 12)]
    public void 否定与同一_not_even_one_and_the_same_one(string text, int? months)
    {
        var d = TestModel.U(text).First(EntityKind.Duration);

        Assert.Equal(months, (int?)d?.Number);
    }

    /// <summary>Who a story introduces, each with how many they stand for; 小时, 老师, 老板 and a list inside （…） introduce no one.</summary>
    [Theory]
    [InlineData("第一个是小王，第二个是个小伙子，第四个人老杨", "小王×1 小伙子×1 老杨×1")]
    [InlineData("其中有一个是退役士兵 另外三个是应届生", "其中有一个×1 另外三个×3")]
    [InlineData("一、小杨、小李两个是应届生；二、老海是登记失业的", "小杨×1 小李×1 老海×1")]
    [InlineData("干了两个小时，老师说老板同意了", "")]
    [InlineData("小杨和小李两个是应届生（一个是固原的学校，一个是银川的学校）", "")]
    [InlineData("99999999999个是应届生", "")]
    [InlineData("第一个是今年的毕业生 第二个是脱贫户 还有最后一个：是刚退伍的小伙子", "第一个×1 第二个×1 最后一个×1")]
    [InlineData("最后一个问题 补贴多少", "")]
    public void 人物_who_a_story_tells_apart(string text, string introduced)
    {
        var people = TestModel.U(text).All(EntityKind.Person).Where(e => e.Subject == "introduced").Select(e => $"{e.Value}×{e.Persons}");

        Assert.Equal(introduced, string.Join(" ", people));
    }
}
