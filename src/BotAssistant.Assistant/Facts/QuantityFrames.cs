using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Facts;

/// <summary>
/// Several quantities of one kind in one message, each a frame of a tier word and the number it governs:
/// "省外就业6个 省内县外4个 县内5个" (placements by where they went), "考了个中级又考了个高级" (two certificates).
/// A frame's number is the one in its stretch of text, up to the next tier word; coordination (和, 又, 还, 、) joins
/// tier words into one list, an alternative (还是, 或) or an enumeration question (分别, 各) does not.
/// </summary>
public static class QuantityFrames
{
    public sealed record Frames(SplitValue Split, IReadOnlySet<Entity> Numbers);

    /// <summary>
    /// Placements per destination; one destination with its number is a frame too (省外就业6个). A destination is a tier
    /// word (县里, 省外) or a place whose tier <paramref name="tierOf"/> knows (江苏昆山 is 省外 from 稷山).
    /// </summary>
    public static Frames? Destinations(Understanding u, Func<Entity, string?> tierOf)
    {
        // "没有去县外省内的": a destination denied is no frame.
        // "明年还想…带一批人去外省": a destination of a plan is no placement made.
        // "我们是稷山县一家人力资源公司": a place said of who the speaker is is no destination either.
        var places = u.Entities.Where(e => tierOf(e) is not null).OrderBy(e => e.Start).ToList();
        var denied = DeniedWithCoordinates(u.Normalized, places);
        var named = places.Where(e => !denied.Contains(e) && !Planned(u.Normalized, e.Start)
                && !(e.Kind == EntityKind.Place && e.Start > 0 && u.Normalized[e.Start - 1] == '是') && !Origin(u.Normalized, e))
            .ToList();
        // 江苏昆山, 去了省外的 在江苏那边: a tier and a place of it, side by side or a few characters apart with no number
        // between, name one destination.
        var figures = u.Entities.Where(e => e.Number is not null).ToList();
        var tiers = named.Where((e, i) => i == 0 || !(e.Start - named[i - 1].End is >= 0 and <= SameDestinationGap
            && tierOf(named[i - 1]) == tierOf(e) && !figures.Any(n => n.Start >= named[i - 1].End && n.End <= e.Start))).ToList();
        if (tiers.Count == 0)
        {
            return null;
        }

        // A count its cue says is of something else (带了8个人就业, 招了3个) is no placement.
        var numbers = u.Entities.Where(e => e.Number is not null && e.Kind is EntityKind.Count or EntityKind.Number && e.Value is "" or "placed")
            .OrderBy(e => e.Start).ToList();
        // In a long story a list of placements is where its destinations have their numbers close by (有两个是去了省外的
        // …其余六个都在县里); when not every destination has a number, one told of elsewhere with none (明年想带一批人去
        // 外省) is not one of them.
        // The list is the story's last word on where people went: its destinations come one after another at the end.
        var close = tiers.Where(t => numbers.Any(n => Math.Abs(n.Start - t.Start) <= FrameReach)).ToList();
        var atEnd = close.Count >= 2 && close.Count < tiers.Count && tiers.IndexOf(close[0]) == tiers.Count - close.Count;
        return Placements(u.Normalized, tiers, numbers, tierOf) ?? (atEnd ? Placements(u.Normalized, close, numbers, tierOf) : null);
    }

    /// <summary>Each destination with the number after it (or, failing that, before it); null unless every one has one.</summary>
    private static Frames? Placements(string text, List<Entity> tiers, List<Entity> numbers, Func<Entity, string?> tierOf)
    {
        if (Alternatives(Around(text, tiers[0].Start, tiers[^1].End)))
        {
            return null;
        }

        var after = tiers.Select((t, i) => numbers.FirstOrDefault(n => n.Start >= t.End && n.Start < (i + 1 < tiers.Count ? tiers[i + 1].Start : int.MaxValue))).ToList();
        var before = tiers.Select((t, i) => numbers.LastOrDefault(n => n.End <= t.Start && n.Start >= (i > 0 ? tiers[i - 1].End : 0))).ToList();
        // Both ways may fit; the nearer is meant (有两个是去了省外的…其余六个都在县里: each number just before its place).
        int Distance(List<Entity?> ns) => tiers.Zip(ns, (t, n) => n is null ? int.MaxValue / 64 : Math.Abs(n.Start - t.Start)).Sum();
        // 跨省务工3人 … 另有2人到县外省内: the order may change within one list; each place then takes the nearest number
        // in its own stretch, when no two take the same.
        var nearest = tiers.Select((t, i) => numbers.Where(n => n.Start >= (i > 0 ? tiers[i - 1].End : 0) && n.End <= (i + 1 < tiers.Count ? tiers[i + 1].Start : int.MaxValue))
            .MinBy(n => Math.Abs(n.Start - t.Start)))
            .Select((n, i) => n is not null && (Math.Abs(n.Start - tiers[i].Start) <= FrameReach || Clauses.StartOf(text, n.Start) == Clauses.StartOf(text, tiers[i].Start)) ? n : null)
            .ToList();
        var fits = new[] { after, before, nearest }.Where(ns => ns.All(n => n is not null) && ns.Distinct().Count() == ns.Count).ToList();
        var chosen = fits.Count == 0 ? null : fits.MinBy(Distance);
        // One destination frames a number said with it (省外就业6个), not one clauses away (六盘山镇开了个厂 刚招了一个).
        if (chosen is null || (tiers.Count == 1 && Math.Abs(chosen[0]!.Start - tiers[0].Start) > FrameReach))
        {
            return null;
        }

        var parts = tiers.Zip(chosen, (t, n) => (Key: tierOf(t)!, Count: n!.Number!.Value))
            .GroupBy(p => p.Key).Select(g => (g.Key, g.Sum(p => p.Count))).ToList();
        return new Frames(new SplitValue(parts), chosen.OfType<Entity>().ToHashSet());
    }

    /// <summary>
    /// People of two or more kinds counted at once ("3个应届大学毕业生 2个登记失业的19岁小年轻 还有1个离校一年多的大学生",
    /// "高校毕业生2名、登记失业半年以上人员2名"): each count frames the stretch of its clause up to the next count (or back
    /// to the one before, when the counts follow their nouns), and the last group word in it is the kind, the head
    /// of its modifiers (离校一年多没工作的大学生 is a 大学生), as <paramref name="kindOf"/> reads it. Kinds said twice
    /// are added up.
    /// </summary>
    public static Frames? Groups(Understanding u, Func<Entity, IReadOnlyList<Entity>, string?> kindOf)
    {
        var counts = u.All(EntityKind.Count).Where(c => c.Number is > 0 && !SaysWhole(u.Normalized, c)).OrderBy(c => c.Start).ToList();
        var after = Frame(u, counts, kindOf, (i, text) => (counts[i].Start,
            ClauseEnd(text, counts[i].End, i + 1 < counts.Count ? counts[i + 1].Start : text.Length)));
        var before = Frame(u, counts, kindOf, (i, text) => (ClauseStart(text, counts[i].Start, i > 0 ? counts[i - 1].End : 0), counts[i].Start));
        // "还有1个40岁的 重庆户口 登记失业8个月了": a count whose own clause names no kind takes the kind said in the next
        // clauses, short of the clause of the next count (下岗失业的5个 is that count's).
        var further = Frame(u, counts, kindOf, (i, text) => (counts[i].Start,
            Math.Min(i + 1 < counts.Count ? ClauseStart(text, counts[i + 1].Start, counts[i].End) : text.Length, ClauseEnd(text, counts[i].End, text.Length) + FurtherReach)));
        var frames = after.Count == counts.Count ? after : before.Count == counts.Count ? before : Mixed(further, Mixed(after, before));
        if (frames.Select(f => f.Kind).Distinct().Count() < 2
            || Alternatives(Around(u.Normalized, frames.Min(f => f.Count.Start), frames.Max(f => f.Count.End))))
        {
            return null;
        }

        var parts = frames.GroupBy(f => f.Kind).Select(g => (g.Key, g.Sum(f => f.Count.Number!.Value))).ToList();
        return new Frames(new SplitValue(parts), frames.Select(f => f.Count).ToHashSet());
    }

    /// <summary>How far past its own clause a count may find the kind it counts.</summary>
    private const int FurtherReach = 14;

    /// <summary>
    /// Counts said both ways in one list ("大学生4个 离校一年没工作的3个 还有3个失业青年"): each count keeps the frame
    /// before it where it has one, else the one after.
    /// </summary>
    private static List<(Entity Count, string Kind)> Mixed(List<(Entity Count, string Kind)> after, List<(Entity Count, string Kind)> before)
    {
        var byCount = before.ToDictionary(f => f.Count);
        foreach (var f in after.Where(f => !byCount.ContainsKey(f.Count)))
        {
            byCount[f.Count] = f;
        }

        return byCount.Values.OrderBy(f => f.Count.Start).ToList();
    }

    private static List<(Entity Count, string Kind)> Frame(
        Understanding u, List<Entity> counts, Func<Entity, IReadOnlyList<Entity>, string?> kindOf, Func<int, string, (int From, int To)> stretchOf)
    {
        var frames = new List<(Entity Count, string Kind)>();
        for (var i = 0; i < counts.Count; i++)
        {
            var (from, to) = stretchOf(i, u.Normalized);
            var stretch = u.Entities.Where(e => e.Start >= from && e.Start < to).ToList();
            if (stretch.LastOrDefault(e => e.Kind == EntityKind.Group) is { } group && kindOf(group, stretch) is { } kind)
            {
                frames.Add((counts[i], kind));
            }
        }

        return frames;
    }

    /// <summary>
    /// 三个人都签了, 一共5个, 这3个人, 5个人：…: a count said of everyone already counted, or of all a list then counts, is the
    /// whole, not one more kind of hire.
    /// </summary>
    internal static bool SaysWhole(string text, Entity count)
    {
        var after = count.End < text.Length ? text[count.End] : '\0';
        var before = text.AsSpan(0, count.Start);
        // 还有3个都是退役军人: one more group, said with the kind they all are, not everyone again.
        var more = before.EndsWith("还有", StringComparison.Ordinal) || before.EndsWith("另外", StringComparison.Ordinal) || before.EndsWith("又", StringComparison.Ordinal);
        if (after is '：' or ':')
        {
            // 招了5个人：大学生2个…: the count a list then spells out.
            return true;
        }

        if (after is '都' or '全')
        {
            return !more && !text.AsSpan(count.End + 1).StartsWith("是", StringComparison.Ordinal);
        }

        return before.EndsWith("一共", StringComparison.Ordinal) || before.EndsWith("总共", StringComparison.Ordinal)
            || before.EndsWith("合计", StringComparison.Ordinal) || before.EndsWith("共", StringComparison.Ordinal)
            || before.EndsWith("这", StringComparison.Ordinal);
    }

    /// <summary>Where a stretch that ends at a count starts: the count before, or the start of its clause.</summary>
    private static int ClauseStart(string text, int to, int limit)
    {
        for (var i = to - 1; i >= limit; i--)
        {
            if (Clauses.IsBreak(text[i]))
            {
                return i + 1;
            }
        }

        return limit;
    }

    /// <summary>
    /// Where a count's stretch ends: the next count, or the end of its clause (a comma, a stop, a space). A 、 inside
    /// the noun phrase after a count lists its modifiers (一个本地户口、登记失业一年多的大姐), so it does not end it.
    /// </summary>
    private static int ClauseEnd(string text, int from, int limit)
    {
        for (var i = from; i < limit; i++)
        {
            if (Clauses.IsBreak(text[i]) && text[i] != '、')
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>Two or more certificate levels the user says they hold (考了中级又考了高级), one each.</summary>
    public static SplitValue? Certificates(Understanding u)
    {
        var all = u.All(EntityKind.CertificateLevel).OrderBy(e => e.Start).ToList();
        // "拿到了证 是中级的…听说初级 中级 高级给的钱不一样": levels listed one after another as the policy's tiers,
        // neither obtained before nor held after, are not the person's certificates.
        var said = all.Except(TierListings(u.Normalized, all)).ToList();
        var levels = said.Select(e => e.Value).Distinct().ToList();
        if (levels.Count < 2)
        {
            return levels.Count == 1 && said.Count < all.Count ? new SplitValue([(levels[0], 1m)]) : null;
        }

        // 还是, 或, 分别 count only where the levels are said (中级还是高级, 初级中级高级分别多少), not elsewhere in a story.
        var text = u.Normalized;
        var between = said.Zip(said.Skip(1), (a, b) => b.Start - a.End is >= 0 and <= EnumerationReach ? text[a.End..b.Start] : "");
        var after = text[said[^1].End..Math.Min(text.Length, said[^1].End + EnumerationReach)];
        if (between.Any(Alternatives) || Alternatives(after) || u.IsAbout(Intent.AskAmount) && (Enumerates(after) || between.Any(Enumerates)))
        {
            return null;
        }

        return new SplitValue(levels.Select(l => (l, 1m)).ToList());
    }

    /// <summary>How far before a level the verb that obtained it may stand: 考了个中级, 拿到了证 是中级的.</summary>
    private const int ObtainedReach = 8;

    private static readonly string[] ObtainVerbs = ["考了", "考取", "考下", "考到", "拿到", "拿了", "取得", "获得", "持有", "考过"];

    /// <summary>How close levels must stand to be one listing (初级 中级 高级, 中级和高级).</summary>
    private const int ListingGap = 1;

    private static readonly string[] HeldAfter = ["证", "有", "考", "拿"];

    /// <summary>Runs of two or more levels side by side with no verb of obtaining before them and no word of holding after.</summary>
    private static IEnumerable<Entity> TierListings(string text, List<Entity> levels)
    {
        for (var i = 0; i < levels.Count;)
        {
            var j = i + 1;
            while (j < levels.Count && levels[j].Start - levels[j - 1].End is >= 0 and <= ListingGap)
            {
                j++;
            }

            var run = levels.GetRange(i, j - i);
            var after = text[run[^1].End..Math.Min(text.Length, run[^1].End + EnumerationReach)];
            if (run.Select(e => e.Value).Distinct().Count() >= 2 && !Obtained(text, run[0]) && !HeldAfter.Any(w => after.Contains(w, StringComparison.Ordinal)))
            {
                foreach (var e in run)
                {
                    yield return e;
                }
            }

            i = j;
        }
    }

    private static bool Obtained(string text, Entity level)
    {
        var from = Math.Max(0, level.Start - ObtainedReach);
        var before = text[from..level.Start];
        var stop = before.LastIndexOfAny(['。', '！', '？', '；']);
        before = stop >= 0 ? before[(stop + 1)..] : before;
        return ObtainVerbs.Any(v => before.Contains(v, StringComparison.Ordinal));
    }

    /// <summary>How far after the last level an enumeration question may come: 初级 中级 高级 分别多少.</summary>
    private const int EnumerationReach = 6;

    /// <summary>How far from its destination a placement's number stands when a story lists them (有两个是去了省外的).</summary>
    private const int FrameReach = 10;

    /// <summary>How far apart a tier word and a place of that tier may stand and still name one destination.</summary>
    private const int SameDestinationGap = 4;

    private static readonly string[] PlanWords = ["明年", "打算", "计划", "还想", "想搞", "以后要", "准备去"];

    /// <summary>How far back in a story a plan word still governs a destination (明年还想搞劳务输出 带一批人去外省).</summary>
    private const int PlanReach = 24;

    /// <summary>A plan word in the destination's clause or the one before it (明年还想搞劳务输出 带一批人去外省).</summary>
    private static bool Planned(string text, int at)
    {
        var from = at;
        for (var breaks = 0; from > 0 && at - from < PlanReach; from--)
        {
            if (Array.IndexOf(Clauses.Breaks, text[from - 1]) >= 0 && ++breaks == 2)
            {
                break;
            }
        }

        var before = text[from..at];
        return PlanWords.Any(w => before.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>"重庆户口", "平凉籍": where a person's household is registered, not where anyone went to work.</summary>
    private static bool Origin(string text, Entity place)
    {
        var after = text.AsSpan(place.End);
        // 湖北来的, 从四川过来的: where someone came from, not where they went.
        var before = text.AsSpan(0, place.Start);
        return place.Kind is EntityKind.Place or EntityKind.UncoveredPlace
            && (after.StartsWith("户口", StringComparison.Ordinal) || after.StartsWith("户籍", StringComparison.Ordinal) || after.StartsWith("籍", StringComparison.Ordinal)
                || after.StartsWith("来的", StringComparison.Ordinal) || after.StartsWith("过来", StringComparison.Ordinal) || after.StartsWith("人", StringComparison.Ordinal)
                || before.EndsWith("从", StringComparison.Ordinal));
    }

    /// <summary>
    /// The places a negation stands before, and those joined to a denied one by a coordinator (没有县内和省内的: both
    /// denied), since a negation scopes over the whole coordinated list after it.
    /// </summary>
    private static HashSet<Entity> DeniedWithCoordinates(string text, List<Entity> ordered)
    {
        var denied = new HashSet<Entity>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            if (DeniedBefore(text, e.Start) || NoneAfter(text, e.End)
                || (i > 0 && denied.Contains(ordered[i - 1]) && Coordinator(text[Math.Min(ordered[i - 1].End, e.Start)..e.Start])))
            {
                denied.Add(e);
            }
        }

        return denied;
    }

    /// <summary>县内没有 / 省内的一个都没有: the place stated, then that none went there, closing its clause.</summary>
    private static bool NoneAfter(string text, int end)
    {
        var rest = text[end..];
        var cut = rest.IndexOfAny(Clauses.Breaks);
        rest = (cut >= 0 ? rest[..cut] : rest).TrimStart('的');
        foreach (var lead in new[] { "一个人", "一个", "一人" })
        {
            rest = rest.StartsWith(lead, StringComparison.Ordinal) ? rest[lead.Length..] : rest;
        }

        rest = rest.TrimStart('都', '也');
        // A short closing negation (没有, 没去, 没人) denies the place; a longer clause (没工作的…) says something else.
        return (rest.StartsWith('没') && rest.Length <= 3) || rest is "为零" or "是零" or "0个" or "零个";
    }

    private static bool Coordinator(string between) =>
        between.Trim() is "和" or "、" or "跟" or "与" or "及" or "以及" or "或" or "或者";

    private static bool DeniedBefore(string text, int at)
    {
        var from = Math.Max(0, at - 4);
        var before = text[from..at];
        var cut = before.LastIndexOfAny(Clauses.Breaks);
        before = cut >= 0 ? before[(cut + 1)..] : before;
        return before.Contains('没') || before.Contains("不是", StringComparison.Ordinal) || before.Contains("不在", StringComparison.Ordinal);
    }

    /// <summary>How far around the counts an alternative (还是, 或) still makes them choices rather than kinds counted.</summary>
    private const int AlternativeReach = 12;

    /// <summary>The stretch of a message the counts take, and a little around it: a long story's 还是 elsewhere is not about them.</summary>
    private static string Around(string text, int from, int to)
    {
        var start = Math.Max(0, from - AlternativeReach);
        return text[start..Math.Min(text.Length, to + AlternativeReach)];
    }

    /// <summary>中级还是高级, 初级或者中级: one of them, not both.</summary>
    private static bool Alternatives(string text) => text.Contains("还是", StringComparison.Ordinal) || text.Contains('或');

    /// <summary>初级 中级 高级 分别多少 / 各多少 / 都是多少: asks for each tier, holds none of them.</summary>
    private static bool Enumerates(string text) =>
        text.Contains("分别", StringComparison.Ordinal) || text.Contains("各", StringComparison.Ordinal) || AllAsked(text);

    /// <summary>都是多少 asks the figure of each; 都是取证后一个月内申请的 tells something of both.</summary>
    private static bool AllAsked(string text)
    {
        var at = text.IndexOf("都是", StringComparison.Ordinal);
        return at >= 0 && text.AsSpan(at + 2, Math.Min(3, text.Length - at - 2)) is var next
            && (next.StartsWith("多少", StringComparison.Ordinal) || next.StartsWith("几", StringComparison.Ordinal) || next.StartsWith("啥", StringComparison.Ordinal)
                || next.StartsWith("什么", StringComparison.Ordinal) || next.StartsWith("怎么", StringComparison.Ordinal));
    }
}
