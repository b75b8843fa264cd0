namespace BotAssistant.Language.Recognizers;

/// <summary>
/// "每人", "一个月给多少", "一人补多少": a number that names the unit of a rate, not a quantity of the user's
/// situation. Two frames: the number follows 每/平均 ("每个人"); or it is a one with a classifier and the clause goes on
/// to ask or state what is paid per that unit (多少, 几, 给, 补, 发, 奖, 能), with nothing before it saying what is
/// counted (招了一个人能拿多少 counts a hire; 一个人能拿多少 asks a rate).
/// </summary>
internal static class RatePerUnit
{
    private const string Distributive = "每";
    private const string PaidVerbs = "给补发奖能可贷减有";
    private const string StrongVerbs = "给补发奖几按";
    private const string UnitChars = "个人名位月年天周次户";

    public static bool Names(QuantityInput input, NumberSpan n)
    {
        var text = input.Text;
        if (n.Start >= 1 && Distributive.Contains(text[n.Start - 1]))
        {
            return true;
        }

        if (n.Value != 1 || n.Arabic || n.Length != 1)
        {
            return false;
        }

        // The second unit of a rate (一个人一个月能给多少): the first one already named it.
        var before = text.AsSpan(0, n.Start);
        if (before.EndsWith("一个人", StringComparison.Ordinal) || before.EndsWith("一人", StringComparison.Ordinal)
            || before.EndsWith("每人", StringComparison.Ordinal) || before.EndsWith("每个人", StringComparison.Ordinal))
        {
            return true;
        }

        var end = n.End;
        var unitEnd = end;
        while (unitEnd < text.Length && unitEnd - end < 2 && UnitChars.Contains(text[unitEnd]))
        {
            unitEnd++;
        }

        if (unitEnd == end)
        {
            return false;
        }

        // Right after the unit, what is paid per it: 一个月多少, 一个人给, 一年补几个月 — a rate whatever came before.
        if (unitEnd < text.Length && (StrongVerbs.Contains(text[unitEnd]) || QuantityRecognizer.At(text, unitEnd, "多少")))
        {
            return true;
        }

        // 一个人一个月能给多少, 一人每月补多少: a second unit of the same rate, then what is paid per both.
        var second = unitEnd;
        if (second < text.Length && text[second] is '一' or '每')
        {
            var k = second + 1;
            while (k < text.Length && k - second <= 2 && UnitChars.Contains(text[k]))
            {
                k++;
            }

            if (k > second + 1 && PaidSoon(text, k))
            {
                return true;
            }
        }

        if (input.Cues.CountsBefore.Before(n.Start, 6) != "" || input.Cues.Durations.Before(n.Start, 6) != "")
        {
            return false;
        }

        // A little later in the same clause: 一个人能拿多少, 一年最多贷多少.
        for (var i = unitEnd; i < text.Length && i < unitEnd + 3; i++)
        {
            if (IsClauseBreak(text[i]))
            {
                return false;
            }

            if (PaidVerbs.Contains(text[i]) || text[i] == '几' || QuantityRecognizer.At(text, i, "多少") || QuantityRecognizer.At(text, i, "最"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What is paid, within three characters of its clause: 能给多少, 补几个月, 最多.</summary>
    private static bool PaidSoon(string text, int from)
    {
        for (var i = from; i < text.Length && i < from + 3; i++)
        {
            if (IsClauseBreak(text[i]))
            {
                return false;
            }

            if (PaidVerbs.Contains(text[i]) || text[i] == '几' || QuantityRecognizer.At(text, i, "多少") || QuantityRecognizer.At(text, i, "最"))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsClauseBreak(char c) => c is '，' or '。' or '？' or '！' or '；' or '、' or ',' or '.' or '?' or '!' or ';' or ' ';
}
