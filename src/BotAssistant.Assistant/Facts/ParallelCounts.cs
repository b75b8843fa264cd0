using BotAssistant.Language;

namespace BotAssistant.Assistant.Facts;

/// <summary>
/// "后厨招了3个 前厅2个 送外卖的1个": after a labelled hiring (后厨招了3个), clauses that are only another label and its
/// count say the same of other people, so the hires are their sum. A count after 其中, 有, 是 or with more said of it
/// (2个签了合同) is some of those counted, and an unlabelled first count (招了3个 2个…) sets up no list.
/// </summary>
public static class ParallelCounts
{
    public sealed record List(decimal Total, IReadOnlySet<Entity> Siblings);

    /// <summary>How long a label before a count may be: 前厅, 送外卖的, 搞保洁的.</summary>
    private const int MaxLabel = 6;

    private static readonly string[] NotALabel = ["其中", "当中", "有", "里", "是", "都", "还", "另", "又", "共"];

    public static IReadOnlyDictionary<Entity, List> Of(Understanding u)
    {
        var text = u.Normalized;
        var counts = u.All(EntityKind.Count).Where(c => c.Number is > 0).OrderBy(c => c.Start).ToList();
        var lists = new Dictionary<Entity, List>();
        for (var i = 0; i < counts.Count; i++)
        {
            var head = counts[i];
            if (head.Value != "hired" || !LabelledHiring(text, head))
            {
                continue;
            }

            var siblings = new HashSet<Entity>();
            var end = head.End;
            for (var j = i + 1; j < counts.Count && Sibling(u, counts[j], end); j++)
            {
                siblings.Add(counts[j]);
                end = counts[j].End;
            }

            if (siblings.Count > 0)
            {
                lists[head] = new List(head.Number!.Value + siblings.Sum(c => c.Number!.Value), siblings);
            }
        }

        return lists;
    }

    /// <summary>后厨招了3个: a label, then the hiring verb, then the count, alone in its clause.</summary>
    private static bool LabelledHiring(string text, Entity count)
    {
        var start = Clauses.StartOf(text, count.Start);
        var lead = text[start..count.Start];
        var verb = lead.LastIndexOfAny(['招', '雇', '聘']);
        return verb > 0 && verb <= MaxLabel && Clauses.EndOf(text, count.Start) == count.End;
    }

    /// <summary>前厅2个: the very next clause, a short label and the count with nothing more said.</summary>
    private static bool Sibling(Understanding u, Entity count, int previousEnd)
    {
        var text = u.Normalized;
        var start = Clauses.StartOf(text, count.Start);
        var label = text[start..count.Start];
        return count.Value == "" && start > previousEnd && text[previousEnd..start].All(Clauses.IsBreak)
            && label.Length is > 0 and <= MaxLabel && !NotALabel.Any(label.Contains)
            && Clauses.EndOf(text, count.Start) == count.End
            && !u.Entities.Any(e => e != count && e.Start >= start && e.Start < count.End);
    }
}
