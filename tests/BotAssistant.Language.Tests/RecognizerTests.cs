namespace BotAssistant.Language.Tests;

/// <summary>Table tests for the number-based recognizers: text → kind, subject, number.</summary>
public class RecognizerTests
{
    [Theory]
    [InlineData("两千五", EntityKind.Number, "", 2500)]
    [InlineData("一千二", EntityKind.Number, "", 1200)]
    [InlineData("叁", EntityKind.Number, "", 3)]
    [InlineData("1.5万", EntityKind.Money, "", 15000)]
    [InlineData("3w", EntityKind.Money, "", 30000)]
    [InlineData("五百块", EntityKind.Money, "", 500)]
    [InlineData("15万元", EntityKind.Money, "", 150000)]
    [InlineData("3个应届生", EntityKind.Count, "graduate", 3)]
    [InlineData("俩应届生", EntityKind.Count, "graduate", 2)]
    [InlineData("留用了3个", EntityKind.Count, "retained", 3)]
    [InlineData("招了个退役士兵", EntityKind.Count, "veteran", 1)]
    [InlineData("雇个人", EntityKind.Count, "", 1)]
    [InlineData("我们公司20个人", EntityKind.EmployeeCount, "", 20)]
    [InlineData("30人以下", EntityKind.EmployeeCount, "at_most", 30)]
    [InlineData("合同签了两年", EntityKind.Duration, "contract", 24)]
    [InlineData("签了一年合同", EntityKind.Duration, "contract", 12)]
    [InlineData("社保交了7个月", EntityKind.Duration, "social_insurance", 7)]
    [InlineData("营业执照下来一年两个月", EntityKind.Duration, "business", 14)]
    [InlineData("毕业两年了", EntityKind.Duration, "since_graduation", 24)]
    [InlineData("见习6个月", EntityKind.Duration, "trainee", 6)]
    [InlineData("毕业后已经两年了", EntityKind.Duration, "since_graduation", 24)]
    [InlineData("毕业后我在家复习了两个月", EntityKind.Duration, "", 2)]
    [InlineData("来了两个月就把网店弄起来了", EntityKind.Duration, "", 2)]
    [InlineData("入职才4个月", EntityKind.Duration, "employment", 4)]
    [InlineData("半年", EntityKind.Duration, "", 6)]
    [InlineData("一年半", EntityKind.Duration, "", 18)]
    [InlineData("二十三周岁", EntityKind.Age, "23", 23)]
    [InlineData("百分之六十", EntityKind.Percentage, "60", 60)]
    [InlineData("六成", EntityKind.Percentage, "60", 60)]
    [InlineData("60%", EntityKind.Percentage, "60", 60)]
    public void Quantity(string text, EntityKind kind, string value, double number)
    {
        var e = TestModel.U(text).First(kind);
        Assert.NotNull(e);
        Assert.Equal(value, e!.Kind is EntityKind.Number or EntityKind.Money ? "" : e.Value);
        Assert.Equal((decimal)number, e.Number);
    }

    /// <summary>个 after verbs that take no people on (开了个店, 考了个证) says nothing of how many were hired.</summary>
    [Theory]
    [InlineData("开了个小超市")]
    [InlineData("考了个中级证")]
    public void BareGeOnlyCountsAfterHiring(string text) => Assert.Null(TestModel.U(text).First(EntityKind.Count));

    [Theory]
    [InlineData("2023年6月", "2023-06")]
    [InlineData("今年七月", "2025-07")]
    [InlineData("去年", "2024-01")]
    [InlineData("前年毕业", "2023-01")]
    [InlineData("离校三年", "2022-06")]
    public void Dates(string text, string value) => Assert.Equal(value, TestModel.U(text).First(EntityKind.Date)?.Value);

    /// <summary>A date before a prepositional phrase dates the verb after it, with the one who did it between or not.</summary>
    [Theory]
    [InlineData("去年从重庆师范大学毕业的", "graduation")]
    [InlineData("2023年我从重庆一所大学毕业", "graduation")]
    [InlineData("2023年他在兰州一所学校毕业", "graduation")]
    [InlineData("2023年我去了一趟重庆", "")]
    public void DateSubjects(string text, string subject) => Assert.Equal(subject, TestModel.U(text).First(EntityKind.Date)?.Subject);

    [Theory]
    [InlineData("崆峒区", EntityKind.Place, "平凉")]
    [InlineData("东乡", EntityKind.Place, "临夏")]
    [InlineData("运城", EntityKind.UncoveredPlace, "运城")]
    [InlineData("固原", EntityKind.UncoveredPlace, "固原")]
    [InlineData("刘家峡镇的", EntityKind.Place, "临夏")]
    [InlineData("重庆巫山", EntityKind.Place, "巫山")]
    [InlineData("重庆", EntityKind.UncoveredPlace, "重庆")]
    [InlineData("兰州", EntityKind.UncoveredPlace, "兰州")]
    [InlineData("当兵的", EntityKind.Group, "veteran")]
    [InlineData("实习补贴", EntityKind.Topic, "jianxi")]
    [InlineData("门面房租", EntityKind.Topic, "changdi")]
    [InlineData("求职创业补帖", EntityKind.Topic, "qiuzhi")]
    [InlineData("创业贷", EntityKind.Topic, "chuangye_daikuan")]
    [InlineData("高级技师", EntityKind.CertificateLevel, "technician")]
    [InlineData("小店", EntityKind.EnterpriseSize, "small_micro")]
    [InlineData("没交", EntityKind.YesNo, "no")]
    [InlineData("是的", EntityKind.YesNo, "yes")]
    [InlineData("第二个", EntityKind.Choice, "2")]
    [InlineData("听说每年能减九千的税", EntityKind.Topic, "shui_zhaoyong")]
    [InlineData("招退役士兵能抵多少税", EntityKind.Topic, "shui_zhaoyong")]
    public void Vocabulary(string text, EntityKind kind, string value) => Assert.Equal(value, TestModel.U(text).First(kind)?.Value);

    /// <summary>A place one worked at before coming back is passed through, not where one is now; home is not left by coming back to it.</summary>
    [Theory]
    [InlineData("刘家峡镇的 在义乌打了八年工 今年回来了 想开个农家乐", "临夏")]
    [InlineData("我家在香水镇 去年从宁夏大学毕业 回来在家开了个网店", "泾源")]
    public void A_place_left_by_coming_back_is_in_passing(string text, string place)
    {
        var u = TestModel.U(text);
        Assert.Equal(place, u.Place);
        Assert.DoesNotContain(u.UncoveredPlaces, e => e.Value == "义乌");
    }

    /// <summary>A synonym with a gap (减~税) holds its parts a few characters apart in one clause, never across clauses or far.</summary>
    [Theory]
    [InlineData("人员减少了，税务那边没问")]
    [InlineData("减员的事以后再说 还有交税的事")]
    [InlineData("去年减少了三十多个人的税务登记")]
    public void A_gapped_synonym_stays_within_its_clause_and_reach(string text) =>
        Assert.DoesNotContain(TestModel.U(text).All(EntityKind.Topic), t => t.Value == "shui_zhaoyong");

    /// <summary>A story asks in its question sentences: 材料 said while telling it does not ask for materials.</summary>
    [Theory]
    [InlineData("我是临夏的。去年家里认定了低保，这个我们有材料。村里让我来问问。雨露计划一年给多少钱？", Intent.AskAmount)]
    [InlineData("我是临夏的。领导让我写个材料报上去。我想先弄清楚。见习补贴每人每月多少？", Intent.AskAmount)]
    [InlineData("我是临夏的。我们招了两个人。都签了合同。申请吸纳补贴要准备什么材料？", Intent.AskMaterials)]
    [InlineData("我是泾源的。先问了宁岗贷怎么申请、要什么材料。这个已经答复了，不用再查。招了两个大学生一年能扣减多少税？", Intent.AskAmount)]
    public void 长消息_the_ask_is_in_the_asking_sentences(string text, Intent intent) => Assert.Equal(intent, TestModel.U(text).Intent);

    /// <summary>
    /// A story told in spaces: its pieces are its sentences, and an ask reaches back to the pieces that name the measure
    /// (all of them, when several are named one after another); questions set aside (这个回头再问) ask nothing.
    /// </summary>
    [Theory]
    [InlineData("我是稷山的 家里条件困难 听人说有个一次性求职创业补贴 给钱帮着找工作 买身衣服 坐个车 我就想问问 我闺女能不能领 能领多少钱", "一次性求职创业补贴", true)]
    [InlineData("我们是平凉的小厂 开了六七年了 厂里二十来个人 今年招了三个应届生 都签了合同 听说一个叫一次性吸纳就业补贴 一个叫一次性扩岗补助 具体的没搞清楚 到底该拿哪个 一共能拿多少", "一次性吸纳就业补贴", true)]
    [InlineData("我们是泾源的公司 做旅游的 人手不够 今年招了几个大学生 听说能减税 每年能扣减多少 还想申请入驻创业孵化基地 听说能贷款 这个以后再单独问你", "创业孵化基地", false)]
    [InlineData("我们是平凉的厂子 去年交了失业保险 还有稳岗返还那个 这个我下次单独再问 今天先不说 另外老板问能不能贷款 这个也回头再说 现在招了三个应届生 都签了合同 能拿多少", "稳岗返还", false)]
    [InlineData("我们是平凉的厂子 做果汁的 今年招了三个应届生 都签了一年合同 社保也交了 吸纳就业补贴也没领过 所以想问的就是 这个一次性扩岗补助 一共多少", "吸纳就业补贴", false)]
    [InlineData("我们是平凉的厂子 做果汁的 今年招了三个应届生 都签了一年合同 社保也交了 吸纳就业补贴也没领过 所以想问的就是 这个一次性扩岗补助 一共多少", "一次性扩岗补助", true)]
    [InlineData("我们是巫山的民宿 今年招了3个年轻人 都签了一年合同 另外我们也想问问见习的政策 明年打算接几个见习生 看看合不合适 这个以后再说 听说吸纳就业补贴一个人两千 一共能拿多少", "见习的政策", false)]
    [InlineData("我们是巫山的民宿 今年招了3个年轻人 都签了一年合同 另外我们也想问问见习的政策 明年打算接几个见习生 看看合不合适 这个以后再说 听说吸纳就业补贴一个人两千 一共能拿多少", "吸纳就业补贴", true)]
    public void 长消息_a_story_in_spaces_asks_about_what_it_names_before_the_ask(string text, string named, bool asked)
    {
        var u = TestModel.U(text);
        var at = u.Normalized.IndexOf(named, StringComparison.Ordinal);

        Assert.NotNull(u.AskingSentences);
        Assert.Equal(asked, u.AskingSentences!.Any(a => at >= a.Start && at + named.Length <= a.End));
    }

    /// <summary>An A-not-A question (有没有, 是不是) asks, so its 没有 or 不是 is no answer to an open yes/no question.</summary>
    [Theory]
    [InlineData("有没有见习的机会 单位能拿多少", null)]
    [InlineData("是不是要交满一年", null)]
    [InlineData("没有", "no")]
    [InlineData("不是", "no")]
    [InlineData("有", "yes")]
    public void 正反问_an_a_not_a_question_is_no_answer(string text, string? yesNo) =>
        Assert.Equal(yesNo, TestModel.U(text, ExpectedAnswer.YesNo("receiving_unemployment_benefit")).YesNo);

    /// <summary>这是X, 我是X answer a yes/no question only when X is what it asks about, not what its aside in brackets adds.</summary>
    [Theory]
    [InlineData("这是第二次创业", null)]
    [InlineData("我是事业单位的", "yes")]
    [InlineData("是的", "yes")]
    public void 是_a_statement_of_what_something_is_answers_only_what_was_asked(string text, string? yesNo) =>
        Assert.Equal(yesNo, TestModel.U(text, ExpectedAnswer.YesNo("research_staff") with { Question = "您是否事业单位的科研人员（在职或离岗创业）？" }).YesNo);

    [Fact]
    public void AnswerAndQuestionInOneMessage()
    {
        var u = TestModel.U("交了，那能拿多少", ExpectedAnswer.YesNo("tax_paying"));
        Assert.Equal(Intent.ProvideInformation, u.Intent);
        Assert.Contains(Intent.AskAmount, u.SecondaryIntents);
        Assert.Equal("yes", u.YesNo);
    }

    [Theory]
    [InlineData("贷款1,500元", "贷款1500元")]
    [InlineData("月3，12", "月3，12")]
    [InlineData("3,12个", "3，12个")]
    [InlineData("12,0000", "12，0000")]
    public void Only_an_ascii_comma_before_three_digits_joins_a_number(string text, string normalized) =>
        Assert.Equal(normalized, TestModel.U(text).Normalized);

    [Fact]
    public void NormalizerMapsWidthTraditionalAndPunctuation()
    {
        var u = TestModel.U("  見習補貼　１５００元！ＨＲ說的  ");
        Assert.Equal("见习补贴 1500元！hr说的", u.Normalized);
        Assert.False(u.Truncated);
    }

    [Fact]
    public void BadDictionaryLineNamesFileAndLine()
    {
        var ex = Assert.Throws<Segmentation.LexiconException>(() =>
            Segmentation.DictionaryReader.Read(["补贴 10 n", "见习 abc n"], "user.txt"));
        Assert.StartsWith("user.txt:2:", ex.Message);
    }

    /// <summary>A deployment's own dictionary (appsettings Knowledge:ExtraDictionaries) in jieba format changes the cut.</summary>
    [Fact]
    public void DeploymentDictionaryFilesAddWords()
    {
        const string text = "我想去崆峒云端驿站打零工";
        Assert.DoesNotContain("崆峒云端驿站", TestModel.Model.Segmenter.CutToWords(text));
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["# a local service point", "崆峒云端驿站 2000 ns", "打零工 500"]);
            var model = LanguageModel.Build(KnowledgeVocabulary.Load(Path.Combine(TestModel.RepoRoot, "knowledge")),
                TestModel.Options with { ExtraDictionaryPaths = [file] });
            var words = model.Segmenter.CutToWords(text);
            Assert.Contains("崆峒云端驿站", words);
            Assert.Contains("打零工", words);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SegmentsDomainWordsWhole()
    {
        var words = TestModel.Model.Segmenter.CutToWords("巫山县公司招了3个应届生一次性吸纳就业补贴");
        Assert.Contains("一次性吸纳就业补贴", words);
        Assert.Contains("应届生", words);
        Assert.Contains("3", words);
    }
}
