using System.Globalization;

namespace BotAssistant.Language.Recognizers;

/// <summary>
/// Dates as yyyy-MM against the as-of date: 2023年6月, 2023-06, 2023.6, 23年毕业, 今年七月, 去年, 前年毕业.
/// A date with only a year gets month 01 and Precision Year.
/// </summary>
internal static class DateReader
{
    private static readonly (string Word, int Years)[] RelativeYears =
        [("大前年", -3), ("前年", -2), ("去年", -1), ("今年", 0), ("明年", 1), ("后年", 2)];

    private static readonly string[] YearFollowers = ["毕业", "底", "初", "的时候", "上半年", "下半年", "开始", "取得", "拿", "考", "注册", "办", "签"];

    public static Entity? Absolute(QuantityInput input, int k)
    {
        var text = input.Text;
        var n = input.Numbers[k];
        var raw = text.AsSpan(n.Start, n.Length);
        if (n.Arabic && raw.Length is 6 or 7 && raw[4] == '.' && n.Value is >= 1950 and < 2101)
        {
            var month = (int)Math.Round((n.Value - Math.Floor(n.Value)) * (raw.Length == 6 ? 10 : 100));
            return month is >= 1 and <= 12 ? Make(input, n.Start, n.End, (int)n.Value, month, DatePrecision.Month) : null;
        }

        if (n.Value % 1 != 0 || n.Approximate)
        {
            return null;
        }

        var year = YearOf(text, n);
        if (year is not null)
        {
            return WithMonth(input, k, year.Value);
        }

        // 仨月, 俩月 are counts of months (三个月): month names use 一…十二, never 俩 or 仨.
        var countWord = n.Length == 1 && text[n.Start] is '俩' or '仨';
        if (n.Value is >= 1 and <= 12 && !countWord && QuantityRecognizer.At(text, n.End, "月") && !QuantityRecognizer.At(text, n.End - 1, "个"))
        {
            var (relYear, relStart) = RelativeBefore(text, n.Start, input.AsOf);
            var end = n.End + (QuantityRecognizer.At(text, n.End, "月份") ? 2 : 1);
            return Make(input, relStart ?? n.Start, end, relYear ?? input.AsOf.Year, (int)n.Value, DatePrecision.Month);
        }

        return null;
    }

    /// <summary>The year a number names when it is followed by 年 (or -, /), or null.</summary>
    private static int? YearOf(string text, NumberSpan n)
    {
        if (n.Value is < 0 or > 9999)
        {
            return null; // no year has more than four digits
        }

        var v = (int)n.Value;
        var fourDigits = n.Length == 4 && v is >= 1950 and <= 2100;
        var sep = QuantityRecognizer.At(text, n.End, "年") || (n.Arabic && n.End < text.Length && text[n.End] is '-' or '/');
        if (fourDigits && sep)
        {
            return v;
        }

        if (n.Arabic && n.Length == 2 && QuantityRecognizer.At(text, n.End, "年"))
        {
            var after = n.End + 1;
            var dated = YearFollowers.Any(f => QuantityRecognizer.At(text, after, f))
                || (after < text.Length && (char.IsAsciiDigit(text[after]) || QuantityRecognizer.At(text, after, "的")));
            return dated ? 2000 + v : null;
        }

        return null;
    }

    private static Entity WithMonth(QuantityInput input, int k, int year)
    {
        var text = input.Text;
        var n = input.Numbers[k];
        var afterYear = n.End + 1;
        if (k + 1 < input.Numbers.Count)
        {
            var m = input.Numbers[k + 1];
            if (m.Start == afterYear && m.Value is >= 1 and <= 12 && m.Value % 1 == 0)
            {
                var hasYue = QuantityRecognizer.At(text, m.End, "月");
                var end = hasYue ? m.End + (QuantityRecognizer.At(text, m.End, "月份") ? 2 : 1) : m.End;
                return Make(input, n.Start, end, year, (int)m.Value, DatePrecision.Month);
            }
        }

        if (QuantityRecognizer.At(text, afterYear, "底"))
        {
            return Make(input, n.Start, afterYear + 1, year, 12, DatePrecision.Month);
        }

        return Make(input, n.Start, QuantityRecognizer.At(text, n.End, "年") ? afterYear : n.End, year, 1, DatePrecision.Year);
    }

    private static (int? Year, int? Start) RelativeBefore(string text, int pos, DateOnly asOf)
    {
        foreach (var (word, years) in RelativeYears)
        {
            if (QuantityRecognizer.At(text, pos - word.Length, word))
            {
                return (asOf.Year + years, pos - word.Length);
            }
        }

        return (null, null);
    }

    /// <summary>去年, 前年毕业, 今年年底, 上个月 with no number attached.</summary>
    public static List<Entity> Relative(string text, DateOnly asOf, CueSet cues, IReadOnlyList<Entity> taken)
    {
        var result = new List<Entity>();
        for (var i = 0; i < text.Length; i++)
        {
            if (taken.Any(e => e.Start <= i && i < e.End))
            {
                continue;
            }

            var rel = RelativeAt(text, i, asOf);
            if (rel is { } r0 && r0.End < text.Length && (char.IsAsciiDigit(text[r0.End]) || ChineseNumerals.IsNumeral(text[r0.End])))
            {
                continue; // 今年23岁: 今年 qualifies the age, it is not a date of its own
            }

            if (rel is { } r)
            {
                result.Add(Make(text, cues, r.Start, r.End, r.Date, r.Precision));
                i = r.End - 1;
            }
        }

        return result;
    }

    private static (int Start, int End, DateOnly Date, DatePrecision Precision)? RelativeAt(string text, int i, DateOnly asOf)
    {
        foreach (var (word, years) in RelativeYears)
        {
            if (QuantityRecognizer.At(text, i, word))
            {
                var end = i + word.Length;
                var y = asOf.Year + years;
                if (QuantityRecognizer.At(text, end, "年底")) return (i, end + 2, new DateOnly(y, 12, 1), DatePrecision.Month);
                if (QuantityRecognizer.At(text, end, "年初")) return (i, end + 2, new DateOnly(y, 1, 1), DatePrecision.Month);
                return (i, end, new DateOnly(y, 1, 1), DatePrecision.Year);
            }
        }

        var months = QuantityRecognizer.At(text, i, "上个月") ? -1 : QuantityRecognizer.At(text, i, "这个月") || QuantityRecognizer.At(text, i, "本月") ? 0 : (int?)null;
        if (months is { } m)
        {
            var len = QuantityRecognizer.At(text, i, "本月") ? 2 : 3;
            var d = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(m);
            return (i, i + len, d, DatePrecision.Month);
        }

        return null;
    }

    private static Entity Make(QuantityInput input, int start, int end, int year, int month, DatePrecision precision) =>
        Make(input.Text, input.Cues, start, end, new DateOnly(Math.Clamp(year, 1, 9999), month, 1), precision);

    /// <summary>How far a date reaches over a prepositional phrase to its verb: 从重庆师范大学毕业 (the clause still bounds it).</summary>
    private const int PrepositionalReach = 16;

    internal static Entity Make(string text, CueSet cues, int start, int end, DateOnly date, DatePrecision precision)
    {
        // "去年从重庆师范大学毕业的", "2023年在兰州一所学校毕业": a date before a prepositional phrase dates the verb after it,
        // with its subject between or not (2023年我从重庆一所大学毕业).
        var phrase = end < text.Length && text[end] is '我' or '他' or '她' ? end + 1 : end;
        var reach = QuantityRecognizer.At(text, phrase, "从") || QuantityRecognizer.At(text, phrase, "在") || QuantityRecognizer.At(text, phrase, "于")
            ? PrepositionalReach + phrase - end : 3;
        var subject = cues.Dates.After(end, reach) is { Length: > 0 } after ? after : cues.Dates.Before(start, 6);
        return new Entity(EntityKind.Date, date.ToString("yyyy-MM", CultureInfo.InvariantCulture), null, start, end - start, text[start..end])
        {
            Precision = precision,
            Subject = subject,
        };
    }
}
