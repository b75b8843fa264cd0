using System.Text;
using BotAssistant.Language.Segmentation;

namespace BotAssistant.Language.Reference.Tests;

/// <summary>Why a stretch is cut differently, tried in this order (the first that fits names it).</summary>
public enum DifferenceKind
{
    /// <summary>ASCII letters or digits in it: we keep 3.5, 30%, 2023 whole; jieba's route glues only [a-zA-Z0-9] singles.</summary>
    DigitsAndLatin,

    /// <summary>Any other non-Han char: punctuation, 〇 and the CJK chars past U+9FD5 jieba leaves out of its Han blocks.</summary>
    SymbolsAndOutOfRangeHan,

    /// <summary>Chars no dictionary word covers: we join such single chars into one token, jieba keeps them single (no HMM) or lets the HMM cut them.</summary>
    UnknownRun,

    /// <summary>jieba's HMM made a word that is in no dictionary (HMM on only).</summary>
    HmmNewWord,

    /// <summary>jieba took a word of its 350k dictionary that our 2k base dictionary lacks.</summary>
    OnlyInJiebaDictionary,

    /// <summary>We took a word that jieba's dictionary lacks (our base words; the vocabulary is in both).</summary>
    OnlyInOurDictionary,

    /// <summary>Both dictionaries hold every word on both routes: the frequencies chose differently.</summary>
    Frequencies,
}

/// <summary>Our cut against jieba's over a set of samples: boundary agreement and every differing stretch, classified.</summary>
public sealed class SegmenterComparison
{
    private const int ExamplesPerKind = 6;

    private readonly Dictionary<DifferenceKind, (int Regions, int Boundaries, List<string> Examples)> _kinds =
        Enum.GetValues<DifferenceKind>().ToDictionary(k => k, _ => (0, 0, new List<string>()));

    private SegmenterComparison(bool hmm) => Hmm = hmm;

    public bool Hmm { get; }

    public BoundaryTally All { get; } = new();

    public BoundaryTally HanInside { get; } = new();

    public int Samples { get; private set; }

    public long Chars { get; private set; }

    public int Regions(DifferenceKind kind) => _kinds[kind].Regions;

    public int DisagreeingBoundaries(DifferenceKind kind) => _kinds[kind].Boundaries;

    public IReadOnlyList<string> Examples(DifferenceKind kind) => _kinds[kind].Examples;

    public int TotalRegions => _kinds.Values.Sum(v => v.Regions);

    public static SegmenterComparison Run(IEnumerable<Sample> samples, Segmenter ours, bool hmm)
    {
        var result = new SegmenterComparison(hmm);
        foreach (var sample in samples)
        {
            var text = sample.Text;
            var tokens = ours.Cut(text);
            var ourSpans = tokens.Select(t => new Span(t.Start, t.Length)).ToList();
            var theirs = JiebaReference.Cut(text, hmm);
            result.All.Add(text, ourSpans, theirs, BoundaryScope.All);
            result.HanInside.Add(text, ourSpans, theirs, BoundaryScope.HanInside);
            result.Samples++;
            result.Chars += text.Length;
            foreach (var (start, end, disagreements) in Boundaries.Regions(text, ourSpans, theirs))
            {
                var kind = Classify(text, start, end, tokens, theirs, ours.Dictionary, hmm);
                var (regions, boundaries, examples) = result._kinds[kind];
                if (examples.Count < ExamplesPerKind)
                {
                    examples.Add($"ours {Boundaries.Show(text, ourSpans, start, end)} | jieba {Boundaries.Show(text, theirs, start, end)}  ({sample.Origin})");
                }

                result._kinds[kind] = (regions + 1, boundaries + disagreements, examples);
            }
        }

        return result;
    }

    private static DifferenceKind Classify(string text, int start, int end, IReadOnlyList<Token> ours, IReadOnlyList<Span> theirs,
        WordDictionary ourDictionary, bool hmm)
    {
        var stretch = text.AsSpan(start, end - start);
        if (stretch.ContainsAny(AsciiLettersAndDigits))
        {
            return DifferenceKind.DigitsAndLatin;
        }

        foreach (var c in stretch)
        {
            if (!Boundaries.IsCommonHan(c))
            {
                return DifferenceKind.SymbolsAndOutOfRangeHan;
            }
        }

        var ourWords = ours.Where(t => t.Start >= start && t.End <= end).ToList();
        var theirWords = theirs.Where(s => s.Start >= start && s.End <= end).Select(s => text.Substring(s.Start, s.Length)).ToList();
        if (ourWords.Any(t => t.WordId < 0 && t.Length > 1))
        {
            return DifferenceKind.UnknownRun;
        }

        if (hmm && theirWords.Any(w => w.Length > 1 && !JiebaReference.InDictionary(w)))
        {
            return DifferenceKind.HmmNewWord;
        }

        if (theirWords.Any(w => w.Length > 1 && !ourDictionary.Contains(w)))
        {
            return DifferenceKind.OnlyInJiebaDictionary;
        }

        if (ourWords.Any(t => t.Length > 1 && !JiebaReference.InDictionary(text.Substring(t.Start, t.Length))))
        {
            return DifferenceKind.OnlyInOurDictionary;
        }

        return DifferenceKind.Frequencies;
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public static string Label(DifferenceKind kind) => kind switch
    {
        DifferenceKind.DigitsAndLatin => "digits / Latin runs (3.5, 30%, 2023年)",
        DifferenceKind.SymbolsAndOutOfRangeHan => "punctuation, symbols, 〇 and Han past U+9FD5",
        DifferenceKind.UnknownRun => "chars no dictionary covers (ours joins them)",
        DifferenceKind.HmmNewWord => "HMM new word (jieba, HMM on)",
        DifferenceKind.OnlyInJiebaDictionary => "word only in jieba's dictionary",
        DifferenceKind.OnlyInOurDictionary => "word only in our dictionary",
        DifferenceKind.Frequencies => "same words known, frequencies route differently",
        _ => kind.ToString(),
    };

    /// <summary>Markdown table rows: kind, stretches and disagreeing boundaries for each comparison given.</summary>
    public static string Table(SegmenterComparison off, SegmenterComparison on)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| difference | stretches, HMM off | boundaries, HMM off | stretches, HMM on | boundaries, HMM on |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var kind in Enum.GetValues<DifferenceKind>())
        {
            sb.AppendLine($"| {Label(kind)} | {off.Regions(kind)} | {off.DisagreeingBoundaries(kind)} | {on.Regions(kind)} | {on.DisagreeingBoundaries(kind)} |");
        }

        sb.AppendLine($"| total | {off.TotalRegions} | {off.All.OursOnly + off.All.TheirsOnly} | {on.TotalRegions} | {on.All.OursOnly + on.All.TheirsOnly} |");
        return sb.ToString();
    }
}

/// <summary>A text where a catalog term's letters appear without the term being meant (和政府: 和 + 政府, not 和政).</summary>
public sealed record NotTheTerm(string Term, string Context, string Reason);

/// <summary>What a cut did with each occurrence of a catalog term.</summary>
public sealed class TermReport
{
    public int Occurrences { get; set; }

    /// <summary>Cut inside the term, with no excuse: these fail the test.</summary>
    public List<string> Broken { get; } = [];

    /// <summary>Cut inside because an overlapping vocabulary word came out whole instead (吸纳就业|见习 in 吸纳就业见习人员).</summary>
    public List<string> YieldedToOverlap { get; } = [];

    public HashSet<NotTheTerm> ExemptionsUsed { get; } = [];
}

/// <summary>Occurrences of catalog terms that a cut breaks (a boundary strictly inside the term).</summary>
public static class TermCheck
{
    /// <summary>
    /// Where two vocabulary words overlap in the text, only one of them can be a word; keeping the other whole is not a
    /// broken term. Anywhere else a boundary inside a term is, unless the text is listed as not meaning the term.
    /// </summary>
    public static TermReport Check(IEnumerable<Sample> samples, IReadOnlyList<string> terms, Func<string, IReadOnlyList<Span>> cut,
        Func<string, bool> isVocabularyWord, IReadOnlyList<NotTheTerm> notTheTerm, string who)
    {
        var report = new TermReport();
        foreach (var sample in samples)
        {
            var text = sample.Text;
            IReadOnlyList<Span>? spans = null;
            bool[]? marks = null;
            foreach (var term in terms)
            {
                for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
                {
                    spans ??= cut(text);
                    marks ??= Boundaries.Of(text, spans);
                    var end = at + term.Length;
                    if (!Enumerable.Range(at + 1, term.Length - 1).Any(p => marks[p]))
                    {
                        report.Occurrences++;
                        continue;
                    }

                    var exemption = notTheTerm.FirstOrDefault(x => x.Term == term && Covers(text, x.Context, at, end));
                    if (exemption is not null)
                    {
                        report.ExemptionsUsed.Add(exemption);
                        continue;
                    }

                    report.Occurrences++;
                    var from = spans.LastOrDefault(s => s.Start <= at).Start;
                    var to = Math.Max(spans.FirstOrDefault(s => s.End >= end).End, end);
                    var line = $"{who}: {term} cut as {Boundaries.Show(text, spans, from, to)} ({sample.Origin})";
                    var overlapping = spans.Where(s => s.Start < end && s.End > at && (s.Start < at || s.End > end));
                    if (overlapping.Any(s => isVocabularyWord(text.Substring(s.Start, s.Length))))
                    {
                        report.YieldedToOverlap.Add(line);
                    }
                    else
                    {
                        report.Broken.Add(line);
                    }
                }
            }
        }

        return report;
    }

    /// <summary>Is [at, end) inside an occurrence of context?</summary>
    private static bool Covers(string text, string context, int at, int end)
    {
        for (var c = text.IndexOf(context, Math.Max(0, end - context.Length), StringComparison.Ordinal);
             c >= 0 && c <= at;
             c = text.IndexOf(context, c + 1, StringComparison.Ordinal))
        {
            if (c + context.Length >= end)
            {
                return true;
            }
        }

        return false;
    }
}
