using BotAssistant.Assistant.Dialogs;
using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Facts;

/// <summary>What one message said about the user's situation.</summary>
public sealed record ExtractedFacts(IReadOnlyDictionary<string, FactValue> Values, bool SkippedPending, bool AnsweredPending)
{
    /// <summary>What the answer named instead of the thing asked (商业意外险 to a 社保 question), to be said back.</summary>
    public string? Unlike { get; init; }

    public bool Any => Values.Count > 0;
}

/// <summary>
/// Reads every fact a message carries ("我是巫山的，去年毕业还没工作" gives place, graduate status and employment at once),
/// reading bare answers ("3", "对", "2") as answers to the question just asked. Entity kinds come from the language
/// layer; which fact each one fills depends on who is asking (an employer's 应届生 are the people hired).
/// </summary>
public sealed class FactExtractor(Catalog catalog, DialogTexts texts)
{
    public ExtractedFacts Extract(Understanding u, string? role, string? pending, IReadOnlyList<string> choices, DateOnly asOf, string? home = null)
    {
        var found = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        var text = u.Normalized;
        home = u.Place is { } said && catalog.Places.ContainsKey(said) ? said : home;
        var speaker = OwnStory(u) ? "individual" : RoleOf(u);
        // "雇了3个" answering 带动了多少人就业: a person answering about their own business does not become a firm by
        // the hiring verb; only speaking for a firm (我们公司) would.
        if (role == "individual" && speaker == "employer" && pending is not null && !SpeaksForFirm(u)
            && catalog.Facts.TryGetValue(pending, out var asked) && Concerns(asked, "individual"))
        {
            speaker = role;
        }

        role = speaker ?? role ?? InferRole(u);
        if (u.Place is { } place && catalog.Places.ContainsKey(place))
        {
            found["place"] = FactValue.OfKey(place);
        }

        if (role is not null && catalog.Facts["role"].HasValue(role))
        {
            found["role"] = FactValue.OfKey(role);
        }

        AddGroups(u, role, found, asOf);
        if (role != "employer" && ReturnedToStart(u))
        {
            found["is_migrant_worker"] = FactValue.Of(true);
        }

        var framed = AddFrames(u, role, found, e => TierOf(e, home)).Concat(AddDecrease(u, role, found)).ToHashSet();
        if (!found.ContainsKey("work_destination") && role != "employer" && WorkPlaces(u, e => TierOf(e, home)) is { Count: > 0 } went)
        {
            // "老大去了浙江 老二跟着劳务输出去了太原": one person to each place, each judged by their own tier.
            found["work_destination"] = went is [var only] ? FactValue.OfKey(only) : new SplitValue(went.Select(t => (t, 1m)).ToList());
        }

        AddQuantities(u, role, pending, found, asOf, framed);
        AddPhraseFacts(text, found);
        if (role == "employer" && !found.ContainsKey("hired_local_hukou") && HukouIsLocal(u, home) is { } local)
        {
            found["hired_local_hukou"] = FactValue.Of(local);
        }
        if (role != "employer" && !found.ContainsKey("studies_in_province") && StudiedInProvince(u, home) is { } inProvince)
        {
            found["studies_in_province"] = FactValue.Of(inProvince);
        }

        if (role == "individual" && !found.ContainsKey("employment_status") && WorksNow(u))
        {
            // "我在静宁一家…企业上班": a person at work now is an enterprise employee.
            found["employment_status"] = FactValue.OfKey("employed");
        }
        AddVeteranYears(u, found);
        AddLowerBounds(text, pending, found);
        DropRatesGivenByCounts(found);
        // The label of a button of the open question is the surest reading of the answer ("没工作，没办失业登记").
        // A split the message itself counts out (省外4个 县内3个) says more than any one button does.
        if (pending is not null && catalog.Facts.TryGetValue(pending, out var pendingDef) && pendingDef.Type == FactType.Enum
            && found.GetValueOrDefault(pending) is not SplitValue { Parts.Count: > 1 }
            && ChoiceKey(u, pendingDef, choices) is { } chosen)
        {
            found[pending] = FactValue.OfKey(chosen);
        }

        // "不知道" starts like a no: read it as a skip before any yes/no.
        var skipped = pending is not null && !found.ContainsKey(pending) && texts.SkipWords.Any(text.Contains);
        // A figure in an answer that names a look-alike is the look-alike's (商业意外险，一年几百块), not the one asked for.
        var unlike = pending is not null && !skipped ? Unlike(text, pending) : null;
        if (unlike is not null && catalog.Facts[pending!].Type is FactType.Number or FactType.Bool)
        {
            found[pending!] = catalog.Facts[pending!].Type == FactType.Number ? FactValue.Of(0m) : FactValue.Of(false);
        }
        else
        {
            unlike = null;
        }

        var answered = pending is not null && !skipped && AnswerPending(u, pending, choices, found, home);
        return new ExtractedFacts(found.Where(kv => catalog.Facts.TryGetValue(kv.Key, out var d) && (kv.Key == pending || Concerns(d, role))).ToDictionary(),
            skipped, answered || found.ContainsKey(pending ?? "") || TraineeBatches.AnswersLength(pending, found)) { Unlike = unlike };
    }

    /// <summary>
    /// "退役士兵 小伙子今年17岁 在部队服役了5年", "他今年16岁 已经退役3年了": a veteran's age with the years served and
    /// since leaving, so the check in facts.yaml can say when they cannot both hold.
    /// </summary>
    private static void AddVeteranYears(Understanding u, Dictionary<string, FactValue> found)
    {
        var years = u.All(EntityKind.Duration).Where(d => d.Value is "military_service" or "since_discharge").Sum(d => d.Number ?? 0) / 12m;
        if (years > 0 && u.All(EntityKind.Group).Any(g => g.Value == "veteran") && u.All(EntityKind.Age).FirstOrDefault() is { Number: { } age })
        {
            found["veteran_age"] = FactValue.Of(age);
            found["veteran_years"] = FactValue.Of(Math.Round(years, 1));
        }
    }

    /// <summary>Whether the first place named other than the home lies in the home's province; null when none is named.</summary>
    private bool? SameProvince(Understanding u, string? home)
    {
        if (home is null || !catalog.Places.TryGetValue(home, out var at) || at.Province is null)
        {
            return null;
        }

        foreach (var e in u.Entities.Where(e => e.Kind is EntityKind.UncoveredPlace or EntityKind.Place))
        {
            var province = ProvinceOf(e);
            if (!string.IsNullOrEmpty(province))
            {
                return province == at.Province;
            }
        }

        return null;
    }

    /// <summary>
    /// "老张的户口不在重庆 是湖北恩施的", "户籍是巫山的": the place said after 户口 or 户籍 tells whether the hire's household
    /// registration is in the user's province (巫山's 我市 is 重庆); a place denied (不在重庆) tells the opposite.
    /// </summary>
    private bool? HukouIsLocal(Understanding u, string? home)
    {
        if (home is null || !catalog.Places.TryGetValue(home, out var at) || at.Province is null)
        {
            return null;
        }

        var text = u.Normalized;
        foreach (var word in (string[])["户口", "户籍"])
        {
            for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 2, StringComparison.Ordinal))
            {
                // 户口是湖北恩施的 names the place after the word; 甘肃户口, 奉节县的户籍 before it.
                var place = u.Entities.Where(e => e.Kind is EntityKind.UncoveredPlace or EntityKind.Place && e.Start >= i + 2 && e.Start - i <= HukouReach)
                    .OrderBy(e => e.Start).FirstOrDefault()
                    ?? u.Entities.LastOrDefault(e => e.Kind is EntityKind.UncoveredPlace or EntityKind.Place && e.End <= i
                        && text[e.End..i].All(c => c is '的' or '市' or '县' or '省' or '区'));
                var province = place is null ? null : ProvinceOf(place);
                if (!string.IsNullOrEmpty(province))
                {
                    var same = province == at.Province;
                    return Denial.StanceAt(text, place!.Start) == Stance.Denied ? !same : same;
                }
            }
        }

        return null;
    }

    /// <summary>The province of a place said: the lexicon's for one we do not cover, places.yaml's for one we do.</summary>
    private string? ProvinceOf(Entity e) =>
        e.Kind == EntityKind.UncoveredPlace ? e.Province : catalog.Places.TryGetValue(e.Value, out var other) ? other.Province : null;

    /// <summary>How far after 户口 its place may be said: 户口不在重庆, 户口是湖北恩施的.</summary>
    private const int HukouReach = 8;

    /// <summary>
    /// The 职业介绍补贴 / 交通补贴 tier a word or place names as where someone went to work: 县里 and 省外 as said; a place
    /// in another province (江苏昆山 from 稷山) 省外, another place of the home province (运城别的县, 太原) 省内县外.
    /// </summary>
    private string? TierOf(Entity e, string? home)
    {
        if (e.Kind == EntityKind.Destination)
        {
            return e.Value;
        }

        if (home is null || !catalog.Places.TryGetValue(home, out var at) || at.Province is null || e.Passing)
        {
            return null;
        }

        var province = e.Kind switch
        {
            EntityKind.UncoveredPlace => e.Province,
            EntityKind.Place when e.Value != home && catalog.Places.TryGetValue(e.Value, out var other) => other.Province ?? "",
            _ => "",
        };
        return province.Length == 0 ? null : province == at.Province ? "in_province" : "out_of_province";
    }

    /// <summary>
    /// "我2023年去江苏昆山电子厂打工了": a place gone to (去, 到, 赴) or worked at (在…打工) is where someone works, by
    /// tier; places of different tiers are different people's.
    /// </summary>
    private static List<string> WorkPlaces(Understanding u, Func<Entity, string?> tierOf)
    {
        var text = u.Normalized;
        return u.Entities.Where(e => e.Kind is EntityKind.Place or EntityKind.UncoveredPlace && tierOf(e) is not null
            && text.AsSpan(Math.Max(0, e.Start - 2), Math.Min(2, e.Start)).IndexOfAny("去到赴在") >= 0
            && !InSchoolClause(text, e.Start) && Denial.StanceAt(text, e.Start) != Stance.Denied)
            .Select(e => tierOf(e)!).Distinct().ToList();
    }

    /// <summary>
    /// "在太原上的大学", "学校是陕西省的一所本科院校", "我上的大学不在山西": a place in a clause about school is where the
    /// person studied. It tells whether the school is in the province of the user's place (稷山's 省内高校毕业生); a
    /// place denied (不在山西) tells the opposite. The last place asserted wins over a denial before it.
    /// </summary>
    private bool? StudiedInProvince(Understanding u, string? home)
    {
        if (home is null || !catalog.Places.TryGetValue(home, out var at) || at.Province is null)
        {
            return null;
        }

        var text = u.Normalized;
        bool? denied = null, asserted = null;
        foreach (var e in u.Entities.Where(e => e.Kind is EntityKind.UncoveredPlace or EntityKind.Place && InSchoolClause(text, e.Start)))
        {
            var province = ProvinceOf(e);
            if (string.IsNullOrEmpty(province))
            {
                continue;
            }

            var same = province == at.Province;
            if (Denial.StanceAt(text, e.Start) == Stance.Denied)
            {
                denied ??= !same;
            }
            else
            {
                asserted = same;
            }
        }

        return asserted ?? denied;
    }

    /// <summary>Words that make a clause about where someone studied, when no work is named in it.</summary>
    private static readonly string[] SchoolWords = ["大学", "学校", "院校", "高校", "上学", "读书", "念书", "读的", "学院"];

    private static readonly string[] ClauseWorkWords = ["打工", "上班", "务工", "干活", "就业", "工作"];

    private static bool InSchoolClause(string text, int at)
    {
        var clause = text.AsSpan(Clauses.StartOf(text, at), Clauses.EndOf(text, at) - Clauses.StartOf(text, at));
        foreach (var w in ClauseWorkWords)
        {
            if (clause.Contains(w, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var w in SchoolWords)
        {
            if (clause.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A fact about a person is not the employer's ("招大学生" says nothing of whether the employer is a 中职 graduate).</summary>
    private static bool Concerns(FactDefinition d, string? role) => (d.Audience, role) switch
    {
        (Audience.Individual, "employer" or "institution") => false,
        (Audience.Employer, "individual") => false,
        _ => true,
    };

    /// <summary>
    /// "我是应届毕业生，自己开了公司": a person speaking of their own business is an individual, even though 公司 is an
    /// employer word; "我们公司" speaks for the employer.
    /// </summary>
    private static string? RoleOf(Understanding u)
    {
        var roles = u.All(EntityKind.Role).OrderBy(e => e.Start).Select(e => e.Value).Distinct().ToList();
        // "我…在县城边上一个建材厂上班…我们厂这两年搞技术改造": whoever says they work at a firm speaks as its employee,
        // and the 我们厂 after that is their workplace.
        // A job told as before (之前在银川的代账公司干过两年) is not where they speak from.
        if (WorksNow(u) && !CountsHires(u))
        {
            return "individual";
        }

        // "回老家开了个养殖场 招了5个人": a founder taking people on, none of them of a group an employer is paid for
        // hiring, tells of the jobs their business made; hiring 应届生 would make them an employer asking.
        if (u.Normalized.Contains('我') && !SpeaksForFirm(u) && TellsOfFounding(u) && !HiresOfAGroup(u))
        {
            return "individual";
        }

        if (roles.Count <= 1)
        {
            return roles.FirstOrDefault();
        }

        // "进厂上班…厂里一直给交失业保险": with neither 我 nor 我们 to say who speaks, the first word for who they are does.
        // "我开了个厂 招了5个应届生": people of a group an employer is paid for hiring, hired, make the speaker that employer.
        return roles.Contains("employer") && HiresOfAGroup(u) && !SpeaksForFirm(u) ? "employer"
            : SpeaksForThemselves(u) && roles.Contains("individual") ? "individual"
            : SpeaksForFirm(u) && roles.Contains("employer") ? "employer"
            : roles[0];
    }

    private static readonly string[] EarlierTimes = ["以前", "之前", "原来", "曾经", "过去", "那时", "当年"];

    /// <summary>WorksAt in the clauses that tell of now: "以前在厂里上班" tells of before.</summary>
    private static bool WorksNow(Understanding u)
    {
        var clauses = u.Normalized.Split(Clauses.Breaks);
        // "在外地打工好多年，回稷山老家开的店", "在天津一家厂子干了七八年 … 俺就回来了": working away (打工, 务工, or
        // anywhere once a place outside the ones we cover is named) told before coming home is what the return ended; a job at home told first
        // ("我在静宁一家企业上班 … 后来回来了") is the story's now, told before its past.
        var home = Array.FindLastIndex(clauses, ComingBack.SaidIn);
        // From a place away named before the return, every job told up to it is the time away (去了北京 在工地上干过).
        var away = Array.FindIndex(clauses, c => u.All(EntityKind.UncoveredPlace).Any(p => c.Contains(p.Text, StringComparison.Ordinal)));
        bool Away(int i) => away >= 0 && i >= away;
        var now = string.Join("，", clauses.Where((c, i) => !(i < home && (Away(i) || WorkingAway.Any(w => c.Contains(w, StringComparison.Ordinal))))
            && !EarlierTimes.Any(w => c.Contains(w, StringComparison.Ordinal))));
        return now.Contains('我') && WorksAt(now);
    }

    /// <summary>
    /// "有一个干了十来天就走了", "之前有个服务员干了两个月就走了": a time said of some of the people (有 + a count before it
    /// in its clause) or of before is theirs, not every hire's now.
    /// </summary>
    private static bool SaidOfSomeOfThem(string text, int at)
    {
        var start = Clauses.StartOf(text, at);

        for (var i = text.IndexOf('有', start); i >= 0 && i + 2 < at; i = text.IndexOf('有', i + 1))
        {
            // 有一个, 有两位, and 有个服务员 with the 一 left out.
            if (("一两二三四五六七八九几0123456789".Contains(text[i + 1]) && "个位名人".Contains(text[i + 2])) || text[i + 1] is '个' or '位')
            {
                return true;
            }
        }

        // 之前有人干了两个月就走了: a time told of before is not the hires' time now.
        return SaidOfBefore(text, at);
    }

    private static readonly string[] WorkingAway = ["打工", "务工"];

    /// <summary>在…厂上班, 在一家公司工作, 在工地上干活: 在, a workplace noun within one clause, then a verb of working.</summary>
    private static bool WorksAt(string text)
    {
        for (var at = text.IndexOfAny(['在', '进']); at >= 0; at = text.IndexOfAny(['在', '进'], at + 1))
        {
            // 在…厂上班, and 进了…公司 做运营: joining a firm to do a job there.
            var joined = text[at] == '进';
            for (var i = at + 1; i < text.Length && i <= at + WorkplaceReach && !Clauses.IsBreak(text[i]); i++)
            {
                // 在厂里上班: 里 and 上 after the place still put the work in it.
                var next = i + 1 < text.Length && text[i + 1] is '里' ? i + 2 : i + 1;
                if (text[i] is '厂' or '司' or '位' or '业' or '店' or '馆' or '地' && (WorkVerbAt(text, next) || joined && JobAt(text, next)) && !OthersBefore(text, i))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"他们现在都还在公司干着": the clause is about others (他们, 都, 这些人), not the speaker.</summary>
    private static bool OthersBefore(string text, int at)
    {
        for (var i = at - 1; i >= 0 && !Clauses.IsBreak(text[i]); i--)
        {
            // A classifier alone is no person: 一个建材厂 counts the workplace.
            // 我爸在单位上班, 我媳妇在厂里干: a relative of the speaker's is another person too.
            if (text[i] is '他' or '她' or '都' or '人' || (text[i] == '们' && !(i > 0 && text[i - 1] == '我'))
                || (i > 0 && text[i - 1] == '我' && Kin.Contains(text[i])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first character of a word for a relative said after 我 (我爸, 我妈, 我哥, 我媳妇, 我儿子); not 老, which 我老家 starts too.</summary>
    private const string Kin = "爸妈爹娘哥姐弟妹媳儿女爷奶叔姨舅";

    /// <summary>How far 在 may stand from the workplace it names: 在县城边上一个建材厂.</summary>
    private const int WorkplaceReach = 24;

    /// <summary>做运营, 当服务员: the job taken, after a space or right after the workplace.</summary>
    private static bool JobAt(string text, int i)
    {
        var rest = text.AsSpan(i, Math.Min(3, text.Length - i)).TrimStart(' ');
        return rest.StartsWith("做", StringComparison.Ordinal) || rest.StartsWith("当", StringComparison.Ordinal) || rest.StartsWith("干", StringComparison.Ordinal);
    }

    private static bool WorkVerbAt(string text, int i)
    {
        // 厂里上班, 工地上干活: 里/上 may close the place, but the 上 of 上班 is the verb's own.
        var rest = text.AsSpan(i, Math.Min(4, text.Length - i));
        rest = rest.StartsWith("上班", StringComparison.Ordinal) ? rest : rest.TrimStart("里上");
        return rest.StartsWith("上班", StringComparison.Ordinal) || rest.StartsWith("工作", StringComparison.Ordinal)
            || rest.StartsWith("干活", StringComparison.Ordinal) || rest.StartsWith("打工", StringComparison.Ordinal) || rest.StartsWith("干", StringComparison.Ordinal);
    }

    /// <summary>2023年我从…毕业, 我去年毕业的: a graduation told in a clause of 我 (not 我们, 我家).</summary>
    private static bool GraduatedThemselves(Understanding u) =>
        u.All(EntityKind.Date).Any(d => d.Subject == "graduation"
            && u.Normalized[Clauses.StartOf(u.Normalized, d.Start)..Clauses.EndOf(u.Normalized, d.Start)] is var lead
            && lead.Contains('我') && !lead.Contains("我们", StringComparison.Ordinal) && !lead.Contains("我家", StringComparison.Ordinal));

    /// <summary>A person telling their own story (我是应届生…自己开了公司), not counting people they hired.</summary>
    private static bool OwnStory(Understanding u) =>
        SpeaksForThemselves(u)
        && !u.All(EntityKind.Count).Any(c => c.Value == "hired" || EmployerGroups.ContainsKey(c.Value))
        && (u.Has(EntityKind.Group) || u.All(EntityKind.Duration).Any(d => d.Value is "since_graduation" or "business")
            || u.All(EntityKind.Date).Any(d => d.Subject == "graduation"));

    private static bool SpeaksForThemselves(Understanding u) => u.Normalized.Contains('我') && !SpeaksForFirm(u);

    /// <summary>
    /// 我们 of a firm (我们公司, 我们招了…), not of a family or a home place (我们家是低保户, 我们村, 我们那边, 我们俩).
    /// </summary>
    private static readonly string[] PlanWords = ["打算", "准备", "计划", "商量"];

    private static bool SpeaksForFirm(Understanding u)
    {
        var text = u.Normalized;
        if (GraduatedThemselves(u))
        {
            // "我2023年从重庆一所大学毕业…我们单位一共就七八个人": whoever tells their own graduation speaks of where they
            // work, not for it.
            return false;
        }

        for (var at = text.IndexOf("我们", StringComparison.Ordinal); at >= 0; at = text.IndexOf("我们", at + 2, StringComparison.Ordinal))
        {
            // 我们东乡人, 我们巫山: a place named right after is the people's home, like 我们县.
            // 我们泾源的公司 is still the firm: the place only says where it is.
            var home = u.Entities.FirstOrDefault(e => e.Kind is EntityKind.Place or EntityKind.UncoveredPlace && e.Start == at + 2) is { } named
                && !FirmAfter(text, named.End);
            // 我们打算先开一个小的, 我们想…: a plan of the household, which says nothing of a firm yet.
            var plan = PlanWords.Any(w => string.CompareOrdinal(text, at + 2, w, 0, w.Length) == 0);
            if (!home && !plan && !(at + 2 < text.Length && text[at + 2] is '家' or '村' or '那' or '这' or '县' or '市' or '镇' or '乡' or '俩' or '两' or '老' or '娘' or '夫'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>的公司, 这家厂, 县城的单位: a firm noun within a few characters after a place.</summary>
    private static bool FirmAfter(string text, int from)
    {
        var rest = text.AsSpan(from, Math.Min(4, text.Length - from));
        return rest.IndexOfAny("司厂企店") >= 0 || rest.Contains("单位", StringComparison.Ordinal);
    }

    private static string? InferRole(Understanding u)
    {
        // "我想开个小店": 小店 is the business they mean to start, not an employer asking. A bare 我 ("不对，我是在平凉")
        // says nothing of who they are.
        // A group right after a hiring verb (我开了个饭馆，雇了两个脱贫户) is whom they hire, not who they are.
        if (SpeaksForThemselves(u) && (u.Has(EntityKind.EnterpriseSize) || u.All(EntityKind.Group).Any(g => !Hires(u.Normalized, g.Start)) || u.Has(EntityKind.Age)
            || u.All(EntityKind.Duration).Any(d => d.Value is "since_graduation" or "business" or "unemployed")))
        {
            return "individual";
        }

        // "回老家头一回创业 开了个农家乐 雇了村里4个人": a founder telling of their business is a person, and the people
        // they took on are the jobs it created, not an employer's hires.
        if (TellsOfFounding(u) && !SpeaksForFirm(u) && !HiresOfAGroup(u))
        {
            return "individual";
        }

        if (u.Has(EntityKind.EnterpriseSize) || u.Has(EntityKind.EmployeeCount)
            || u.All(EntityKind.Count).Any(c => c.Value is "hired" or "trainee" or "retained" or "graduate")
            || u.All(EntityKind.Group).Any(g => Hires(u.Normalized, g.Start)))
        {
            return "employer";
        }

        return u.Normalized.Contains('我') && !SpeaksForFirm(u) ? "individual" : null;
    }

    /// <summary>
    /// "在北京打工八年 回稷山老家以后头一回创业": someone who worked away and came back home to start a business is the
    /// documents' 返乡入乡创业人员. Coming home alone (毕业后回了老家) is not: it takes the work away or the founding too.
    /// </summary>
    private static bool ReturnedToStart(Understanding u)
    {
        var text = u.Normalized;
        var home = false;
        for (var at = text.IndexOf('回'); at >= 0 && !home; at = text.IndexOf('回', at + 1))
        {
            var after = text.AsSpan(at + 1, Math.Min(HomeReach, text.Length - at - 1));
            home = after.IndexOf("老家", StringComparison.Ordinal) >= 0 || after.IndexOf("家乡", StringComparison.Ordinal) >= 0
                || after.StartsWith("乡", StringComparison.Ordinal);
        }

        return home && WorkedAway(text) && TellsOfFounding(u);
    }

    /// <summary>打工, 打了八年工: the verb and its object may have the time between them.</summary>
    private static bool WorkedAway(string text)
    {
        for (var at = text.IndexOf('打'); at >= 0; at = text.IndexOf('打', at + 1))
        {
            if (text.AsSpan(at + 1, Math.Min(HomeReach, text.Length - at - 1)).IndexOf('工') >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How far after 回 its home may come: 回老家, 回稷山老家, 回到了家乡.</summary>
    private const int HomeReach = 5;

    /// <summary>创业 said of what the speaker did (头一回创业, 回乡创业), not planned (想创业) nor inside a measure's name (一次性创业补贴).</summary>
    private static bool TellsOfFounding(Understanding u)
    {
        var text = u.Normalized;
        var named = u.Entities.Where(e => e.Kind is EntityKind.Topic or EntityKind.Measure or EntityKind.Group).ToList();
        for (var at = text.IndexOf("创业", StringComparison.Ordinal); at >= 0; at = text.IndexOf("创业", at + 2, StringComparison.Ordinal))
        {
            // 想创业, 打算创业: a plan, which says nothing yet of whom they would take on.
            var before = text.AsSpan(Math.Max(0, at - 2), Math.Min(2, at));
            var planned = before.IndexOfAny("想要打算准备计划") >= 0;
            if (!planned && !named.Any(e => at >= e.Start && at < e.End))
            {
                return true;
            }
        }

        return OpenedBusiness(text);
    }

    /// <summary>
    /// 开了个养殖场, 办了一家饭馆, 自己开了公司: a business the speaker opened, said as done (了/起了), is a founding too,
    /// though 创业 is never said.
    /// </summary>
    private static bool OpenedBusiness(string text)
    {
        for (var at = text.IndexOfAny(['开', '办']); at >= 0; at = text.IndexOfAny(['开', '办'], at + 1))
        {
            var done = at + 1 < text.Length && (text[at + 1] == '了' || (text[at + 1] == '起' && at + 2 < text.Length && text[at + 2] == '了'));
            var before = text.AsSpan(Math.Max(0, at - 2), Math.Min(2, at));
            if (!done || before.IndexOfAny("想要打算准备计划他她") >= 0)
            {
                continue;
            }

            for (var i = at + 2; i < text.Length && i <= at + BusinessReach && !Clauses.IsBreak(text[i]); i++)
            {
                if (BusinessHeads.Contains(text[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The last character of a business one opens: 养殖场, 饭馆, 超市, 合作社, 公司, 加工厂, 小店, 作坊, 民宿.</summary>
    private static readonly HashSet<char> BusinessHeads = ['场', '馆', '市', '社', '司', '厂', '店', '坊', '铺', '宿', '园', '部', '室', '站'];

    /// <summary>How far after 开了 its business may end: 开了个小型养殖场.</summary>
    private const int BusinessReach = 8;

    /// <summary>How far after a bare count the group it is of may be said: 12个人 都是今年夏天刚毕业的.</summary>
    private const int SaidOfCountReach = 12;

    /// <summary>雇了两个脱贫户, 招了5个应届生: people of a group an employer is paid for hiring, hired.</summary>
    private static bool HiresOfAGroup(Understanding u) =>
        u.All(EntityKind.Count).Any(c => EmployerGroups.ContainsKey(c.Value)) || u.All(EntityKind.Group).Any(g => Hires(u.Normalized, g.Start));

    /// <summary>
    /// 招大学生, 雇了两个残疾人, 招了一个自主就业的退役士兵: a group after a hiring verb in the same clause, with only its
    /// count and modifiers between, is whom the speaker hires; a 我 between (招工的时候我是退役士兵) says who they are.
    /// </summary>
    private static bool Hires(string text, int groupStart)
    {
        var before = text[Math.Max(0, groupStart - HireReach)..groupStart];
        var at = before.LastIndexOfAny(['招', '雇', '聘']);
        return at >= 0 && !before[at..].Any(c => c is '，' or '。' or ',' or ' ' or '我' or '；');
    }

    /// <summary>How far before a group its hiring verb may stand: 招了一个自主就业的退役士兵.</summary>
    private const int HireReach = 12;

    private void AddGroups(Understanding u, string? role, Dictionary<string, FactValue> found, DateOnly asOf)
    {
        // "今年一共招了两个退伍的" in a story that also says 之前也招过大学生 and names 退伍军人事务局: a group a count is of is
        // whom the employer hired; groups only mentioned beside it are not.
        // A count of a group said without hiring (跟前面两个大学生一样) names others, not this hire.
        var counted = u.All(EntityKind.Count).Where(c => c.Number > 0 && EmployerGroups.ContainsKey(c.Value) && Hires(u.Normalized, c.Start))
            .Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        // 不是残疾人, 是不是残疾人: only a group the user says they are in is theirs (AddPhraseFacts records a no).
        foreach (var said in u.All(EntityKind.Group).Where(g => !NamesAnInsurance(u.Normalized, g) && Denial.StanceAt(u.Normalized, g.Start) == Stance.Asserted)
                     .DistinctBy(g => g.Value).ToList())
        {
            var group = said.Value;
            if (role != "employer" && Hires(u.Normalized, said.Start))
            {
                // "开了个汽修店 雇了两个脱贫户": whom a founder took on, not who the founder is.
                continue;
            }

            if (role == "employer" && counted.Count > 0 && !counted.Contains(group) && group is not ("unemployed" or "migrant_worker"))
            {
                continue;
            }

            if (role == "employer")
            {
                // "两个大学生 都是离校一年多还没找到工作的": graduates not yet in work are the documents' 离校未就业高校毕业生,
                // not 登记失业人员, unless registration is said.
                var graduatesOutOfWork = group == "unemployed" && !Registered(u.Normalized) && u.All(EntityKind.Group).Any(g => g.Value == "graduate");
                // "招了个28岁的大学生 毕业5年了": a graduate out of school beyond the documents' two years is none of their groups.
                var longOut = group == "graduate" && u.All(EntityKind.Duration).Any(d => d.Value == "since_graduation" && d.Number > GraduateYearsMonths);
                if (EmployerGroups.TryGetValue(group, out var hired) && !graduatesOutOfWork)
                {
                    found["hired_group"] = FactValue.OfKey(longOut ? "other" : hired != "unemployed" ? hired
                        : HireKind(u.Normalized, said, u.Entities) is { } kind and not "unemployed" ? kind
                        : LongUnemployed(u) ? "long_unemployed"
                        : YouthAge(u) ? "youth_unemployed"
                        : hired);
                }

                if (group == "migrant_worker")
                {
                    found["hired_migrant_worker"] = FactValue.Of(true);
                }

                continue;
            }

            if (IndividualFlags.TryGetValue(group, out var flag))
            {
                found[flag] = FactValue.Of(true);
            }
            else if (group == "unemployed")
            {
                found["employment_status"] = FactValue.OfKey(Registered(u.Normalized) ? "unemployed_registered" : "unemployed");
            }
            else if (group == "graduate" && (u.Normalized.Contains("应届") || u.Normalized.Contains("今年毕业")))
            {
                found["graduate_status"] = FactValue.OfKey("graduation_year");
            }
        }

        foreach (var date in u.All(EntityKind.Date).Where(d => d.Subject == "graduation" && role == "employer"))
        {
            // "他说自己是离校两年没找到工作的 可学信网上显示他明年才毕业": a hire said to have left school whose graduation
            // is still to come cannot be; the negative time is kept for the range check, and the hire's group is not judged.
            if (DateOnly.TryParseExact(date.Value + "-01", "yyyy-MM-dd", out var when) && when.Year > asOf.Year && SaysAlreadyLeft(u.Normalized, date.Start))
            {
                found["hired_years_since_graduation"] = FactValue.Of(Math.Round(((when.Year - asOf.Year) * 12 + when.Month - asOf.Month) / -12m, 1));
                found.Remove("hired_group");
            }
        }

        foreach (var date in u.All(EntityKind.Date).Where(d => d.Subject == "graduation" && role != "employer"))
        {
            if (DateOnly.TryParseExact(date.Value + "-01", "yyyy-MM-dd", out var when))
            {
                var months = (asOf.Year - when.Year) * 12 + asOf.Month - when.Month;
                if (months < 0)
                {
                    // 2027年毕业 said in 2026 is a student to be; "2027年毕业的，已经离校一年多" cannot be: the negative
                    // time since leaving is kept so the range check says so, and nothing is judged on it.
                    if (SaysAlreadyLeft(u.Normalized, date.Start))
                    {
                        found["years_since_graduation"] = FactValue.Of(Math.Round(months / 12m, 1));
                        found.Remove("graduate_status");
                        break;
                    }
                    else
                    {
                        found["graduate_status"] = FactValue.OfKey("student");
                    }

                    continue;
                }

                found["graduate_status"] = FactValue.OfKey(
                    when.Year == asOf.Year ? "graduation_year" : months <= 24 ? "within_2_years" : "over_2_years");
                found["years_since_graduation"] = FactValue.Of(Math.Max(0, Math.Round(months / 12m, 1)));
            }
        }
    }

    /// <summary>
    /// 已经离校, 毕业的, 毕业了 in the sentence of the graduation date: said as done, not as to come. A long story's other
    /// sentences tell of other things (她已经失业), and 要…了 (明年就要毕业了) is about to happen, not done.
    /// </summary>
    private static bool SaysAlreadyLeft(string text, int at)
    {
        var (start, end) = Clauses.SentenceOf(text, at);
        var sentence = text.AsSpan(start, end - start);
        if (sentence.Contains("离校", StringComparison.Ordinal) || sentence.Contains("已经", StringComparison.Ordinal)
            || sentence.Contains("毕业的", StringComparison.Ordinal))
        {
            return true;
        }

        var done = sentence.IndexOf("毕业了", StringComparison.Ordinal);
        return done >= 0 && !sentence[Math.Max(0, done - 3)..done].Contains('要');
    }

    /// <summary>
    /// "招了两个失业半年多的人": the documents set 登记失业半年以上 apart from other registered unemployed, so an
    /// employer's hires unemployed for six months or more belong to that group.
    /// </summary>
    private static bool LongUnemployed(Understanding u) =>
        u.All(EntityKind.Duration).Any(d => d.Value == "unemployed" && d.Number >= LongUnemployedMonths);

    private const decimal LongUnemployedMonths = 6;

    /// <summary>离校2年内: the documents' window for a graduate not yet in work.</summary>
    private const decimal GraduateYearsMonths = 24;

    /// <summary>"招了个18岁登记失业的小伙子": the documents' 16—24岁 band makes a registered unemployed hire a youth.</summary>
    private static bool YouthAge(Understanding u) =>
        u.All(EntityKind.Age).Any(a => a.Number is >= YouthMinAge and <= YouthMaxAge);

    private const decimal YouthMinAge = 16;
    private const decimal YouthMaxAge = 24;

    /// <summary>
    /// 失业保险, 失业金, "失业、工伤、养老保险都交了": the word names an insurance scheme, not a group of people,
    /// when 保险/金 follows it within the same short enumeration.
    /// </summary>
    private static readonly string[] OtherInsurances = ["养老", "医疗", "工伤", "生育"];

    private static readonly char[] ListJoins = [.. "、， ,和及"];

    private static bool NamesAnInsurance(string text, Entity group)
    {
        if (group.End < text.Length && text[group.End] == '金')
        {
            return true;
        }

        // "养老失业工伤都有": 失业 in a list of the insurances paid.
        // The names may be joined by 、, a space, a comma or 和 (养老 失业这些, 失业和工伤).
        var before = text[..group.Start].TrimEnd(ListJoins);
        var after = text[group.End..].TrimStart(ListJoins);
        if (group.Text == "失业" && OtherInsurances.Any(i => before.EndsWith(i, StringComparison.Ordinal) || after.StartsWith(i, StringComparison.Ordinal)))
        {
            return true;
        }

        for (var i = group.End; i < text.Length && i < group.End + 8; i++)
        {
            if ("，。；！？,.;!? ".Contains(text[i], StringComparison.Ordinal))
            {
                return false;
            }

            if (text[i] == '险')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>办了失业登记, 已登记 — but not 没办失业登记 / 未登记 / 没有登记.</summary>
    private static bool Registered(string text)
    {
        var at = text.IndexOf("登记", StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var before = text[Math.Max(0, at - 4)..at];
        return !(before.Contains('没') || before.Contains('未') || before.Contains("不"));
    }

    private static readonly Dictionary<string, string> EmployerGroups = new()
    {
        ["graduate"] = "graduate", ["youth"] = "youth_unemployed", ["unemployed"] = "unemployed",
        ["poverty_relief"] = "poverty_relief", ["veteran"] = "veteran", ["hardship"] = "hardship",
    };

    private static readonly Dictionary<string, string> IndividualFlags = new()
    {
        ["poverty_relief"] = "is_poverty_relief", ["low_income"] = "is_low_income", ["disabled"] = "is_disabled",
        ["veteran"] = "is_veteran", ["migrant_worker"] = "is_migrant_worker", ["hardship"] = "is_hardship",
        ["vocational"] = "vocational_graduate", ["rural_woman"] = "is_rural_woman",
    };

    private static readonly Dictionary<string, string> CountSubjects = new()
    {
        ["trainee"] = "trainees_count", ["retained"] = "trainees_retained", ["jobs_created"] = "jobs_created", ["placed"] = "placed_count",
        ["laid_off"] = "laid_off_count", ["insured"] = "employee_count",
    };

    /// <summary>上学, 读书, 念书, 在校: children counted in a message about schooling are the ones in school.</summary>
    private static bool InSchool(string text) =>
        text.Contains("上学", StringComparison.Ordinal) || text.Contains("读书", StringComparison.Ordinal) || text.Contains("念书", StringComparison.Ordinal)
        || text.Contains("在校", StringComparison.Ordinal) || text.Contains("上大学", StringComparison.Ordinal) || text.Contains("读高职", StringComparison.Ordinal)
        || text.Contains("上中职", StringComparison.Ordinal) || text.Contains("上高中", StringComparison.Ordinal);

    /// <summary>A message about a 以工代赈 project, whose counts are the project's.</summary>
    private static bool ProjectContext(string text) =>
        text.Contains("以工代赈", StringComparison.Ordinal) || text.Contains("项目", StringComparison.Ordinal);

    private static readonly Dictionary<string, string> ProjectCounts = new()
    {
        ["project_workers"] = "yigong_workers_total", ["project_migrants"] = "yigong_migrant_workers",
    };

    private static readonly Dictionary<string, (string Fact, decimal PerMonth)> DurationSubjects = new()
    {
        ["contract"] = ("contract_years", 1m / 12), ["social_insurance"] = ("social_insurance_months", 1),
        ["business"] = ("business_months", 1), ["trainee"] = ("trainee_months", 1), ["unemployed"] = ("unemployed_months", 1),
        ["stable_employment"] = ("hired_stable_months", 1),
    };

    /// <summary>
    /// "雇了两个脱贫户，一个签了三年合同，另一个没签": once the message has counted the hires, a count without its own
    /// subject is some of them, not a new total.
    /// </summary>
    private static bool CountsHires(Understanding u) =>
        u.All(EntityKind.Count).Any(c => c.Value == "hired" || EmployerGroups.ContainsKey(c.Value));

    /// <summary>
    /// "合同都签的一年 社保连续交了7个月了" answering how long 社保 was paid: a length with its own subject (the contract's)
    /// is not the answer when another length of the message is of what was asked.
    /// </summary>
    private static bool LengthOfAnotherWhenAskedOneIsSaid(Understanding u, Entity length, string pending)
    {
        bool Of(Entity d, string fact) => DurationSubjects.TryGetValue(d.Value, out var s) && s.Fact == fact;
        return DurationSubjects.TryGetValue(length.Value, out var own) && own.Fact != pending
            && u.All(EntityKind.Duration).Any(d => d != length && Of(d, pending));
    }

    /// <summary>"工资里每月多给三百": a figure said per month or per year in its clause is a sum by the period, not a length.</summary>
    private static bool PerPeriod(string text, int at)
    {
        var start = Clauses.StartOf(text, at);

        var clause = text.AsSpan(start, at - start);
        return clause.IndexOf("每月", StringComparison.Ordinal) >= 0 || clause.IndexOf("每个月", StringComparison.Ordinal) >= 0
            || clause.IndexOf("每年", StringComparison.Ordinal) >= 0;
    }

    /// <summary>留下来…签了合同的只有3个, 留用的有4个: a count after 的(只)有/的是 in a clause that says they stayed or signed.</summary>
    private static bool KeptOnesCounted(string text, int at)
    {
        var lead = at >= 3 && text.AsSpan(at - 3, 3) is var three && (three.SequenceEqual("的只有") || three.SequenceEqual("的就是"))
            || at >= 2 && text.AsSpan(at - 2, 2) is var two && (two.SequenceEqual("的有") || two.SequenceEqual("的是"));
        var clause = text.AsSpan(Clauses.StartOf(text, at), at - Clauses.StartOf(text, at));
        return lead && (clause.IndexOf('留') >= 0 || clause.IndexOf("签", StringComparison.Ordinal) >= 0);
    }

    /// <summary>人是3个, 人数有5个: a count of the people themselves, which with an employer speaking are the hires.</summary>
    private static bool CountOfThePeople(string text, Entity count) =>
        PeopleLeads.Any(lead => count.Start >= lead.Length && text.AsSpan(count.Start - lead.Length, lead.Length).SequenceEqual(lead));

    private static readonly string[] PeopleLeads = ["人是", "人有", "人数是", "人数有", "人数"];

    /// <summary>其中5个, 当中有两个: a count of some of those just counted.</summary>
    private static bool Among(string text, int start) => Clauses.SaysPartOf(text.AsSpan(Math.Max(0, start - 3), Math.Min(3, start)));

    /// <summary>
    /// "2022年初参保50人，到年底是45人": a count said at the start and at the end of a change gives each fact
    /// declared as the decrease of another (facts.yaml decrease_of) the fall (none if it rose), and the other the starting figure, so the
    /// rate over them is computed, not asked. The two counts are not read again on their own.
    /// </summary>
    private IReadOnlySet<Entity> AddDecrease(Understanding u, string? role, Dictionary<string, FactValue> found)
    {
        var from = u.Entities.FirstOrDefault(e => e.Phase == "from");
        var to = u.Entities.FirstOrDefault(e => e.Phase == "to");
        if (from?.Number is not { } start || to?.Number is not { } end)
        {
            return new HashSet<Entity>();
        }

        // 从36人增加到了40人: no fall at all, which is a decrease of none, of a staff that is now the larger figure.
        var now = Math.Max(end, start);
        end = Math.Min(end, start);

        var used = new HashSet<Entity>();
        foreach (var def in catalog.Facts.Values.Where(d => d.DecreaseOf is not null && Concerns(d, role)))
        {
            found[def.DecreaseOf!] = FactValue.Of(now > start ? now : start);
            found[def.Name] = FactValue.Of(start - end);
            used.UnionWith([from, to]);
        }

        return used;
    }

    /// <summary>Placements per destination and several certificates: the numbers they use are not read again on their own.</summary>
    private static IReadOnlySet<Entity> AddFrames(Understanding u, string? role, Dictionary<string, FactValue> found, Func<Entity, string?> tierOf)
    {
        if (QuantityFrames.Destinations(u, tierOf) is { } placed)
        {
            found["work_destination"] = placed.Split.Parts is [var only] ? FactValue.OfKey(only.Key) : placed.Split;
            // "推荐了十个人去省外 结果一个都没去成": those sent are not those placed; a none said after them is the outcome.
            var last = placed.Numbers.Max(n => n.End);
            var noneAfter = u.All(EntityKind.Count).Any(c => c.Number == 0 && c.Start >= last && c.Value is "" or "placed");
            found["placed_count"] = FactValue.Of(noneAfter ? 0 : placed.Split.Total);
            return placed.Numbers;
        }

        if (role == "employer" && AboutTrainees(u) && TraineeBatches.Read(u) is { } batches)
        {
            found["trainees_count"] = FactValue.Of(batches.People);
            found[TraineeBatches.PersonMonthsFact] = FactValue.Of(batches.PersonMonths);
            if (batches.Retained is { } kept)
            {
                found["trainees_retained"] = FactValue.Of(kept);
            }

            return batches.Numbers;
        }

        if (role == "employer" && QuantityFrames.Groups(u, (g, st) => HireKind(u.Normalized, g, st)) is { } trainees && AboutTrainees(u))
        {
            // "见习的有三拨人 刚离校的大学生4个 离校一年的3个 还有3个失业青年": the people counted are the trainees.
            found["trainees_count"] = FactValue.Of(trainees.Split.Total);
            return trainees.Numbers;
        }

        if (role == "employer" && QuantityFrames.Groups(u, (g, st) => HireKind(u.Normalized, g, st)) is { } hires)
        {
            found["hired_group"] = hires.Split;
            found["hired_count"] = FactValue.Of(hires.Split.Total);
            return hires.Numbers;
        }

        return new HashSet<Entity>();
    }

    /// <summary>The message counts trainees (见习), not hires: no hiring verb is used of them.</summary>
    private static bool AboutTrainees(Understanding u) =>
        u.Normalized.Contains("见习", StringComparison.Ordinal) && !u.All(EntityKind.Count).Any(c => c.Value == "hired")
        // 护理员招了走 走了招 in a story that counts its trainees (来了8个见习人员) is about staff, not those counted.
        && (!SaysHiring(u.Normalized) || u.All(EntityKind.Count).Any(c => c.Value == "trainee"));

    /// <summary>招, 雇, 聘 as hiring; 招募 (calling for trainees), 招商, 招呼 and 招待 are not.</summary>
    private static bool SaysHiring(string text)
    {
        for (var i = text.IndexOfAny(['招', '雇', '聘']); i >= 0; i = text.IndexOfAny(['招', '雇', '聘'], i + 1))
        {
            if (!(text[i] == '招' && i + 1 < text.Length && text[i + 1] is '募' or '商' or '呼' or '待' or '牌' or '标'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The kind of hire one frame names, refined by what its own stretch of text says: "2个登记失业的19岁小年轻" are
    /// 16—24岁 青年, "1个失业半年多的" 登记失业半年以上.
    /// </summary>
    private static string? HireKind(string text, Entity group, IReadOnlyList<Entity> stretch)
    {
        if (!EmployerGroups.TryGetValue(group.Value, out var kind))
        {
            return null;
        }

        if (kind != "unemployed")
        {
            return kind;
        }

        // "离校一年半还没工作的2个": out of school and not yet in work, no registration said: 离校未就业高校毕业生 while
        // within the documents' two years, others beyond it.
        var from = stretch.Count == 0 ? 0 : stretch.Min(e => e.Start);
        while (from > 0 && stretch.Count > 0 && stretch.Min(e => e.Start) - from < 4 && !Clauses.IsBreak(text[from - 1]))
        {
            from--;
        }

        var said = stretch.Count == 0 ? "" : text[from..stretch.Max(e => e.End)];
        if ((said.Contains("离校", StringComparison.Ordinal) || said.Contains("毕业", StringComparison.Ordinal)) && !said.Contains("登记", StringComparison.Ordinal))
        {
            var months = stretch.Where(e => e.Kind == EntityKind.Duration && e.Value is "since_graduation" or "unemployed" or "").Select(e => e.Number).FirstOrDefault();
            return months is null or <= GraduateYearsMonths ? "graduate" : "other";
        }

        return stretch.Any(e => e.Kind == EntityKind.Duration && e.Value == "unemployed" && e.Number >= LongUnemployedMonths) ? "long_unemployed"
            : stretch.Any(e => e.Kind == EntityKind.Age && e.Number is >= YouthMinAge and <= YouthMaxAge) ? "youth_unemployed"
            : kind;
    }

    private void AddQuantities(Understanding u, string? role, string? pending, Dictionary<string, FactValue> found, DateOnly asOf, IReadOnlySet<Entity> framed)
    {
        var listed = ParallelCounts.Of(u);
        foreach (var e in u.Entities.Where(e => e.Number is not null && !framed.Contains(e) && !AskedFigure(u.Normalized, e)
                     && !listed.Values.Any(l => l.Siblings.Contains(e))))
        {
            var n = listed.TryGetValue(e, out var list) ? list.Total : e.Number!.Value;
            switch (e.Kind)
            {
                case EntityKind.Count when e.Value == "retained" && role == "employer" && !AboutTrainees(u) && found.ContainsKey("hired_count"):
                    // "来了4个应届大学生 …一个合同还没签就走了 所以实际留下来的是3个": with no trainees told of, the ones who
                    // stayed are the hires that count; the figure before them included one who left.
                    found["hired_count"] = FactValue.Of(n);
                    break;
                case EntityKind.Count when e.Value == "trainee" && n == 1 && found.GetValueOrDefault("trainees_count") is NumberValue { Value: > 1 }:
                    // "收了8个见习生 … 认一个见习生当干孙女": one of them, after they were counted, is no new total.
                    break;
                case EntityKind.Count when CountSubjects.TryGetValue(e.Value, out var fact):
                    // "年初参保50人 裁了4个 又招了3个 年底49人": the fall in insured staff is the figure the documents
                    // rate, so a told fall is not replaced by the people let go along the way.
                    if (!(catalog.Facts.TryGetValue(fact, out var counted) && counted.DecreaseOf is not null && framed.Any(f => f.Phase == "to")))
                    {
                        found[fact] = FactValue.Of(n);
                    }

                    break;
                case EntityKind.Count when e.Value == "" && ProjectContext(u.Normalized) && u.Normalized.AsSpan(e.End).StartsWith("工人", StringComparison.Ordinal):
                    // 工地上一共60个工人: the project's workers.
                    found["yigong_workers_total"] = FactValue.Of(n);
                    break;
                case EntityKind.Count when ProjectCounts.TryGetValue(e.Value, out var projectFact):
                    // 以工代赈: the project's workers and the 农民工 among them, counted only where a project is told of.
                    if (ProjectContext(u.Normalized))
                    {
                        found[projectFact] = FactValue.Of(n);
                    }

                    break;
                case EntityKind.Count when e.Value == "child" && InSchool(u.Normalized):
                    // "两个娃都在上学": the family's children in school (雨露计划 pays per child).
                    found["children_in_school"] = FactValue.Of(n);
                    break;
                case EntityKind.Count when e.Value == "" && role == "employer" && AboutTrainees(u) && KeptOnesCounted(u.Normalized, e.Start):
                    // "期满留下来跟我们签了劳动合同的只有3个": those of the trainees who stayed, counted after what they did.
                    found["trainees_retained"] = FactValue.Of(n);
                    break;
                case EntityKind.Count when e.Value == "signed" && AboutTrainees(u):
                    // "见习期满以后，我们跟其中8个人签了正式劳动合同": the trainees given a contract are the ones retained.
                    found["trainees_retained"] = FactValue.Of(n);
                    break;
                case EntityKind.Count when e.Value == "" && role == "employer" && AboutTrainees(u) && !found.ContainsKey("trainees_count")
                    && !u.All(EntityKind.Count).Any(c => c.Value is "retained" or "signed" && c.End <= e.Start):
                    // "合作社接了6个离校没就业的大学生来见习 … 一个都没留下": in a story of trainees, the first count of people
                    // before any kept is how many came.
                    found["trainees_count"] = FactValue.Of(n);
                    break;
                case EntityKind.Count when role == "individual" && (e.Value == "hired" || EmployerGroups.ContainsKey(e.Value) && Hires(u.Normalized, e.Start)):
                    // A founder's hires are the jobs the business created (带动就业).
                    found["jobs_created"] = FactValue.Of(n);
                    break;
                case EntityKind.Count when role == "employer" && Among(u.Normalized, e.Start) && CountsHires(u):
                    found["hired_part_count"] = FactValue.Of(n);
                    break;
                case EntityKind.Count when e.Value == "hired" || EmployerGroups.ContainsKey(e.Value)
                    || (e.Value == "" && role == "employer" && pending is null && !CountsHires(u) && !AboutTrainees(u) && SaysHiring(u.Normalized)):
                    found["hired_count"] = FactValue.Of(n);
                    break;
                case EntityKind.Count when e.Value == "" && role == "employer" && !CountsHires(u) && !AboutTrainees(u) && CountOfThePeople(u.Normalized, e):
                    found.TryAdd("hired_count", FactValue.Of(n));
                    break;
                case EntityKind.Count when pending is not null && Unit(pending) == "人":
                    found[pending] = FactValue.Of(n);
                    break;
                case EntityKind.Count when e.Value == "" && role == "employer" && !CountsHires(u) && !AboutTrainees(u)
                    && u.All(EntityKind.Group).Any(g => EmployerGroups.ContainsKey(g.Value) && g.Start > e.End && g.Start - e.End <= SaidOfCountReach
                        && Denial.StanceAt(u.Normalized, g.Start) == Stance.Asserted):
                    // "一批是12个人 都是今年夏天刚毕业的", while another question is open: people of a hire group, counted.
                    found.TryAdd("hired_count", FactValue.Of(n));
                    break;
                case EntityKind.EmployeeCount when role == "individual":
                    // "店里连我在内一共五个人": a founder's business's head count, which no count of jobs it made can exceed.
                    found["business_headcount"] = FactValue.Of(n);
                    break;
                case EntityKind.EmployeeCount:
                    // A head count alone never sets enterprise_size: the documents do not define 小微 by head count.
                    found["employee_count"] = FactValue.Of(n);
                    break;
                case EntityKind.Duration when pending is not null && Unit(pending) is "月" or "年" && !CalendarYear(pending) && SaysWhatWasAsked(u.Normalized, pending)
                    && !LengthOfAnotherWhenAskedOneIsSaid(u, e, pending):
                    // To "交失业保险几年了", "参保五年了" answers it, though 参保 alone would make it months of 社保. The first
                    // length that does answers: "签的一年的…离校不到两年" is a one-year contract.
                    found.TryAdd(pending, FactValue.Of(Unit(pending) == "年" ? Math.Round(n / 12m, 2) : n));
                    if (DurationSubjects.TryGetValue(e.Value, out var also) && also.Fact != pending)
                    {
                        found[also.Fact] = FactValue.Of(Math.Round(n * also.PerMonth, 2));
                    }

                    break;
                case EntityKind.Duration when e.Value == "employment" && role == "employer" && !SaidOfSomeOfThem(u.Normalized, e.Start):
                    // "入职才4个月": how long the hires have been at work here, which no insurance paid here can exceed.
                    found["hired_stable_months"] = FactValue.Of(n);
                    break;
                case EntityKind.Duration when DurationSubjects.TryGetValue(e.Value, out var d):
                    found[d.Fact] = FactValue.Of(Math.Round(n * d.PerMonth, 2));
                    if (e.Value == "social_insurance" && role != "employer" && (u.Normalized.Contains("失业保险") || pending == "unemployment_insurance_years"))
                    {
                        // 技能提升补贴 counts years of 失业保险 in one's own name; asked of them, "交了10个月" is that.
                        found["unemployment_insurance_years"] = FactValue.Of(Math.Round(n / 12m, 2));
                    }

                    break;
                case EntityKind.Duration when e.Value == "since_graduation" && role != "employer":
                    // A graduation date still to come stays what it is; the time since leaving does not cover it up.
                    if (found.GetValueOrDefault("years_since_graduation") is not NumberValue { Value: < 0 })
                    {
                        found["years_since_graduation"] = FactValue.Of(Math.Round(n / 12m, 1));
                    }

                    break;
                case EntityKind.Duration when pending is not null && Unit(pending) is "月" or "年" && !CalendarYear(pending):
                    // A length of no other subject answers the open question, unless one already did.
                    found.TryAdd(pending, FactValue.Of(Unit(pending) == "年" ? Math.Round(n / 12m, 2) : n));
                    break;
                case EntityKind.Age:
                    found["age"] = FactValue.Of(n);
                    break;
                case EntityKind.Percentage when RateOf(u.Normalized, pending, e) is { } rate:
                    found[rate] = FactValue.Of(n);
                    break;
                case EntityKind.Money when PeriodParts(u) is { } sum:
                    AddMoney(u.Normalized, pending, sum, found);
                    break;
                case EntityKind.Money:
                    AddMoney(u.Normalized, pending, n, found, e.Start);
                    break;
                case EntityKind.Number when SumPaid(u.Normalized, e):
                    AddMoney(u.Normalized, pending, n, found, e.Start);
                    break;
                case EntityKind.Number when pending is not null && catalog.Facts.TryGetValue(pending, out var def) && def.Type == FactType.Number
                    && !(Unit(pending) is "月" or "年" && PerPeriod(u.Normalized, e.Start)):
                    found.TryAdd(pending, FactValue.Of(n));
                    break;
            }
        }

        // "初级 中级 高级 分别多少" lists the choices; only a single one said is a fact about the user.
        if (Single(u, EntityKind.EnterpriseSize) is { } size && catalog.Facts["enterprise_size"].HasValue(size))
        {
            found["enterprise_size"] = FactValue.OfKey(size);
        }

        if (Single(u, EntityKind.CertificateLevel) is { } level && catalog.Facts["certificate_level"].HasValue(level))
        {
            found["certificate_level"] = FactValue.OfKey(level);
        }
        else if (QuantityFrames.Certificates(u) is { } held && held.Parts.All(p => catalog.Facts["certificate_level"].HasValue(p.Key)))
        {
            found["certificate_level"] = held.Parts is [var only] ? FactValue.OfKey(only.Key) : held;
        }

        foreach (var date in u.All(EntityKind.Date).Where(d => d.Subject == "certificate"))
        {
            if (DateOnly.TryParseExact(date.Value + "-01", "yyyy-MM-dd", out var when) && when <= asOf)
            {
                found["certificate_date"] = FactValue.Of(when);
            }
        }

        AddInsuranceSince(u, found, asOf);
        if (role == "employer")
        {
            AddHiredSince(u, found, asOf);
        }
        else
        {
            AddLicensedSince(u, found, asOf);
        }
    }

    /// <summary>
    /// "营业执照上个月才办下来 不过已经正常经营一年多了": the documents count a business's months from the day its licence
    /// was issued (自营业执照签发之日起), so a licence date gives them, over any time it ran before; an opening date
    /// gives them only when no length is said.
    /// </summary>
    private static void AddLicensedSince(Understanding u, Dictionary<string, FactValue> found, DateOnly asOf)
    {
        if (MonthOf(u, "business", asOf) is not { } from)
        {
            return;
        }

        var months = FactValue.Of(MonthsBetween(from, asOf));
        var text = u.Normalized;
        if (text.Contains("执照", StringComparison.Ordinal) || text.Contains("注册", StringComparison.Ordinal))
        {
            found["business_months"] = months;
        }
        else
        {
            found.TryAdd("business_months", months);
        }
    }

    /// <summary>
    /// "上个月才招的三个应届生": the hires have been at work since that month, which no insurance paid for them here can
    /// exceed. Only a hiring within the last year is read so: an older date says when, not that they are still there.
    /// </summary>
    private static void AddHiredSince(Understanding u, Dictionary<string, FactValue> found, DateOnly asOf)
    {
        if (MonthOf(u, "hired", asOf) is not { } from)
        {
            return;
        }

        var months = MonthsBetween(from, asOf);
        if (months <= HiredSinceReach)
        {
            found.TryAdd("hired_stable_months", FactValue.Of(Math.Max(months, 0)));
        }
    }

    private const int HiredSinceReach = 12;

    /// <summary>The month of the first date said of this subject (开始交, 招的, 办的执照), when it is not after the as-of date.</summary>
    private static DateOnly? MonthOf(Understanding u, string subject, DateOnly asOf) =>
        u.All(EntityKind.Date).FirstOrDefault(d => d.Subject == subject) is { } date
        && DateOnly.TryParseExact(date.Value + "-01", "yyyy-MM-dd", out var month) && month <= asOf ? month : null;

    private static int MonthsBetween(DateOnly from, DateOnly until) => (until.Year - from.Year) * 12 + until.Month - from.Month;

    /// <summary>
    /// "失业保险是从2020年3月才开始交的": the years insured run from that month to when the certificate was obtained
    /// (what 技能提升补贴 counts, at the claim after the certificate), or to the as-of date when none is known. A length
    /// said outright goes first.
    /// </summary>
    private static void AddInsuranceSince(Understanding u, Dictionary<string, FactValue> found, DateOnly asOf)
    {
        if (MonthOf(u, "insurance_start", asOf) is not { } from)
        {
            return;
        }

        var until = found.GetValueOrDefault("certificate_date") is DateValue { Value: var got } && got >= from ? got : asOf;
        var months = MonthsBetween(from, until);
        if (u.Normalized.Contains("失业保险", StringComparison.Ordinal))
        {
            found.TryAdd("unemployment_insurance_years", FactValue.Of(Math.Round(months / 12m, 2)));
        }
        else if (until == asOf)
        {
            found.TryAdd("social_insurance_months", FactValue.Of(months));
        }
    }

    /// <summary>
    /// "参加失业保险满没满一年", "要交够不够半年", "是不是要一年以上": a figure in a clause that asks (满没满, 够不够, 是不是)
    /// is the threshold asked about, not a fact of the user.
    /// </summary>
    private static bool AskedFigure(string text, Entity e)
    {
        var start = Clauses.StartOf(text, e.Start);

        for (var i = start + 1; i + 1 < e.Start; i++)
        {
            if (text[i] is '没' or '不' && text[i - 1] == text[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    private static string? Single(Understanding u, EntityKind kind) =>
        u.All(kind).Select(e => e.Value).Distinct().ToList() is [var only] ? only : null;

    /// <summary>
    /// "一季度2万 二季度2万 三季度1万5 四季度1万5": sums paid by period, each said after its period, are parts of the
    /// year's sum (7万); null unless two or more are, and every sum of the message is one.
    /// </summary>
    private static decimal? PeriodParts(Understanding u)
    {
        var text = u.Normalized;
        var sums = u.All(EntityKind.Money).ToList();
        // 每月810元 is a rate by the month, not the sum of one month.
        bool AfterPeriod(Entity m) => text.AsSpan(Math.Max(0, m.Start - 4), Math.Min(4, m.Start)) is var before
            && !before.EndsWith("每月", StringComparison.Ordinal) && !before.EndsWith("每个月", StringComparison.Ordinal)
            && (before.IndexOf("季度", StringComparison.Ordinal) >= 0 || before.IndexOf("半年", StringComparison.Ordinal) >= 0
                || before.EndsWith("月", StringComparison.Ordinal) || before.EndsWith("月份", StringComparison.Ordinal));
        return sums.Count >= 2 && sums.All(AfterPeriod) ? sums.Sum(m => m.Number!.Value) : null;
    }

    /// <summary>
    /// The rate a percentage is: the open question's, else the one its message speaks of (裁员 → 裁员率, 留用 → 留用率,
    /// 以工代赈's 劳务报酬 and 农民工 shares); a percentage of nothing named is no fact.
    /// </summary>
    private string? RateOf(string text, string? pending, Entity e)
    {
        if (pending is not null && Unit(pending) == "%")
        {
            return pending;
        }

        var before = text[Math.Max(0, e.Start - 12)..e.Start];
        return text.Contains("以工代赈", StringComparison.Ordinal) && before.Contains("报酬", StringComparison.Ordinal) ? "yigong_labor_pay_share"
            : text.Contains("以工代赈", StringComparison.Ordinal) && before.Contains("农民工", StringComparison.Ordinal) ? "yigong_migrant_share"
            : text.Contains("裁员", StringComparison.Ordinal) || text.Contains("减员", StringComparison.Ordinal) ? "layoff_rate"
            : text.Contains("留", StringComparison.Ordinal) || text.Contains("见习", StringComparison.Ordinal) ? "retention_rate"
            : null;
    }

    /// <summary>以工代赈资金200万, 劳务报酬发了70万: a project's funds and the pay out of them, by the word before the sum.</summary>
    private static string? ProjectMoney(string text, int at)
    {
        if (at < 0 || !text.Contains("以工代赈", StringComparison.Ordinal))
        {
            return null;
        }

        var before = text.AsSpan(Math.Max(0, at - 6), Math.Min(6, at));
        return before.IndexOf("报酬", StringComparison.Ordinal) >= 0 ? "yigong_labor_pay"
            : before.IndexOf("资金", StringComparison.Ordinal) >= 0 || before.IndexOf("投资", StringComparison.Ordinal) >= 0 ? "yigong_funds"
            : null;
    }

    /// <summary>
    /// "交了失业保险费三万五千", "保险费交了两万多": a bare number right after a fee (费, 费用, 金额) or after paying one
    /// (交了, 缴了) in a clause that names a fee is a sum of money, though 元 is not said.
    /// </summary>
    private static bool SumPaid(string text, Entity e)
    {
        var before = text.AsSpan(Math.Max(0, e.Start - 3), Math.Min(3, e.Start));
        if (before.EndsWith("费", StringComparison.Ordinal) || before.EndsWith("费用", StringComparison.Ordinal) || before.EndsWith("金额", StringComparison.Ordinal))
        {
            return true;
        }

        var start = Clauses.StartOf(text, e.Start);

        var clause = text.AsSpan(start, e.Start - start);
        return clause.IndexOf('费') >= 0 && (before.EndsWith("交了", StringComparison.Ordinal) || before.EndsWith("缴了", StringComparison.Ordinal));
    }

    private void AddMoney(string text, string? pending, decimal yuan, Dictionary<string, FactValue> found, int at = -1)
    {
        var fact = ProjectMoney(text, at) is { } project ? project
            : pending is not null && Unit(pending) is "元" or "万元" ? pending
            : MonthlyInsurance(text, at) ? "employer_insurance_monthly"
            : SumOf(text, at);
        if (fact is not null)
        {
            found[fact] = FactValue.Of(Unit(fact) == "万元" ? yuan / 10000m : yuan);
        }
    }

    /// <summary>
    /// A loan (贷) or the unemployment insurance paid (失业保险), whichever its own sentence names last before the sum: a long
    /// story's "前年贷款买了一台机器 … 实际缴纳的失业保险费一共是八千四百块钱" pays insurance. With neither there, the message's.
    /// </summary>
    private static string? SumOf(string text, int at)
    {
        if (at >= 0)
        {
            var (start, _) = Clauses.SentenceOf(text, at);
            var before = text.AsSpan(start, at - start);
            var loan = before.LastIndexOf('贷');
            var insurance = before.LastIndexOf("失业保险", StringComparison.Ordinal);
            if (loan >= 0 || insurance >= 0)
            {
                return loan > insurance ? "loan_amount" : "unemployment_insurance_paid";
            }
        }

        return text.Contains('贷') ? "loan_amount" : text.Contains("失业保险", StringComparison.Ordinal) ? "unemployment_insurance_paid" : null;
    }

    /// <summary>How far before a sum its 每月 and 社保 may be said, within its sentence.</summary>
    private const int MonthlyInsuranceReach = 30;

    /// <summary>"单位社保每人每月交700块": a sum the firm pays each month for each person, in words about 社保.</summary>
    private static bool MonthlyInsurance(string text, int at)
    {
        if (at < 0)
        {
            return false;
        }

        // The sentence it is said in ("单位这块给他们每个人交的社保 每个月是一千零五十块"): spaces part its pieces, not its subject.
        var start = at;
        while (start > 0 && text[start - 1] is not ('。' or '！' or '？' or '；' or '!' or '?' or ';' or '\n'))
        {
            start--;
        }

        var before = text.AsSpan(Math.Max(start, at - MonthlyInsuranceReach), at - Math.Max(start, at - MonthlyInsuranceReach));
        return (before.IndexOf("每月", StringComparison.Ordinal) >= 0 || before.IndexOf("每个月", StringComparison.Ordinal) >= 0)
            && (before.IndexOf("社保", StringComparison.Ordinal) >= 0 || before.IndexOf("保险", StringComparison.Ordinal) >= 0
                || before.IndexOf("缴费", StringComparison.Ordinal) >= 0)
            && !WorkersPart(before);
    }

    /// <summary>
    /// "单位缴费部分每人每月810元 个人缴费部分每人每月324元": the part last named before a sum is whose it is; the worker's
    /// own part (个人) is not what the firm paid. 每个人 and 一个人 count people, not the part.
    /// </summary>
    private static bool WorkersPart(ReadOnlySpan<char> before)
    {
        var firm = Math.Max(before.LastIndexOf("单位", StringComparison.Ordinal), Math.Max(before.LastIndexOf("企业", StringComparison.Ordinal), before.LastIndexOf("公司", StringComparison.Ordinal)));
        for (var i = before.LastIndexOf("个人", StringComparison.Ordinal); i >= 0; i = i == 0 ? -1 : before[..i].LastIndexOf("个人", StringComparison.Ordinal))
        {
            if (i == 0 || !"每一两二三四五六七八九十几0123456789".Contains(before[i - 1]))
            {
                return i > firm;
            }
        }

        return false;
    }

    /// <summary>Facts said in passing: "第一次创业", "不是困难人员" (yes/no). Zeros said by negation come from the language layer.</summary>
    private void AddPhraseFacts(string text, Dictionary<string, FactValue> found)
    {
        foreach (var q in texts.Questions.Values.Where(q => q.SaysYes.Count > 0 || q.SaysNo.Count > 0 || q.About.Count > 0))
        {
            // "也没在领失业金": a yes phrase under a negation says no; "没有工作" does not say the no phrase 有工作.
            var no = q.SaysNo.Where(p => GappedPhrase.Contains(text, p) && !Denial.Denies(text, p)).MaxBy(p => p.Length);
            var yes = q.SaysYes.Where(p => GappedPhrase.Contains(text, p)).MaxBy(p => p.Length);
            if (yes is not null && no is null && Denial.Denies(text, yes))
            {
                found[q.Fact] = FactValue.Of(false);
            }
            else if (no is not null && (yes is null || no.Length >= yes.Length || no.Contains(yes)) && !NamedAsserted(text, q.About))
            {
                found[q.Fact] = FactValue.Of(false);
            }
            else if (yes is not null)
            {
                found[q.Fact] = FactValue.Of(true);
            }
            else if (catalog.Facts.GetValueOrDefault(q.Fact)?.Type == FactType.Bool && DeniedNow(text, q.About) && !LaterAsserted(text, q.About))
            {
                found[q.Fact] = FactValue.Of(false);
            }
        }
    }

    /// <summary>"我家是低保户，日子还过得去": the category named of oneself outweighs a description that would deny it.</summary>
    private static bool NamedAsserted(string text, IReadOnlyList<string> about) =>
        about.Any(w => Occurrences(text, w).Any(at => Denial.StanceAt(text, at) == Stance.Asserted));

    /// <summary>
    /// "留用率能过一半 … 准确数字：9个见习人员，留下来的是4个": when one message gives a rate and the two counts it is
    /// computed from, the counts are the record and the rate an estimate; the engine computes it from them.
    /// </summary>
    private void DropRatesGivenByCounts(Dictionary<string, FactValue> found)
    {
        foreach (var def in catalog.Facts.Values.Where(d => d.Derived is not null && found.ContainsKey(d.Name)))
        {
            if (found.ContainsKey(def.Derived!.Numerator) && found.ContainsKey(def.Derived.Denominator))
            {
                found.Remove(def.Name);
            }
        }
    }

    /// <summary>
    /// "我们家不是建档立卡贫困户…后来被认定成监测对象了": the last thing a story says of it is what holds now.
    /// </summary>
    /// <summary>
    /// Whether the words are denied of now: "办的是营业执照 … 以前从来没办过执照" denies it only of before (以前, 之前),
    /// which the assertion of now outweighs wherever it is said.
    /// </summary>
    private static bool DeniedNow(string text, IReadOnlyList<string> words)
    {
        var said = words.SelectMany(w => Occurrences(text, w)).Select(at => (At: at, Stance: Denial.StanceAt(text, at))).ToList();
        var denied = said.Where(x => x.Stance == Stance.Denied).ToList();
        return denied.Count > 0 && (said.All(x => x.Stance != Stance.Asserted) || denied.Any(x => !SaidOfBefore(text, x.At)));
    }

    private static IEnumerable<int> Occurrences(string text, string word)
    {
        for (var at = GappedPhrase.IndexOf(text, word); at >= 0; at = GappedPhrase.IndexOf(text, word, at + 1))
        {
            yield return at;
        }
    }

    /// <summary>The clause around <paramref name="at"/> tells of before (以前, 之前, 原来…).</summary>
    private static bool SaidOfBefore(string text, int at)
    {
        var (start, end) = (Clauses.StartOf(text, at), Clauses.EndOf(text, at));
        var clause = text.AsSpan(start, end - start);
        foreach (var w in EarlierTimes)
        {
            if (clause.IndexOf(w, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool LaterAsserted(string text, IReadOnlyList<string> words)
    {
        var last = words.Select(w => (Word: w, At: text.LastIndexOf(w, StringComparison.Ordinal))).Where(x => x.At >= 0).MaxBy(x => x.At);
        return last.Word is not null && Denial.StanceAt(text, last.At) == Stance.Asserted
            && words.Any(w => text.IndexOf(w, StringComparison.Ordinal) is var first && first >= 0 && first < last.At);
    }

    /// <summary>
    /// "社保也交了", "一直在缴社会保险" said unasked: a clause naming what a how-many fact is about, with its verb done or
    /// going on and no figure or negation, says there is some of it: a lower bound, as the same words would be in answer.
    /// </summary>
    private void AddLowerBounds(string text, string? pending, Dictionary<string, FactValue> found)
    {
        string[]? clauses = null;
        foreach (var q in texts.Questions.Values.Where(q => q.About.Count > 0 && q.Fact != pending && !found.ContainsKey(q.Fact)))
        {
            if (catalog.Facts.GetValueOrDefault(q.Fact) is not { Type: FactType.Number } def)
            {
                continue;
            }

            foreach (var clause in clauses ??= text.Split(Clauses.Breaks, StringSplitOptions.RemoveEmptyEntries))
            {
                if (q.About.Any(w => clause.Contains(w, StringComparison.Ordinal)) && SaysItHappened(clause, AskedText(q.Fact, def)))
                {
                    found[q.Fact] = FactValue.OfAtLeast(LeastSome(def));
                    break;
                }
            }
        }
    }

    /// <summary>The least "some" can be: a month of a thing counted in months or years, one of a count.</summary>
    private static decimal LeastSome(FactDefinition def) =>
        def.Min is > 0 ? def.Min.Value : def.Unit == "年" ? OneMonthInYears : 1;

    private const decimal OneMonthInYears = 0.08m;

    private bool AnswerPending(Understanding u, string pending, IReadOnlyList<string> choices, Dictionary<string, FactValue> found, string? home)
    {
        if (found.ContainsKey(pending) || !catalog.Facts.TryGetValue(pending, out var def))
        {
            return found.ContainsKey(pending);
        }

        var text = u.Normalized;
        switch (def.Type)
        {
            // "为啥不行" while a yes/no question is open asks about the answer; its 不 answers nothing.
            case FactType.Bool when u.YesNo is { } yn && !u.IsAbout(Intent.AskWhyNot):
                found[pending] = FactValue.Of(yn == "yes");
                return true;
            case FactType.Bool when def.AnsweredByPlace == "province" && SameProvince(u, home) is { } same:
                // "学校在太原" to 是否在本省院校就读 from 稷山, "户口在甘肃临夏" to 是否本市户籍 in 巫山.
                found[pending] = FactValue.Of(same);
                return true;
            case FactType.Bool when AffirmsAsked(text, pending):
                // To "是否办了营业执照", "营业执照签发一年多了" says it is so without a 是.
                found[pending] = FactValue.Of(true);
                return true;
            case FactType.Enum when ChoiceKey(u, def, choices) is { } key:
                found[pending] = FactValue.OfKey(key);
                return true;
            case FactType.Number when CalendarYear(pending) && u.All(EntityKind.Date).FirstOrDefault(d => d.Subject is "" or "hired") is { } date
                && int.TryParse(date.Value.AsSpan(0, Math.Min(4, date.Value.Length)), out var year):
                // "2023年", "去年" to "招用是在哪年": the year of the date said.
                found[pending] = FactValue.Of(year);
                return true;
            case FactType.Number when u.YesNo == "no" && u.FirstNumber is null:
                // "没有", "还没交" to a how-many question: none. A yes without a figure ("是的都交了") states no number: the
                // question stays open and is asked again.
                found[pending] = FactValue.Of(0m);
                return true;
            case FactType.Number when u.FirstNumber is null && u.YesNo != "no" && (u.YesNo == "yes" || SaysItHappened(text, AskedText(pending, def))):
                // "是的都交了", "依法缴纳了社会保险": some, but not how many. Kept as a lower bound, which settles "1个月以上"
                // and leaves "6个月以上" open; the question is asked once more for the figure.
                found[pending] = FactValue.OfAtLeast(LeastSome(def));
                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// A perfective (了/过), progressive (在, 着) or 都 over the question's own verb, with no negation: to "缴纳社保几个月",
    /// "依法缴纳了社会保险", "都交了", "一直在交", "都依法交着" say it happened; "对了，…" (by the way) does not, as 对 is not what was
    /// asked about. 缴 and 交 are one verb as people say it (交社保).
    /// </summary>
    private static bool SaysItHappened(string text, string asked)
    {
        if (text.Contains('没') || text.Contains('未') || text.Contains('不'))
        {
            return false;
        }

        // "合同社保都齐了", "手续齐全": what the clause names is all in place.
        if (text.Contains("齐了", StringComparison.Ordinal) || text.Contains("齐全", StringComparison.Ordinal))
        {
            return true;
        }

        asked = asked.Replace('缴', '交');
        text = text.Replace('缴', '交');
        for (var i = 1; i < text.Length; i++)
        {
            // 交了, 交上了, 交齐了: the verb, with or without its result complement, then 了.
            var complement = i >= 2 && text[i - 1] is '上' or '好' or '完' or '齐' && asked.Contains(text[i - 2]);
            if ((text[i] is '了' or '过' or '着' && (asked.Contains(text[i - 1]) || complement)) || (text[i - 1] == '在' && asked.Contains(text[i]) && !IsNoun(text, i)))
            {
                return true;
            }

            // 都交, 都依法交: 都 over the question's verb says it was done for all of them; 已依法缴纳 that it is done.
            if (text[i - 1] is '都' or '已' && Enumerable.Range(i, Math.Min(AllReach, text.Length - i)).Any(j => asked.Contains(text[j]) && IsVerbOfAsked(text, j)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "我们给他俩买了商业意外险" to a 社保 question, "我家是低保户" to a 脱贫户 question: the answer names a look-alike of
    /// the thing asked (questions.yaml 'unlike') and not the thing itself, so there is none of it. The longest look-alike
    /// named is returned to be said back; a reply that also names what was asked (交了社保，还买了商业险) is read as usual.
    /// </summary>
    private string? Unlike(string text, string pending)
    {
        if (texts.Questions.GetValueOrDefault(pending) is not { Unlike.Count: > 0 } q)
        {
            return null;
        }

        var named = q.Unlike.Where(w => text.Contains(w, StringComparison.Ordinal)).MaxBy(w => w.Length);
        if (named is null)
        {
            return null;
        }

        var rest = text.Replace(named, "", StringComparison.Ordinal);
        return q.About.Any(w => rest.Contains(w, StringComparison.Ordinal)) ? null : named;
    }

    /// <summary>
    /// The reply states what a yes/no question asks about (its 'about' words), with no negation or doubt over it:
    /// "营业执照签发一年多了" to 是否办了营业执照, "一直依法纳税" to 是否有纳税记录.
    /// </summary>
    private bool AffirmsAsked(string text, string pending)
    {
        if (texts.Questions.GetValueOrDefault(pending) is not { About.Count: > 0 } q)
        {
            return false;
        }

        var said = q.About.Select(w => (Word: w, At: text.IndexOf(w, StringComparison.Ordinal))).Where(x => x.At >= 0).ToList();
        return said.Count > 0 && said.All(x => Denial.StanceAt(text, x.At) == Stance.Asserted && !Denial.Denies(text, x.Word))
            && !text.Contains('没') && !text.Contains('未') && !text.Contains('不') && !InProgress(text);
    }

    /// <summary>执照还在办, 正在申请, 准备注册: under way or planned, not yet so.</summary>
    private static bool InProgress(string text) =>
        text.Contains("在办", StringComparison.Ordinal) || text.Contains("正在", StringComparison.Ordinal) || text.Contains("准备", StringComparison.Ordinal)
        || text.Contains("打算", StringComparison.Ordinal) || text.Contains("还在", StringComparison.Ordinal);

    /// <summary>How far after 都 the question's verb may come: 都交, 都依法交, 都按规定交.</summary>
    private const int AllReach = 4;

    /// <summary>交 or 签 as the verb (都依法交), not a character of a noun the question also uses (都是社保局).</summary>
    private static bool IsVerbOfAsked(string text, int j) => text[j] is '交' or '签' or '缴' or '办' or '买' or '参' or '领';

    /// <summary>The reply names the open question's subject (its 'about' words in questions.yaml).</summary>
    private bool SaysWhatWasAsked(string text, string pending) =>
        texts.Questions.GetValueOrDefault(pending) is { } q && q.About.Any(word => text.Contains(word, StringComparison.Ordinal));

    /// <summary>在社保局: after 在, a place noun, not a verb in progress.</summary>
    private static bool IsNoun(string text, int i) => i + 1 < text.Length && text[i + 1] is '局' or '所' or '中' or '处' or '里';

    private string AskedText(string fact, FactDefinition def) =>
        texts.Questions.GetValueOrDefault(fact) is { } q ? string.Concat(q.Ask, q.Retry, string.Concat(q.AskByRole.Values), def.Label) : def.Label;

    private string? ChoiceKey(Understanding u, FactDefinition def, IReadOnlyList<string> choices)
    {
        if (u.Choice is { } index && index >= 1 && index <= choices.Count)
        {
            return choices[index - 1];
        }

        var text = u.Normalized;
        var labels = ChoiceLabels(def);
        var byLabel = labels.Where(kv => text.Contains(kv.Value) || (kv.Value.Contains(text) && text.Length >= 3))
            .OrderByDescending(kv => kv.Value.Length).Select(kv => kv.Key).FirstOrDefault();
        return byLabel ?? labels.Where(kv => text.Contains(kv.Key, StringComparison.OrdinalIgnoreCase)).Select(kv => kv.Key).FirstOrDefault();
    }

    /// <summary>The choices a question offers: the question bank's labels, else facts.yaml's.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ChoiceLabels(FactDefinition def) =>
        texts.Questions.TryGetValue(def.Name, out var q) && q.Choices.Count > 0 ? q.Choices : def.Values;

    private string? Unit(string fact) => catalog.Facts.GetValueOrDefault(fact)?.Unit;

    /// <summary>
    /// A number counted in 年 whose least value is a year of the calendar (招用的年份, min 2000): a length of time never
    /// answers it (不到两年 is no year), a date does (2023年, 去年).
    /// </summary>
    private bool CalendarYear(string? fact) =>
        fact is not null && catalog.Facts.GetValueOrDefault(fact) is { Unit: "年", Min: >= 1900 };
}
