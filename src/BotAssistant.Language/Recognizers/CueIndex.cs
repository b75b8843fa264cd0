using BotAssistant.Language.Entities;

namespace BotAssistant.Language.Recognizers;

/// <summary>Where cue words (合同, 留用, 毕业…) sit in one message, to tag what a number is about.</summary>
internal sealed class CueIndex(List<PhraseMatch> matches, string text)
{
    public IReadOnlyList<PhraseMatch> Matches => matches;

    /// <summary>The subject of the nearest cue ending within window chars before pos, in the same clause.</summary>
    public string Before(int pos, int window) => NearestBefore(pos, window)?.Values[0].Value ?? "";

    /// <summary>Where the cue <see cref="Before"/> reads ends, or -1 when there is none.</summary>
    public int EndBefore(int pos, int window) => NearestBefore(pos, window)?.End ?? -1;

    private PhraseMatch? NearestBefore(int pos, int window)
    {
        PhraseMatch? best = null;
        foreach (var m in matches)
        {
            if (m.End <= pos && m.End >= pos - window && SameClause(m.End, pos) && (best is null || m.End > best.Value.End))
            {
                best = m;
            }
        }

        return best;
    }

    /// <summary>The subject of a cue starting within window chars after pos.</summary>
    public string After(int pos, int window)
    {
        foreach (var m in matches)
        {
            if (m.Start >= pos && m.Start <= pos + window && SameClause(pos, m.Start))
            {
                return m.Values[0].Value;
            }
        }

        return "";
    }

    public bool SameClause(int from, int to)
    {
        for (var i = from; i < to && i < text.Length; i++)
        {
            if (Clauses.IsBreak(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Cue lists compiled once per model.</summary>
internal sealed class SubjectCues(
    PhraseMatcher durations,
    PhraseMatcher countsBefore,
    PhraseMatcher countsAfter,
    PhraseMatcher employee,
    PhraseMatcher dates,
    IReadOnlySet<string> zeroWhenNegated,
    PhraseMatcher changes,
    PhraseMatcher notFacts,
    PhraseMatcher corrections,
    PhraseMatcher beliefs)
{
    /// <summary>How far back a correction reaches for the figure it takes back.</summary>
    private const int CorrectionReach = 40;

    /// <summary>
    /// "说带了8个人就业 其实说得不准确 正式的是4个", "以为带了四个人 … 现在一共是七个人": a count with no cue of its own,
    /// said soon after a count with one that a correction word follows or a belief word (以为) marks, is that kind; the
    /// earlier count is taken back.
    /// </summary>
    public void MarkCorrections(string text, List<Entity> entities)
    {
        var words = corrections.AllMatches(text);
        var thought = beliefs.AllMatches(text);
        if (words.Count == 0 && thought.Count == 0)
        {
            return;
        }

        // 以为带了四个人: the belief stands before the figure it marks, in the same clause.
        bool Believed(Entity c) => thought.Any(t => t.End <= c.Start && !text.AsSpan(t.End, c.Start - t.End).ContainsAny(Clauses.Breaks));
        var counts = entities.Where(e => e.Kind == EntityKind.Count && e.Number is not null).OrderBy(e => e.Start).ToList();
        foreach (var later in counts.Where(c => c.Value.Length == 0))
        {
            var earlier = counts.LastOrDefault(c => c.End <= later.Start && c.Value.Length > 0 && later.Start - c.End <= CorrectionReach);
            if (earlier is not null && (words.Any(w => w.Start >= earlier.End && w.End <= later.Start) || Believed(earlier)) && entities.Contains(earlier))
            {
                entities.Remove(earlier);
                entities[entities.IndexOf(later)] = later with { Subject = earlier.Subject, Value = earlier.Value };
            }
        }
    }

    /// <summary>
    /// True when the clause holding <paramref name="at"/> says, before it, that what follows is others' word or a rule's
    /// requirement (听说, 说是, 要求): its figures are not the user's.
    /// </summary>
    public bool NotAFact(string text, IReadOnlyList<PhraseMatch> said, int at)
    {
        var start = at;
        while (start > 0 && !Clauses.IsBreak(text[start - 1]))
        {
            start--;
        }

        return said.Any(m => m.Start >= start && m.End <= at) || said.Any(m => Reports(text, m, at));
    }

    /// <summary>
    /// "听同行说企业交了失业保险 没怎么裁员的话 可以申请": what others say (a word ending in 说) goes on over the next pieces
    /// of its sentence, at most <see cref="ReportReach"/> of them, until the speaker comes back: a piece opening with 我, 俺,
    /// 咱, 这 or 那 (the speaker's own people and things) or with a word that turns to something else (另外, 哦, 对了, 还有).
    /// </summary>
    private static bool Reports(string text, PhraseMatch word, int at)
    {
        if (word.End > at || text[word.End - 1] != '说')
        {
            return false;
        }

        var pieces = 0;
        for (var i = word.End; i < at; i++)
        {
            if (Clauses.IsSentenceBreak(text[i]))
            {
                return false;
            }

            if (Clauses.IsBreak(text[i]) && !(i + 1 < text.Length && Clauses.IsBreak(text[i + 1])))
            {
                if (++pieces > ReportReach || SpeakerBack(text, i + 1))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private const int ReportReach = 2;

    private static readonly string[] TurnWords = ["另外", "对了", "还有", "其实", "不过", "但是", "可是"];

    private static bool SpeakerBack(string text, int at) =>
        at < text.Length && (text[at] is '我' or '俺' or '咱' or '这' or '那' or '哦' or '噢'
            || TurnWords.Any(w => string.CompareOrdinal(text, at, w, 0, w.Length) == 0));

    public IReadOnlyList<PhraseMatch> NotFactWords(string text) => notFacts.AllMatches(text);

    public IReadOnlySet<string> ZeroWhenNegated => zeroWhenNegated;

    /// <summary>How far before a count its change word may end: 年初参保50人, 到2022年底是45人.</summary>
    private const int ChangeReach = 6;

    /// <summary>
    /// "年初参保50人，到年底是45人": the two ends of a change, marked on the counts, when the message has one count after
    /// a start word and a later one after an end word, each in its own clause or side by side (从40人减少到36人).
    /// </summary>
    public List<Entity> MarkChange(string text, List<Entity> quantities)
    {
        var counts = quantities.Where(q => q.Kind is EntityKind.Count or EntityKind.EmployeeCount && q.Number is not null).OrderBy(q => q.Start).ToList();
        if (counts.Count < 2)
        {
            return quantities;
        }

        var words = changes.AllMatches(text);
        if (!words.Any(w => w.Values[0].Value == "from"))
        {
            return quantities;
        }

        string PhaseOf(Entity c) => words.Where(w => w.End <= c.Start && w.End >= c.Start - ChangeReach && !counts.Any(o => o.Start >= w.End && o.End <= c.Start))
            .OrderByDescending(w => w.End).Select(w => w.Values[0].Value).FirstOrDefault() ?? "";
        var from = counts.FirstOrDefault(c => PhaseOf(c) == "from");
        var to = from is null ? null : counts.FirstOrDefault(c => c.Start > from.Start && PhaseOf(c) == "to");
        if (from is null || to is null)
        {
            return quantities;
        }

        return quantities.Select(q => q == from ? q with { Phase = "from" } : q == to ? q with { Phase = "to" } : q).ToList();
    }

    public static SubjectCues From(Lexicon.SubjectsFile f, Func<string, string> normalize)
    {
        return new SubjectCues(
            Build(f.Durations, normalize),
            Build(f.CountsBefore, normalize),
            Build(f.CountsAfter, normalize),
            new PhraseMatcher(f.EmployeeCues.Select(c => (normalize(c), new PhraseValue(EntityKind.EmployeeCount, "employee")))),
            Build(f.Dates, normalize),
            f.ZeroWhenNegated.ToHashSet(StringComparer.Ordinal),
            new PhraseMatcher(f.Changes.From.Select(w => (normalize(w), new PhraseValue(EntityKind.Count, "from")))
                .Concat(f.Changes.To.Select(w => (normalize(w), new PhraseValue(EntityKind.Count, "to"))))),
            new PhraseMatcher(f.NotFacts.Select(w => (normalize(w), new PhraseValue(EntityKind.Count, "not_fact")))),
            new PhraseMatcher(f.Corrections.Select(w => (normalize(w), new PhraseValue(EntityKind.Count, "correction")))),
            new PhraseMatcher(f.Beliefs.Select(w => (normalize(w), new PhraseValue(EntityKind.Count, "belief")))));
    }

    private static PhraseMatcher Build(Dictionary<string, List<string>> map, Func<string, string> normalize) =>
        new(map.SelectMany(kv => kv.Value.Select(c => (normalize(c), new PhraseValue(EntityKind.Count, kv.Key)))));

    public CueSet Index(string text) => new(
        new CueIndex(durations.Matches(text), text),
        new CueIndex(countsBefore.Matches(text), text),
        new CueIndex(countsAfter.Matches(text), text),
        new CueIndex(employee.Matches(text), text),
        new CueIndex(dates.Matches(text), text));
}

internal sealed record CueSet(CueIndex Durations, CueIndex CountsBefore, CueIndex CountsAfter, CueIndex Employee, CueIndex Dates);
