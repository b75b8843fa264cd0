namespace BotAssistant.Language.Recognizers;

/// <summary>
/// 还有个重庆户口的大姐, 招了个应届生, 来了位退役军人: a classifier straight after a verb or 有, with no numeral before it,
/// counts one, as Chinese drops 一 there. Only a classifier whose clause goes on to name a person (a group word or a
/// person noun) is read so: 有个问题, 考了个中级 count nothing a fact needs.
/// </summary>
internal static class ImpliedOne
{
    private const string Classifiers = "个位名";

    /// <summary>What a numeral counting the person itself may be followed by: 小伙子1个, 大姐1人.</summary>
    private const string CountedBy = Classifiers + "人";

    /// <summary>What may stand right before the classifier: 有 (还有个), the perfective 了 (招了个), or a hiring verb.</summary>
    private const string Before = "有了招雇聘收来";

    /// <summary>How far into its clause the person the classifier counts may be named: 还有个35岁登记失业半年多的大哥.</summary>
    private const int NounReach = 14;

    public static List<NumberSpan> Add(string text, bool[] masked, List<NumberSpan> numbers, Func<int, int, bool> namesPersonWithin)
    {
        List<NumberSpan>? added = null;
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (!Classifiers.Contains(text[i]) || !Before.Contains(text[i - 1]) || masked[i] || masked[i - 1]
                || numbers.Any(n => n.Start <= i && i < n.End) || "月年天次星礼工半多把些".Contains(text[i + 1]))
            {
                continue;
            }

            var clauseEnd = i + 1;
            while (clauseEnd < text.Length && !(Clauses.IsBreak(text[clauseEnd]) && text[clauseEnd] != '、'))
            {
                clauseEnd++;
            }

            // 还有个登记失业的小伙子1个: the clause counts the person itself.
            var countedLater = numbers.Any(n => n.Start > i && n.End < clauseEnd && CountedBy.Contains(text[n.End]));
            if (!countedLater && namesPersonWithin(i + 1, Math.Min(clauseEnd, i + 1 + NounReach)))
            {
                (added ??= []).Add(new NumberSpan(i, 0, 1, false, false, false));
            }
        }

        if (added is null)
        {
            return numbers;
        }

        return [.. numbers.Concat(added).OrderBy(n => n.Start)];
    }
}
