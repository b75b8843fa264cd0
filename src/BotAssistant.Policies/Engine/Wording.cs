namespace BotAssistant.Policies;

/// <summary>
/// The few Chinese connecting words the engine produces, in one place so the assistant
/// layer can restate them. Everything else comes from the knowledge files.
/// </summary>
internal static class Wording
{
    public const string Or = "或";
    public const string And = "，并且";
    public const string NotPrefix = "不满足：";
    public const string Unknown = "未知";
    public const string YourValue = "您的{0}：{1}";
    public const string WhatIfEligible = "如果{0}，可以申请";
    public const string WhatIfPossible = "如果{0}，有可能申请（还需核实其他条件）";
    public const string InForceUntil = "执行期至{0}";
    public const string InForceOpen = "文件未规定截止日期";
    public const string Ended = "执行期至{0}，已于该日结束";
    public const string NotYet = "自{0}起执行，尚未开始";
    public const string Exclusion = "{0} {1} 高于 {2} {3}，两者不能重复享受，建议申请前者";
    public const string ExclusionEqual = "{0} {1} 与 {2} {3} 金额相同，两者不能重复享受，建议申请前者";
    public const string TierShortOf = "{0}（未达到{1}）";
    public const string ExclusionUnknown = "{0} 和 {1} 不能重复享受，金额暂无法比较，请按实际情况选择其一";
    public const string OverCap = "，超过总额上限{0}，按{0}";

    /// <summary>How a yes/no fact's label asks its question ("是否退役军人", "招用人员是否本市户籍").</summary>
    public const string Whether = "是否";
    public const string Is = "是";
    public const string IsNot = "不是";

    /// <summary>
    /// Openings after which "是否" already reads as a statement once dropped ("是否有纳税记录" → "有纳税记录"), each with
    /// its negation ("没有纳税记录"); any other remainder is a noun phrase, stated with 是/不是.
    /// </summary>
    public static readonly (string Opening, string Negated)[] StatementOpenings =
    [
        ("正在", "未在"), ("有", "没有"), ("已", "未"), ("被", "未被"), ("为", "不是"), ("是", "不是"), ("在", "不在"),
        ("到", "未到"), ("因", "并非因"), ("通过", "未通过"), ("参加", "未参加"), ("面临", "未面临"), ("获评", "未获评"),
    ];

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
