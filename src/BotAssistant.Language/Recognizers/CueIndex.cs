using BotAssistant.Language.Entities;

namespace BotAssistant.Language.Recognizers;

/// <summary>Where cue words (合同, 留用, 毕业…) sit in one message, to tag what a number is about.</summary>
internal sealed class CueIndex(List<PhraseMatch> matches, string text)
{
    public IReadOnlyList<PhraseMatch> Matches => matches;

    /// <summary>The subject of the nearest cue ending within window chars before pos, in the same clause.</summary>
    public string Before(int pos, int window)
    {
        PhraseMatch? best = null;
        foreach (var m in matches)
        {
            if (m.End <= pos && m.End >= pos - window && SameClause(m.End, pos) && (best is null || m.End > best.Value.End))
            {
                best = m;
            }
        }

        return best?.Values[0].Value ?? "";
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
    IReadOnlySet<string> zeroWhenNegated)
{
    public IReadOnlySet<string> ZeroWhenNegated => zeroWhenNegated;

    public static SubjectCues From(Lexicon.SubjectsFile f, Func<string, string> normalize)
    {
        return new SubjectCues(
            Build(f.Durations, normalize),
            Build(f.CountsBefore, normalize),
            Build(f.CountsAfter, normalize),
            new PhraseMatcher(f.EmployeeCues.Select(c => (normalize(c), new PhraseValue(EntityKind.EmployeeCount, "employee")))),
            Build(f.Dates, normalize),
            f.ZeroWhenNegated.ToHashSet(StringComparer.Ordinal));
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
