namespace BotAssistant.Language.Recognizers;

/// <summary>Values of Chinese numerals, financial forms included (壹贰叁), and the elliptical forms 两千五 = 2500, 一万二 = 12000.</summary>
internal static class ChineseNumerals
{
    public static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' or '幺' => 1,
        '二' or '贰' or '两' or '俩' => 2,
        '三' or '叁' or '仨' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    public static long UnitValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' or 'k' => 1000,
        '万' or '萬' or 'w' => 10_000,
        '亿' => 100_000_000,
        _ => 0,
    };

    /// <summary>
    /// The largest value read as a number. Nobody asks about more than 千万亿 of anything; longer runs are
    /// digit noise (IDs, pasted tables) and capping here keeps every later ×12 or (int) safe from overflow.
    /// </summary>
    public const decimal MaxValue = 1_000_000_000_000_000m;

    public static bool IsNumeral(char c) => DigitValue(c) >= 0 || (UnitValue(c) > 0 && c is not ('k' or 'w'));

    /// <summary>Value of a run of numerals, optionally led by an Arabic number (1.5万, 3千). Null if malformed.</summary>
    public static decimal? Parse(decimal? arabicLead, ReadOnlySpan<char> numerals)
    {
        if (arabicLead is null && numerals.IndexOfAny("十拾百佰千仟万萬亿kw") < 0)
        {
            return ParseDigitString(numerals);
        }

        if (arabicLead > MaxValue)
        {
            return null;
        }

        decimal total = 0, section = 0;
        decimal? pending = arabicLead;
        long lastUnit = 0;
        var zero = false;
        foreach (var c in numerals)
        {
            var d = DigitValue(c);
            if (d == 0)
            {
                zero = true;
                continue;
            }

            if (d > 0)
            {
                if (pending is not null)
                {
                    return null; // two digits without a unit between them: 三四百 is a range, not a number we read
                }

                pending = d;
                continue;
            }

            var unit = UnitValue(c);
            if (unit >= 10_000)
            {
                section += pending ?? 0;
                total += (section == 0 ? 1 : section) * unit;
                section = 0;
            }
            else
            {
                section += (pending ?? 1) * unit;
            }

            pending = null;
            lastUnit = unit;
            zero = false;
            if (total > MaxValue || section > MaxValue)
            {
                return null;
            }
        }

        if (pending is { } p)
        {
            section += lastUnit >= 10 && !zero ? p * (lastUnit / 10) : p;
        }

        return total + section <= MaxValue ? total + section : null;
    }

    /// <summary>二零二三 = 2023; a lone digit is itself; two different digits (三四) read as the first, approximately.</summary>
    private static decimal? ParseDigitString(ReadOnlySpan<char> numerals)
    {
        if (numerals.Length is 0 or > 15)
        {
            return null; // more digits than MaxValue has
        }

        decimal value = 0;
        foreach (var c in numerals)
        {
            var d = DigitValue(c);
            if (d < 0)
            {
                return null;
            }

            value = value * 10 + d;
        }

        return numerals.Length == 2 && numerals.IndexOfAny("零〇") < 0 ? DigitValue(numerals[0]) : value;
    }
}
