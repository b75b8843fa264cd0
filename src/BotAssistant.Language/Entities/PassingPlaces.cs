namespace BotAssistant.Language.Entities;

/// <summary>
/// A place is where the user is unless its clause tells of the past or of something done there: an experiential 过
/// (在北京打过工), the 是…的 past (在兰州上的大学, 在西安读的研), or a time word before it (以前在, 之前在, 曾在,
/// 当年在), or where someone is from (我是临夏人) when another place is where they are. Such places are kept as entities, marked Passing, so "在兰州上的大学，现在回平凉了" is about 平凉 and
/// "在北京打过工，能领什么" asks where they are now instead of sending them out of scope.
/// </summary>
internal static class PassingPlaces
{
    private static readonly string[] PastBefore = ["以前", "之前", "曾经", "曾", "当年", "原来", "从前", "过去"];
    private static readonly string[] PastDe = ["上的", "读的", "念的", "考的", "毕业的", "待的", "干的", "学的"];

    /// <summary>How far after the place its verb phrase reaches: 打过工, 上的大学, 读的研究生.</summary>
    private const int VerbWindow = 5;

    public static void Mark(string text, List<Entity> entities)
    {
        for (var k = 0; k < entities.Count; k++)
        {
            var e = entities[k];
            if (e.Kind is not (EntityKind.Place or EntityKind.UncoveredPlace) || !(InPastClause(text, e) || OfAnotherPerson(text, e)))
            {
                continue;
            }

            entities[k] = e with { Passing = true };
        }

        // 我是临夏人 在稷山县一家企业干人事: where someone is from gives way to where they are; alone, it is their place.
        for (var k = 0; k < entities.Count; k++)
        {
            var e = entities[k];
            if (e.Kind == EntityKind.Place && !e.Passing && IsOrigin(text, e)
                && entities.Any(o => o.Kind == EntityKind.Place && !o.Passing && o.Value != e.Value && !IsOrigin(text, o)))
            {
                entities[k] = e with { Passing = true };
            }
        }
    }

    private static readonly string[] OtherPeople = ["师傅", "老板", "朋友", "老乡", "同学", "亲戚", "同事", "老师", "大哥", "大姐", "小伙", "姑娘", "媳妇", "女婿", "客人", "客户"];

    /// <summary>
    /// "跟一个临夏的师傅学的", "巫山的老板": a place said of another person (place 的 person) is where they are from, not
    /// where the user is.
    /// </summary>
    private static bool OfAnotherPerson(string text, Entity place) =>
        place.End < text.Length && text[place.End] == '的'
        && OtherPeople.Any(p => string.CompareOrdinal(text, place.End + 1, p, 0, p.Length) == 0);

    /// <summary>我是临夏人, 我平凉人, 我老家平凉的, 老家在临夏: the place someone is from.</summary>
    private static bool IsOrigin(string text, Entity place) =>
        (place.End < text.Length && text[place.End] == '人' && place.Start > 0 && text[place.Start - 1] is '是' or '我')
        || OriginWords.Any(w => text.AsSpan(Math.Max(0, place.Start - w.Length - OriginGap), Math.Min(place.Start, w.Length + OriginGap)).Contains(w, StringComparison.Ordinal));

    /// <summary>老家, 籍贯 and where a household is registered (户口在甘肃临夏): where someone is from.</summary>
    private static readonly string[] OriginWords = ["老家", "籍贯", "户口在", "户籍在", "户口是", "户籍是"];

    /// <summary>What may stand between the word and the place: 是, 在, a province before the county (户口在甘肃临夏).</summary>
    private const int OriginGap = 3;

    private static bool InPastClause(string text, Entity place)
    {
        var (start, end) = Clause(text, place.Start, place.End);
        var before = text.AsSpan(start, place.Start - start);
        foreach (var w in PastBefore)
        {
            if (before.IndexOf(w, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        // The after-place readings need a locative in front (在/去/到/于北京…): 巫山见习补贴领过吗 asks about 巫山.
        var locative = place.Start > 0 && "在去到于".Contains(text[place.Start - 1]);
        if (!locative)
        {
            return false;
        }

        var after = text.AsSpan(place.End, Math.Min(end, place.End + VerbWindow) - place.End);
        if (after.IndexOf('过') >= 0 || (after.IndexOfAny(WorkVerbs) >= 0 && CameBackFrom(text, place.End)))
        {
            return true;
        }

        foreach (var w in PastDe)
        {
            if (after.IndexOf(w, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>打工, 干活, 上班, 工作, 做生意: working at the place, as one who came back from it did.</summary>
    private static readonly System.Buffers.SearchValues<char> WorkVerbs = System.Buffers.SearchValues.Create("打干班工做");

    /// <summary>"在义乌打了八年工 今年回来了": a place one worked at, left by a coming back said soon after it.</summary>
    private static bool CameBackFrom(string text, int from)
    {
        var window = text.Substring(from, Math.Min(ReturnReach, text.Length - from));
        return ComingBack.SaidIn(window);
    }

    /// <summary>How far after the place its coming back may be said: 在义乌打了八年工 今年回来了.</summary>
    private const int ReturnReach = 16;

    private static (int Start, int End) Clause(string text, int from, int to)
    {
        var start = from;
        while (start > 0 && !Recognizers.RatePerUnit.IsClauseBreak(text[start - 1]))
        {
            start--;
        }

        var end = to;
        while (end < text.Length && !Recognizers.RatePerUnit.IsClauseBreak(text[end]))
        {
            end++;
        }

        return (start, end);
    }
}
