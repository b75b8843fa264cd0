using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Facts;

/// <summary>
/// Trainees told in groups that served different lengths: "第一批4个 见了6个月 留下2个 第二批2个 见了3个月 留下1个",
/// "三个见习了六个月 两个见习了三个月". Each length belongs to the count said just before it, so the subsidy is paid on
/// the sum of people × months, not on one length for everybody; those kept are summed over the groups too.
/// </summary>
public static class TraineeBatches
{
    public const string PersonMonthsFact = "trainee_person_months";

    /// <summary>Asked how long the trainees served, groups with their own lengths answer it.</summary>
    public static bool AnswersLength(string? pending, IReadOnlyDictionary<string, FactValue> found) =>
        pending == "trainee_months" && found.ContainsKey(PersonMonthsFact);

    public sealed record Batches(decimal People, decimal PersonMonths, decimal? Retained, IReadOnlySet<Entity> Numbers);

    /// <summary>Counts that say who stayed, signed or left are not a group's size.</summary>
    private static readonly HashSet<string> NotAGroupsSize = new(StringComparer.Ordinal)
    {
        "retained", "signed", "laid_off", "insured", "hired", "jobs_created", "placed",
    };

    public static Batches? Read(Understanding u)
    {
        var text = u.Normalized;
        var lengths = u.All(EntityKind.Duration).Where(d => d.Value is "" or "trainee" && d.Number is > 0 && !HalfOfTheYear(text, d))
            .OrderBy(d => d.Start).ToList();
        if (lengths.Count < 2)
        {
            return null;
        }

        var counts = u.All(EntityKind.Count).Where(c => c.Number is > 0).OrderBy(c => c.Start).ToList();
        var sizes = counts.Where(c => !NotAGroupsSize.Contains(c.Value)).ToList();
        var used = new HashSet<Entity>();
        decimal people = 0, personMonths = 0;
        for (var i = 0; i < lengths.Count; i++)
        {
            var from = i == 0 ? 0 : lengths[i - 1].End;
            if (sizes.LastOrDefault(c => c.Start >= from && c.End <= lengths[i].Start) is not { } size)
            {
                return null;
            }

            used.Add(size);
            used.Add(lengths[i]);
            people += size.Number!.Value;
            personMonths += size.Number.Value * lengths[i].Number!.Value;
        }

        // "今年来了五个见习的 三个…两个…": a total said before the groups must be their sum, else the story is not of groups.
        var total = sizes.FirstOrDefault(c => c.End <= lengths[0].Start && !used.Contains(c));
        if (total is not null)
        {
            if (total.Number != people)
            {
                return null;
            }

            used.Add(total);
        }

        var kept = counts.Where(c => c.Value == "retained" && c.Start > lengths[0].Start).ToList();
        used.UnionWith(kept);
        return new Batches(people, personMonths, Retained(text, kept, lengths.Count), used);
    }

    /// <summary>
    /// One kept count after each group's length is summed; one for all of them said with 都/各/每 ("两批期满都只留了1个")
    /// is each group's; otherwise a single count is all that stayed.
    /// </summary>
    private static decimal? Retained(string text, List<Entity> kept, int groups)
    {
        if (kept.Count == groups)
        {
            return kept.Sum(k => k.Number!.Value);
        }

        if (kept is not [var one])
        {
            return null;
        }

        var clause = text.AsSpan(Clauses.StartOf(text, one.Start), one.Start - Clauses.StartOf(text, one.Start));
        return clause.IndexOfAny('都', '各', '每') >= 0 ? one.Number!.Value * groups : one.Number!.Value;
    }

    /// <summary>上半年, 下半年 name a half of the year, not how long anyone served.</summary>
    private static bool HalfOfTheYear(string text, Entity length) =>
        length.Start > 0 && text[length.Start - 1] is '上' or '下' && text.AsSpan(length.Start).StartsWith("半年");
}
