using BotAssistant.Language.Entities;

namespace BotAssistant.Language.Recognizers;

/// <summary>
/// Yes/no and choices. A yes/no word counts when the question expected one, or when it opens the
/// message as a reply (对，… / 没有。); 有 inside "有什么补贴" is not an answer. Choices: 第二个, 选3,
/// 3号, a bare number when a choice was expected, or words of one of the expected labels.
/// </summary>
internal static class AnswerRecognizer
{
    public static Entity? YesNo(string text, List<PhraseMatch> matches, ExpectedAnswer? expected)
    {
        // 有没有见习的机会, 是不是要交满一年: an A-not-A question asks; its 没有 or 不是 answers nothing.
        matches = matches.Where(m => !InAskedPair(text, m)).ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        var expectingYesNo = expected?.Kind == ExpectedKind.YesNo;
        var question = expected?.Question ?? "";

        // 好像不是吧: a negation anywhere in an expected yes/no answer outweighs a softener.
        if (expectingYesNo && matches.FirstOrDefault(m => m.Values[0].Value == "no" && Answers(text, m, question)) is { Length: > 0 } no)
        {
            return new Entity(EntityKind.YesNo, "no", null, no.Start, no.Length, text.Substring(no.Start, no.Length));
        }

        foreach (var m in matches)
        {
            var opens = m.Start == 0 && (m.End == text.Length || !Segmentation.Segmenter.IsHan(text[m.End]) || text.Length <= 4);
            if ((expectingYesNo && Answers(text, m, question)) || opens)
            {
                return new Entity(EntityKind.YesNo, m.Values[0].Value, null, m.Start, m.Length, text.Substring(m.Start, m.Length));
            }
        }

        return null;
    }

    /// <summary>X没X, X不X (有没有, 是不是, 能不能, 交没交): the phrase sits inside a question of both ways.</summary>
    private static bool InAskedPair(string text, PhraseMatch m)
    {
        for (var i = Math.Max(1, m.Start - 1); i < Math.Min(text.Length - 1, m.End + 1); i++)
        {
            if (text[i] is '没' or '不' && text[i - 1] == text[i + 1] && Segmentation.Segmenter.IsHan(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A plain answer word (是, 对, 有, 没有, 不是) answers whatever was asked. An echo of a verb (交了, 签过, 没领) answers
    /// only a question about that verb: to "是否在领失业保险金", "一共交了8个月" tells of paying, not of receiving.
    /// </summary>
    private static bool Answers(string text, PhraseMatch m, string question)
    {
        if (question.Length == 0)
        {
            return true;
        }

        var word = text.AsSpan(m.Start, m.Length);
        var stem = word.TrimStart("没未不还").TrimEnd("了过呢的");
        if (IdentitySaid(text, m) is { } said)
        {
            // "我是离校3年的大专生" to "是否事业单位的科研人员": 是 joins the speaker to what they are, which answers only
            // when it is what was asked about ("我是事业单位的").
            return SharesAWord(said, OutsideBrackets(question));
        }

        if (stem.Length == 0 || stem.Length == word.Length || PlainAnswerStems.Contains(stem.ToString()))
        {
            return true;
        }

        foreach (var c in stem)
        {
            if (question.Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What 我是/他是/这是 says someone or something is, up to the clause's end; null when 是 is not such a copula.</summary>
    private static string? IdentitySaid(string text, PhraseMatch m)
    {
        if (text.AsSpan(m.Start, m.Length) is not "是" || m.Start == 0 || !"我他她这那俺咱它".Contains(text[m.Start - 1])
            || m.End >= text.Length || !Segmentation.Segmenter.IsHan(text[m.End]))
        {
            return null;
        }

        return text[m.End..Clauses.EndOf(text, m.End)];
    }

    /// <summary>
    /// The question without its asides: "是否事业单位的科研人员（在职或离岗创业）" asks about 科研人员, so "这是第二次创业"
    /// shares no word with what is asked.
    /// </summary>
    private static string OutsideBrackets(string question)
    {
        var kept = new System.Text.StringBuilder(question.Length);
        var depth = 0;
        foreach (var c in question)
        {
            depth += c is '（' or '(' ? 1 : 0;
            if (depth == 0)
            {
                kept.Append(c);
            }

            depth -= c is '）' or ')' && depth > 0 ? 1 : 0;
        }

        return kept.ToString();
    }

    /// <summary>Whether the two texts share a two-character word: 事业 in "事业单位的" and "是否事业单位的科研人员".</summary>
    private static bool SharesAWord(string said, string question)
    {
        for (var i = 0; i + 1 < said.Length; i++)
        {
            if (Segmentation.Segmenter.IsHan(said[i]) && Segmentation.Segmenter.IsHan(said[i + 1]) && question.Contains(said.AsSpan(i, 2), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Stems that answer without naming an act: 有了, 是的, 对的, 不行, 没有.</summary>
    private static readonly HashSet<string> PlainAnswerStems = ["有", "是", "对", "行", "好", "可以", "算", "错", "清楚", "是滴"];

    private static readonly string[] OrdinalUnits = ["个", "项", "种", "类", "位", "档"];

    /// <summary>第N个 / 选N / N号 anywhere; returns the entity and masks its span for the number scanner.</summary>
    public static List<Entity> Ordinals(string text, bool[] masked)
    {
        var result = new List<Entity>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var lead = text[i] == '第' ? 1 : text[i] == '选' ? 1 : 0;
            if (lead == 0 || masked[i])
            {
                continue;
            }

            var digitEnd = i + 1;
            while (digitEnd < text.Length && (char.IsAsciiDigit(text[digitEnd]) || ChineseNumerals.IsNumeral(text[digitEnd])) && digitEnd - i <= 3)
            {
                digitEnd++;
            }

            var value = digitEnd > i + 1 ? ParseSmall(text.AsSpan(i + 1, digitEnd - i - 1)) : null;
            var unit = OrdinalUnits.FirstOrDefault(u => QuantityRecognizer.At(text, digitEnd, u));
            var ok = value is > 0 and <= 20 && (unit is not null || text[i] == '选' || digitEnd == text.Length || !Segmentation.Segmenter.IsHan(text[digitEnd]));
            if (ok)
            {
                var end = digitEnd + (unit?.Length ?? 0);
                result.Add(new Entity(EntityKind.Choice, ((int)value!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture), value, i, end - i, text[i..end]));
                Array.Fill(masked, true, i, end - i);
            }
            else if (text[i] == '第' && value is not null)
            {
                Array.Fill(masked, true, i, digitEnd - i); // 第一次, 第五条: ordinals are not quantities
            }
        }

        return result;
    }

    /// <summary>When a choice was expected: a bare number, or the label whose words the message contains.</summary>
    public static Entity? ChoiceFromExpected(string text, ExpectedAnswer expected, Func<string, string> norm)
    {
        var trimmed = text.Trim('。', '！', ' ', '，');
        var n = ParseSmall(trimmed.EndsWith('号') || trimmed.EndsWith('个') ? trimmed[..^1] : trimmed);
        if (n is >= 1 && n <= expected.ChoiceLabels.Count)
        {
            return Choice(text, (int)n.Value, 0, text.Length);
        }

        var best = (Index: -1, Len: 0, Start: 0);
        for (var i = 0; i < expected.ChoiceLabels.Count; i++)
        {
            foreach (var form in VocabularyIndex.NameForms(expected.ChoiceLabels[i], norm).Where(f => f.Length >= 1))
            {
                var at = text.IndexOf(form, StringComparison.Ordinal);
                var whole = form.Contains(trimmed, StringComparison.Ordinal) && trimmed.Length >= 2;
                if ((at >= 0 && form.Length > best.Len) || (whole && trimmed.Length > best.Len))
                {
                    best = at >= 0 ? (i, form.Length, at) : (i, trimmed.Length, text.IndexOf(trimmed, StringComparison.Ordinal));
                }
            }
        }

        return best.Index >= 0 ? Choice(text, best.Index + 1, Math.Max(0, best.Start), best.Len) : null;
    }

    private static Entity Choice(string text, int index, int start, int length)
    {
        length = Math.Min(length, text.Length - start);
        return new Entity(EntityKind.Choice, index.ToString(System.Globalization.CultureInfo.InvariantCulture), index, start, length, text.Substring(start, length));
    }

    private static decimal? ParseSmall(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || s.Length > 3)
        {
            return null;
        }

        if (int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        foreach (var c in s)
        {
            if (!ChineseNumerals.IsNumeral(c))
            {
                return null;
            }
        }

        return ChineseNumerals.Parse(null, s);
    }
}
