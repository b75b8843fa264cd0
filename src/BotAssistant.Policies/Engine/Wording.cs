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
    public const string ExclusionUnknown = "{0} 和 {1} 不能重复享受，金额暂无法比较，请按实际情况选择其一";
    public const string OverCap = "，超过总额上限{0}，按{0}";

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
