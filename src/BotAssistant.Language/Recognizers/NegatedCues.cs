using BotAssistant.Language.Entities;

namespace BotAssistant.Language.Recognizers;

/// <summary>
/// Zero said by negation: "没签合同", "社保还没交", "一直没裁员", "从没留用过人". A cue of a subject that can be none
/// (subjects.yaml zero_when_negated) with a negation in front of it, or 没/未 right after it, is a zero of that subject
/// when its clause states no figure. Only 没/未/无 deny that something happened; 不 (不清楚, 不到一年) does not say none.
/// </summary>
internal static class NegatedCues
{
    public static IEnumerable<Entity> Read(string text, CueSet cues, IReadOnlySet<string> zeroable, IReadOnlyList<Entity> quantities)
    {
        foreach (var (index, kind) in new[] { (cues.CountsBefore, EntityKind.Count), (cues.Durations, EntityKind.Duration) })
        {
            foreach (var m in index.Matches)
            {
                var subject = m.Values[0].Value;
                if (!zeroable.Contains(subject) || !Negated(text, m) || quantities.Any(q => q.Value == subject || Overlaps(index, q, m, text)))
                {
                    continue;
                }

                yield return new Entity(kind, subject, 0, m.Start, m.Length, text.Substring(m.Start, m.Length));
            }
        }
    }

    /// <summary>A figure in the clause states how much; 另一个 (one of the people, QuantityRecognizer.OneOfSome) does not.</summary>
    private static bool Overlaps(CueIndex index, Entity q, PhraseMatch m, string text) =>
        q.Number is not null && !(q.Number == 1 && QuantityRecognizer.OneOfSome(text, q.Start))
        && index.SameClause(Math.Min(q.Start, m.Start), Math.Max(q.End, m.End));

    /// <summary>How far before a cue "才" and the later time it waits for may stand: 试用期过了公司才统一给上保险.</summary>
    private const int NotYetReach = 12;

    /// <summary>
    /// 试用期过了才上保险, 转正以后才签合同: what happens only after a time still to come has not happened yet, a none
    /// now as much as 还没交 is.
    /// </summary>
    private static bool NotYet(string text, PhraseMatch m)
    {
        var from = m.Start;
        while (from > 0 && m.Start - from < NotYetReach && !RatePerUnit.IsClauseBreak(text[from - 1]))
        {
            from--;
        }

        var before = text.AsSpan(from, m.Start - from);
        var cai = before.LastIndexOf('才');
        if (cai <= 0)
        {
            return false;
        }

        // 过了试用期才上的保险, 才交了: 的 and 了 tell it as done by now.
        if (before[cai..].IndexOfAny('的', '了') >= 0 || text.AsSpan(m.End, Math.Min(2, text.Length - m.End)).IndexOfAny('的', '了') >= 0)
        {
            return false;
        }

        var waited = before[..cai];
        return waited.Contains("过了", StringComparison.Ordinal) || waited.Contains("以后", StringComparison.Ordinal)
            || waited.Contains("之后", StringComparison.Ordinal) || waited.Contains("满了", StringComparison.Ordinal)
            || waited.Contains("转正", StringComparison.Ordinal) || waited.StartsWith("等", StringComparison.Ordinal);
    }

    private static bool Negated(string text, PhraseMatch m)
    {
        if (NotYet(text, m))
        {
            return true;
        }

        for (var i = m.Start - 1; i >= 0 && i >= m.Start - 4; i--)
        {
            if (RatePerUnit.IsClauseBreak(text[i]))
            {
                break;
            }

            if (text[i] is '没' or '未' or '无')
            {
                return !Earlier(text, i);
            }
        }

        for (var i = m.End; i < text.Length && i <= m.End + 2; i++)
        {
            if (RatePerUnit.IsClauseBreak(text[i]))
            {
                break;
            }

            if (text[i] is '没' or '未' && !ChangeAfter(text, i + 1))
            {
                return !Earlier(text, i);
            }
        }

        return false;
    }

    private static readonly string[] EarlierWords = ["以前", "之前", "以往", "原先", "过去"];

    /// <summary>
    /// "以前没开过店", "之前没交过社保": a negation of the time before now tells what came before (this is the first
    /// business), not that what there is now is none. 从来没 (never) is not of this kind.
    /// </summary>
    private static bool Earlier(string text, int negation)
    {
        var start = negation;
        while (start > 0 && !RatePerUnit.IsClauseBreak(text[start - 1]) && text[start - 1] != ' ')
        {
            start--;
        }

        var before = text.AsSpan(start, negation - start);
        foreach (var w in EarlierWords)
        {
            if (before.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"参保人数没变", "人数没少": a change denied, not the thing itself (the firm did insure its staff).</summary>
    private static bool ChangeAfter(string text, int i) => i < text.Length && text[i] is '变' or '少' or '减' or '增' or '多' or '动';
}
