using System.Globalization;
using BotAssistant.Policies;

namespace BotAssistant.Web.CatalogApi;

/// <summary>Chinese names for the catalog's enums, as staff say them on the phone.</summary>
public static class Labels
{
    public static string Key(Audience a) => a.ToString().ToLowerInvariant();

    public static string Of(Audience a) => a switch
    {
        Audience.Individual => "个人",
        Audience.Employer => "企业或用人单位",
        Audience.Institution => "机构（见习基地、孵化基地、人力资源机构等）",
        _ => "不限",
    };

    public static bool TryAudience(string? raw, out Audience audience)
    {
        audience = Audience.Any;
        // Names only: Enum.TryParse would also take "1" or "99".
        return string.IsNullOrWhiteSpace(raw)
            || (raw.Trim().All(char.IsAsciiLetter) && Enum.TryParse(raw.Trim(), ignoreCase: true, out audience));
    }

    public static string Key(MaterialSource s) => s.ToString().ToLowerInvariant();

    /// <summary>Common requirements come from other places' practice and are never national law; the wording says so.</summary>
    public static string Of(MaterialSource s) => s switch
    {
        MaterialSource.Stated => "文件明确要求",
        MaterialSource.Implied => "由申请条件推知",
        _ => "各地常见要求（参考外地做法，非本文件或国家规定，以当地经办机构为准）",
    };

    public static string Key(Validity v) => v switch
    {
        Validity.InForce => "inForce",
        Validity.NotYet => "notYet",
        _ => "ended",
    };

    public static string Key(EligibilityStatus s) => s switch
    {
        EligibilityStatus.Eligible => "eligible",
        EligibilityStatus.NotEligible => "notEligible",
        _ => "undetermined",
    };

    public static string Of(EligibilityStatus s) => s switch
    {
        EligibilityStatus.Eligible => "符合条件",
        EligibilityStatus.NotEligible => "不符合条件",
        _ => "尚不能确定（缺少信息）",
    };

    public static string Key(FactType t) => t.ToString().ToLowerInvariant();

    public static string Number(decimal value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? date) => date is { } d ? AsOfDate.Format(d) : null;
}
