namespace BotAssistant.Language.Recognizers;

/// <summary>
/// Durations in months: 6个月, 半年, 一年半, 两年多 (approximate), 一年两个月 = 14, 3周, 10天. The subject
/// comes from a cue right after (一年合同) or the nearest cue before in the same clause (社保交了7个月).
/// </summary>
internal static class DurationReader
{
    public static Entity? Read(QuantityInput input, int k)
    {
        var text = input.Text;
        var n = input.Numbers[k];
        var parsed = n.Half ? ReadHalf(text, n) : ReadUnits(input, k);
        if (parsed is not { } p)
        {
            return null;
        }

        var subject = input.Cues.Durations.After(p.End, 3) is { Length: > 0 } after
            ? after
            : LengthOfWhatFollowed(text, input.Cues.Durations.EndBefore(n.Start, 8), n.Start) ? ""
            : input.Cues.Durations.Before(n.Start, 8);
        if (subject == "employment" && QuantityRecognizer.At(text, p.End, "就"))
        {
            // "来了一个礼拜就把网店弄起来了", "干了两天就不来了": how soon something happened, not how long anyone has worked.
            subject = "";
        }

        return QuantityRecognizer.Make(EntityKind.Duration, subject, p.Months, text, n.Start, p.End, p.Approx || n.Approximate);
    }

    /// <summary>
    /// "毕业后我在家复习了两个月": a length said as V了 after 毕业后 is how long what came next lasted, not the time since
    /// the cue (毕业两年了, 毕业后已经两年了 still are).
    /// </summary>
    private static bool LengthOfWhatFollowed(string text, int cueEnd, int numberStart) =>
        cueEnd >= 0 && numberStart > cueEnd + 1 && text[numberStart - 1] == '了'
        && (QuantityRecognizer.At(text, cueEnd, "后") || QuantityRecognizer.At(text, cueEnd, "以后") || QuantityRecognizer.At(text, cueEnd, "之后"));

    private readonly record struct Parsed(decimal Months, int End, bool Approx);

    private static Parsed? ReadHalf(string text, NumberSpan n)
    {
        if (QuantityRecognizer.At(text, n.End, "年"))
        {
            return new Parsed(6, n.End + 1, false);
        }

        return QuantityRecognizer.At(text, n.End, "个月") ? new Parsed(0.5m, n.End + 2, false) : null;
    }

    private static Parsed? ReadUnits(QuantityInput input, int k)
    {
        var text = input.Text;
        var n = input.Numbers[k];
        var v = n.Value;
        var e = n.End;
        bool At(string s) => QuantityRecognizer.At(text, e, s);
        if (At("个半月")) return new Parsed(v + 0.5m, e + 3, false);
        if (At("个多月")) return new Parsed(v, e + 3, true);
        if (At("个月")) return new Parsed(v, e + 2, false);
        // 俩月, 仨月: the count word holds its 个 (仨月 = 三个月).
        if (At("月") && n.Length == 1 && text[n.Start] is '俩' or '仨') return new Parsed(v, e + 1, false);
        if (At("周") || At("个星期") || At("星期")) return new Parsed(Math.Round(v / 4.345m, 2), e + (At("个星期") ? 3 : At("星期") ? 2 : 1), false);
        if (At("天") && !At("天天")) return new Parsed(Math.Round(v / 30m, 2), e + 1, false);
        if (!At("年") || At("年级") || At("年代") || At("年前")) return null;
        if (At("年半")) return new Parsed(v * 12 + 6, e + 2, false);
        if (At("年多")) return new Parsed(v * 12, e + 2, true);
        return AddMonths(input, k, new Parsed(v * 12, e + 1, false));
    }

    /// <summary>一年两个月, 3年零2个月: a months part right after the years.</summary>
    private static Parsed AddMonths(QuantityInput input, int k, Parsed years)
    {
        if (k + 1 >= input.Numbers.Count)
        {
            return years;
        }

        var next = input.Numbers[k + 1];
        var gap = next.Start - years.End;
        var joined = gap == 0 || (gap == 1 && input.Text[years.End] is '零' or '又');
        if (!joined || next.Half)
        {
            return years;
        }

        var text = input.Text;
        var unit = QuantityRecognizer.At(text, next.End, "个多月") ? 3 : QuantityRecognizer.At(text, next.End, "个月") ? 2 : 0;
        return unit == 0 ? years : new Parsed(years.Months + next.Value, next.End + unit, unit == 3 || next.Approximate);
    }
}
