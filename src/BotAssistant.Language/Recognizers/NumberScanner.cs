namespace BotAssistant.Language.Recognizers;

/// <summary>A number found in the text, before units are attached.</summary>
internal readonly record struct NumberSpan(int Start, int Length, decimal Value, bool Approximate, bool Arabic, bool Half)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds numbers: Arabic (3, 1.5, 1,500 already joined by the normalizer), Arabic with a Chinese or
/// Latin multiplier (1.5万, 3w, 5k, 3千), Chinese numerals (十二, 两千五, 叁), 半 alone (0.5),
/// with an approximate tail (二十几, 20多, 二十来, 十余) folded in. Masked chars (inside words
/// like 一次性, 万一, topic names) are never read as numbers.
/// </summary>
internal static class NumberScanner
{
    public static List<NumberSpan> Scan(string text, bool[] masked)
    {
        var found = new List<NumberSpan>();
        var i = 0;
        while (i < text.Length)
        {
            var span = masked[i] ? null : TryRead(text, i, masked);
            if (span is { } s)
            {
                s = Signed(text, s);
                found.Add(s);
                i = Math.Max(s.End, i + 1);
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    /// <summary>
    /// "-3个", "负两个": a minus right before a number (not between two numbers, as in 3-5个 or 2023-10) makes it
    /// negative, so that the fact checks can say a count cannot be below zero instead of reading 3.
    /// </summary>
    private static NumberSpan Signed(string text, NumberSpan s)
    {
        var at = s.Start - 1;
        if (at < 0 || s.Length == 0 || text[at] is not ('-' or '负') || (at > 0 && (char.IsAsciiLetterOrDigit(text[at - 1]) || ChineseNumerals.IsNumeral(text[at - 1]))))
        {
            return s;
        }

        return s with { Start = at, Length = s.Length + 1, Value = -s.Value };
    }

    private static NumberSpan? TryRead(string text, int i, bool[] masked)
    {
        var c = text[i];
        if (char.IsAsciiDigit(c) && (i == 0 || !char.IsAsciiLetter(text[i - 1])))
        {
            return ReadArabic(text, i, masked);
        }

        if (c == '百' && i + 2 < text.Length && text[i + 1] == '分' && text[i + 2] == '之')
        {
            return null; // 百分之六十: the number is the part after 之
        }

        if (ChineseNumerals.IsNumeral(c))
        {
            return ReadChinese(text, i, masked);
        }

        if (c == '个' && ImpliedOne(text, i))
        {
            return new NumberSpan(i, 0, 1, false, false, false);
        }

        if (c == '半' && !(i > 0 && ChineseNumerals.IsNumeral(text[i - 1])))
        {
            return new NumberSpan(i, 1, 0.5m, false, false, true);
        }

        return null;
    }

    /// <summary>
    /// "招了个退役士兵", "雇个人": after a verb of taking people on, a bare 个 means one of them. Read as an empty
    /// number just before the 个 so that the 个 stays the counting unit. Other verbs (开了个店, 考了个证) count no people.
    /// </summary>
    private static bool ImpliedOne(string text, int i)
    {
        var verbAt = i >= 1 && text[i - 1] == '了' ? i - 2 : i - 1;
        return verbAt >= 0 && HiringVerbs.Contains(text[verbAt]);
    }

    private const string HiringVerbs = "招收请雇聘";

    private static NumberSpan? ReadArabic(string text, int start, bool[] masked)
    {
        var i = start;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            i++;
        }

        if (!decimal.TryParse(text.AsSpan(start, i - start), System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out var lead) || lead > ChineseNumerals.MaxValue)
        {
            return null;
        }

        var unitStart = i;
        while (i < text.Length && !masked[i] && ChineseNumerals.UnitValue(text[i]) > 0 && IsMultiplier(text, i))
        {
            i++;
        }

        var value = i > unitStart ? ChineseNumerals.Parse(lead, text.AsSpan(unitStart, i - unitStart)) : lead;
        // 3万5千: a digit with a smaller unit after the first one adds to it.
        if (value is not null && i > unitStart && i + 1 < text.Length && char.IsAsciiDigit(text[i]) && !masked[i + 1]
            && ChineseNumerals.UnitValue(text[i + 1]) is > 0 and var smaller && smaller < ChineseNumerals.UnitValue(text[i - 1])
            && (i + 2 >= text.Length || !char.IsAsciiDigit(text[i + 2])))
        {
            return WithApproxTail(text, start, i + 2, value.Value + (text[i] - '0') * smaller, arabic: true);
        }

        if (value is not null && i > unitStart && lead % 1 == 0 && AbbreviatedTail(text, i, masked) is { } tail)
        {
            // 3万5, 1千2: one digit after the unit is a tenth of it (3万5 = 35000), as 三万五 is.
            var unit = ChineseNumerals.UnitValue(text[i - 1]);
            return WithApproxTail(text, start, i + 1, value.Value + tail * unit / 10, arabic: true);
        }

        return value is null ? null : WithApproxTail(text, start, i, value.Value, arabic: true);
    }

    /// <summary>The single digit closing "3万5", "1千2", or null: not followed by another digit or unit (3万5千 is read as units).</summary>
    private static int? AbbreviatedTail(string text, int i, bool[] masked)
    {
        if (i >= text.Length || masked[i] || !(char.IsAsciiDigit(text[i]) || ChineseNumerals.IsNumeral(text[i]) && ChineseNumerals.UnitValue(text[i]) == 0))
        {
            return null;
        }

        var next = i + 1 < text.Length ? text[i + 1] : ' ';
        if (char.IsAsciiDigit(next) || ChineseNumerals.IsNumeral(next) || next is '.' or '个' or '人' or '名' or '月' or '年' or '岁' or '%')
        {
            return null;
        }

        var digit = char.IsAsciiDigit(text[i]) ? text[i] - '0' : (int)ChineseNumerals.DigitValue(text[i]);
        return digit is >= 1 and <= 9 ? digit : null;
    }

    /// <summary>w/k count as multipliers only when not part of a Latin word (3w yes, 3kg no).</summary>
    private static bool IsMultiplier(string text, int i) =>
        text[i] is not ('w' or 'k') || i + 1 >= text.Length || !char.IsAsciiLetter(text[i + 1]);

    private static NumberSpan? ReadChinese(string text, int start, bool[] masked)
    {
        var i = start;
        while (i < text.Length && !masked[i] && ChineseNumerals.IsNumeral(text[i]))
        {
            i++;
        }

        var afterFraction = start >= 2 && text[start - 2] == '分' && text[start - 1] == '之'; // 百分之百
        if (ChineseNumerals.DigitValue(text[start]) < 0 && text[start] is not ('十' or '拾') && !afterFraction)
        {
            return null; // 几万, 多少万: a unit with no digit is not a number
        }

        // 两千五一个月: the longest prefix that parses is the number, the rest starts the next one.
        var value = ChineseNumerals.Parse(null, text.AsSpan(start, i - start));
        while (value is null && i - start > 1)
        {
            i--;
            value = ChineseNumerals.Parse(null, text.AsSpan(start, i - start));
        }

        if (value is null)
        {
            return null;
        }

        var approx = ChineseNumerals.DigitValue(text[start]) > 0 && i - start == 2 && ChineseNumerals.UnitValue(text[start + 1]) == 0
            && text[start] != text[start + 1] && ChineseNumerals.DigitValue(text[start + 1]) > 0;
        var span = WithApproxTail(text, start, i, value.Value, arabic: false);
        return approx ? span with { Approximate = true } : span;
    }

    private static NumberSpan WithApproxTail(string text, int start, int end, decimal value, bool arabic)
    {
        if (end < text.Length)
        {
            var t = text[end];
            var next = end + 1 < text.Length ? text[end + 1] : '\0';
            var tail = t is '几' or '余'
                || (t == '来' && next is '岁' or '个' or '人' or '万' or '块' or '元' or '年' or '名' or '天' or '位')
                || (t == '多' && next != '少');
            if (tail)
            {
                return new NumberSpan(start, end + 1 - start, value, true, arabic, false);
            }
        }

        return new NumberSpan(start, end - start, value, false, arabic, false);
    }
}
