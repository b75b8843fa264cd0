namespace BotAssistant.Assistant.Tests;

/// <summary>
/// Kinds of reading as the user sees them, one message (or two) per row: what the reply must say, and what it must not.
/// Whole conversations of the same kinds are in transcripts/reading-kinds.yaml.
/// </summary>
public sealed class ReadingReplies
{
    private static readonly DateOnly AsOf = new(2026, 12, 1);

    private static async Task<(string Text, bool Asks)> Say(params string[] messages)
    {
        var chat = AssistantHarness.Chat(AsOf);
        await chat.JoinAsync();
        var replies = await chat.SayAsync(messages[0]);
        foreach (var message in messages.Skip(1))
        {
            replies = await chat.SayAsync(message);
        }

        return (Chat.Visible(replies), Chat.AsksSomething(replies));
    }

    /// <summary>
    /// A rate computed from two counts shows its sum and the count that would cross the threshold: 平政办发〔2023〕75号（一）
    /// 30人（含）以下 裁员率不高于20% (30×20%=6, 20×20%=4), 巫山府办发〔2023〕57号（六）减少率不高于5.5% (50×5.5%=2.75).
    /// </summary>
    [Theory]
    [InlineData("平凉 稳岗返还 我们公司参保30人 上年度裁了7个 能返还吗", "7人÷30人≈23.3%", "裁减人数不超过6人")]
    [InlineData("平凉 稳岗返还 小微企业 30人参保 上年度裁了7个", "7人÷30人≈23.3%", "裁减人数不超过6人")]
    [InlineData("平凉的企业 稳岗返还 参保职工30个 去年裁了7个", "7人÷30人≈23.3%", "裁减人数不超过6人")]
    [InlineData("平凉 稳岗返还 小微企业 参保职工20人 去年裁员5人 能返还吗", "5人÷20人=25%", "裁减人数不超过4人")]
    [InlineData("巫山 稳岗返还 我们是小微企业 2022年初参保50人，到2022年底是45人 能返还吗", "5人÷50人=10%", "裁减人数不超过2人")]
    [InlineData("平凉 稳岗返还 小微企业 参保30人、裁了7个 能返还吗", "7人÷30人≈23.3%", "裁减人数不超过6人")]
    public async Task 比率_a_rate_from_counts_shows_its_sum_and_the_count_that_crosses(string message, string sum, string whatIf)
    {
        var (text, _) = await Say(message);

        Assert.Contains(sum, text, StringComparison.Ordinal);
        Assert.Contains(whatIf, text, StringComparison.Ordinal);
        Assert.Contains("暂不符合", text, StringComparison.Ordinal);
    }

    /// <summary>A rate said as a rate, or a verdict no rate decided (上年度没裁员), has no sum to show.</summary>
    [Theory]
    [InlineData("平凉 稳岗返还 小微企业 上年度裁员率23% 能返还吗", "暂不符合")]
    [InlineData("平凉 稳岗返还 小微企业 参保职工50人 上年度没裁员 能返还吗", "符合这项政策的条件")]
    public async Task 比率_no_sum_where_none_was_computed_or_none_decided(string message, string verdict)
    {
        var (text, _) = await Say(message);

        Assert.Contains(verdict, text, StringComparison.Ordinal);
        Assert.DoesNotContain("÷", text, StringComparison.Ordinal);
        Assert.DoesNotContain("裁减人数不超过", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Counts that meet the threshold (6÷30 is 20%, 含本数; 25人中裁4人 is 16%, under 30人以下的20%) show the rate they
    /// make beside the verdict: the user gave the counts to learn it.
    /// </summary>
    [Theory]
    [InlineData("平凉 稳岗返还 小微企业 参保职工30人 去年裁员6人 能返还吗", "6人÷30人=20%")]
    [InlineData("巫山 稳岗返还 小微企业 参保人数从30人减少到了24人 能返还吗", "6人÷30人=20%")]
    [InlineData("平凉 稳岗返还 小微企业 参保职工25个 去年裁了4个 能返还吗", "4人÷25人=16%")]
    public async Task 比率_a_rate_that_holds_shows_its_sum(string message, string sum)
    {
        var (text, _) = await Say(message);

        Assert.Contains("符合这项政策的条件", text, StringComparison.Ordinal);
        Assert.Contains(sum, text, StringComparison.Ordinal);
        Assert.DoesNotContain("裁减人数不超过", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whoever looks up one measure of one place is weighing it for a case: the rule, then the one question that settles
    /// it. Several places, a source asked for, or a case already told (按您说的情况，还需要确认) do not get this offer.
    /// </summary>
    [Theory]
    [InlineData("巫山就业见习的补贴标准是每月多少", true)]
    [InlineData("平凉一次性扩岗补助", true)]
    [InlineData("稷山职业介绍补贴 省外就业的 每人多少", true)]
    [InlineData("巫山 务工交通补助 我在外省打工 能领吗", true)]
    [InlineData("见习补贴多少钱", false)]
    [InlineData("巫山见习补贴出自哪一条", false)]
    [InlineData("平凉 临夏 巫山 的见习补贴 每月标准 比一比", false)]
    [InlineData("平凉的公司 招了2个离校一年没工作的高校毕业生 一次性扩岗补助多少", false)]
    public async Task 确认问题_a_lookup_of_one_place_offers_the_settling_question(string message, bool offered)
    {
        var (text, asks) = await Say(message);

        Assert.Equal(offered, text.Contains("要判断能不能申请、能拿多少，先确认一点：", StringComparison.Ordinal));
        if (offered)
        {
            Assert.True(asks, text);
        }
    }

    /// <summary>
    /// Asking something else after the offered question lets it go: no 接着刚才的问题 after the materials, the office or
    /// the source. A question asked in a screening the user started (their case told) is taken up again.
    /// </summary>
    [Theory]
    [InlineData("巫山就业见习的补贴标准是每月多少", "需要什么材料", false)]
    [InlineData("平凉一次性扩岗补助", "找哪个部门", false)]
    [InlineData("稷山职业介绍补贴 省外就业的 每人多少", "原文", false)]
    [InlineData("巫山见习补贴多少钱", "需要什么材料", false)]
    [InlineData("平凉的公司 招了2个离校一年没工作的高校毕业生 一次性扩岗补助多少", "需要什么材料", true)]
    public async Task 确认问题_asking_something_else_lets_an_offered_question_go(string lookup, string other, bool resumes)
    {
        var (text, asks) = await Say(lookup, other);

        Assert.Equal(resumes, asks);
        Assert.Equal(resumes, text.Contains("接着刚才的问题", StringComparison.Ordinal));
    }

    /// <summary>
    /// A why-not about the answer just given, however it is put, is answered with the clause that failed: 巫山府办发〔2023〕
    /// 57号（七）连续缴纳6个月以上社会保险费, 3 months said. Not knowing what to do, 差不多 or 怎么算不清楚 are no why-not.
    /// </summary>
    [Theory]
    [InlineData("为啥不行", true)]
    [InlineData("差在哪", true)]
    [InlineData("缺哪些材料条件", true)]
    [InlineData("怎么没批下来", true)]
    [InlineData("还差啥", true)]
    [InlineData("凭什么不给", true)]
    [InlineData("不知道咋办", false)]
    [InlineData("差不多", false)]
    [InlineData("怎么算不清楚", false)]
    public async Task 为什么不_a_why_not_about_the_answer_gets_the_failed_clause(string question, bool whyNot)
    {
        var (text, _) = await Say("巫山的公司 招了2个应届毕业生 签了两年合同 社保交了3个月 吸纳补贴能拿多少", question);

        Assert.Equal(whyNot, text.Contains("“一次性吸纳就业补贴”暂不符合，因为：连续缴纳6个月以上社会保险费（您的已缴纳社会保险的月数：3月）", StringComparison.Ordinal));
        // Not a why-not is not silence: "怎么算不清楚" asks for the sum again, which shows the same what-if.
        if (whyNot)
        {
            Assert.Contains("如果已缴纳社会保险的月数达到6月，可以申请", text, StringComparison.Ordinal);
        }
    }
}
