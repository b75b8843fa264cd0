namespace BotAssistant.Language.Lexicon;

// Shapes of the YAML files in knowledge/lexicon. Unknown keys are load errors.

public sealed class NormalizationFile
{
    /// <summary>Traditional char → simplified char.</summary>
    public Dictionary<string, string> ToSimplified { get; set; } = [];

    /// <summary>A dialect pronoun → the standard one, one char each (俺 → 我), so "俺家是脱贫户" speaks of the user.</summary>
    public Dictionary<string, string> Dialect { get; set; } = [];
}

public sealed class PlacesFile
{
    /// <summary>More names for the covered places, e.g. 重庆巫山 → 巫山.</summary>
    public Dictionary<string, List<string>> ExtraAliases { get; set; } = [];

    /// <summary>Uncovered names that contain covered places (重庆 → 巫山, 甘肃 → 平凉, 临夏).</summary>
    public Dictionary<string, List<string>> Related { get; set; } = [];

    /// <summary>Named places we do not cover.</summary>
    public List<string> Uncovered { get; set; } = [];

    /// <summary>Characters of covered names → characters that sound the same (稷 → 积, 山 → 三), for typed-by-sound names.</summary>
    public Dictionary<string, string> SoundsLike { get; set; } = [];

    /// <summary>Province → the uncovered and related names in it (江苏 → 江苏省, 苏州, 昆山), to tell 省外 from 省内.</summary>
    public Dictionary<string, List<string>> Provinces { get; set; } = [];
}

public sealed class SynonymsFile
{
    public Dictionary<string, List<string>> Groups { get; set; } = [];
    public Dictionary<string, List<string>> Topics { get; set; } = [];
    public Dictionary<string, List<string>> Materials { get; set; } = [];
    public Dictionary<string, List<string>> Roles { get; set; } = [];
}

public sealed class AnswersFile
{
    public List<string> Yes { get; set; } = [];
    public List<string> No { get; set; } = [];
    public Dictionary<string, List<string>> CertificateLevels { get; set; } = [];
    public Dictionary<string, List<string>> EnterpriseSizes { get; set; } = [];

    /// <summary>Where a placed worker went, as 职业介绍补贴 tiers it (县内, 省内县外, 省外).</summary>
    public Dictionary<string, List<string>> WorkDestinations { get; set; } = [];
}

public sealed class SubjectsFile
{
    /// <summary>Subject → cue words before a duration (合同 → contract).</summary>
    public Dictionary<string, List<string>> Durations { get; set; } = [];

    /// <summary>Subject → cue words before a count (留用 → retained).</summary>
    public Dictionary<string, List<string>> CountsBefore { get; set; } = [];

    /// <summary>Subject → cue words right after a count's unit (见习 → trainee).</summary>
    public Dictionary<string, List<string>> CountsAfter { get; set; } = [];

    /// <summary>Words before a count that make it the size of the employer (公司20个人).</summary>
    public List<string> EmployeeCues { get; set; } = [];

    /// <summary>Subjects whose negated cue means none of them (没签合同 → contract 0, 一直没裁员 → laid_off 0).</summary>
    public List<string> ZeroWhenNegated { get; set; } = [];

    /// <summary>Subject → cue words near a date (毕业 → graduation).</summary>
    public Dictionary<string, List<string>> Dates { get; set; } = [];

    /// <summary>Words that put a count at the start (年初, 原来, 从) or the end (年底, 现在, 减少到) of a change.</summary>
    public ChangeWords Changes { get; set; } = new();

    /// <summary>
    /// Words after which a clause's figures are not the user's facts: what others say (听说, 有的说, 说是) and what a rule
    /// requires (要求, 必须, 要交满).
    /// </summary>
    public List<string> NotFacts { get; set; } = [];

    /// <summary>Words that take back a figure just said and give the right one after (其实, 准确地说, 正式的是).</summary>
    public List<string> Corrections { get; set; } = [];

    /// <summary>Words that mark a figure as what the user thought (以为), which a later figure of its kind takes back.</summary>
    public List<string> Beliefs { get; set; } = [];

    /// <summary>How people are told apart in a story: 小王, 老杨, 第一个是个女娃娃.</summary>
    public PeopleWords People { get; set; } = new();
}

public sealed class PeopleWords
{
    /// <summary>Surnames that make 小X/老X a person; none that also makes a common word (小时, 老师, 小于).</summary>
    public string Surnames { get; set; } = "";

    /// <summary>Nouns for a person that a story names people by once it has introduced them (女娃娃, 小伙子, 大姐).</summary>
    public List<string> Nouns { get; set; } = [];
}

public sealed class ChangeWords
{
    public List<string> From { get; set; } = [];
    public List<string> To { get; set; } = [];
}

public sealed class IntentsFile
{
    /// <summary>Intent name → cue phrase → weight.</summary>
    public Dictionary<string, Dictionary<string, double>> Intents { get; set; } = [];

    /// <summary>Words that mark a question (吗, 呢, ？, 多少).</summary>
    public List<string> QuestionMarkers { get; set; } = [];

    /// <summary>Stronger marks of a sentence that asks (？, 多少, 能不能), to find the asks inside a long story.</summary>
    public List<string> AskingMarkers { get; set; } = [];

    /// <summary>
    /// Asking why something is not so, read from its parts: a reason word (为啥) with a negation close after it (为啥不行,
    /// 怎么没批), or a word of lacking (差, 缺) with a question word right after it (差在哪, 缺哪些).
    /// </summary>
    public WhyNotWords WhyNot { get; set; } = new();

    /// <summary>Words that put what follows as a supposition (要是, 如果, 假如): facts asked about, not told.</summary>
    public List<string> Supposing { get; set; } = [];

    /// <summary>Words that set questions aside (已经答复, 不用再查, 回头再问): the asks just before them are not asked now.</summary>
    public List<string> SetAside { get; set; } = [];
}

public sealed class WhyNotWords
{
    public List<string> Reasons { get; set; } = [];
    public List<string> Negations { get; set; } = [];
    public List<string> Lacks { get; set; } = [];
    public List<string> Questions { get; set; } = [];
}
