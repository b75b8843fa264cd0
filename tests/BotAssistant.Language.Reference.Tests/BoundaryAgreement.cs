using System.Text;

namespace BotAssistant.Language.Reference.Tests;

/// <summary>A word as chars [Start, Start + Length) of the text that was cut.</summary>
public readonly record struct Span(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>Which gaps between two chars are counted.</summary>
public enum BoundaryScope
{
    /// <summary>Every gap between two non-space chars, the ones punctuation forces included.</summary>
    All,

    /// <summary>Only gaps between two chars both segmenters read as Han: where the dictionary and the route decide.</summary>
    HanInside,
}

/// <summary>Boundary positions one cut has that the other has too, or not. Ours is scored against jieba's.</summary>
public sealed class BoundaryTally
{
    public long Agreed { get; private set; }

    public long OursOnly { get; private set; }

    public long TheirsOnly { get; private set; }

    public double Precision => Ratio(Agreed, Agreed + OursOnly);

    public double Recall => Ratio(Agreed, Agreed + TheirsOnly);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(string text, IReadOnlyList<Span> ours, IReadOnlyList<Span> theirs, BoundaryScope scope)
    {
        var a = Boundaries.Of(text, ours);
        var b = Boundaries.Of(text, theirs);
        for (var p = 1; p < text.Length; p++)
        {
            if (!Boundaries.Counted(text, p, scope))
            {
                continue;
            }

            switch (a[p], b[p])
            {
                case (true, true): Agreed++; break;
                case (true, false): OursOnly++; break;
                case (false, true): TheirsOnly++; break;
            }
        }
    }

    public override string ToString() =>
        $"P {Precision:F4} R {Recall:F4} F1 {F1:F4} (agreed {Agreed}, ours only {OursOnly}, jieba only {TheirsOnly})";

    private static double Ratio(long n, long d) => d == 0 ? 1 : (double)n / d;
}

public static class Boundaries
{
    /// <summary>
    /// Han as both segmenters read it: jieba.NET's block regex stops at U+9FD5 and leaves out 〇, ours goes further,
    /// so only the common range counts as a decision of the dictionary.
    /// </summary>
    public static bool IsCommonHan(char c) => c is >= '\u4E00' and <= '\u9FD5';

    /// <summary>is[p] says a word starts or ends at p.</summary>
    public static bool[] Of(string text, IReadOnlyList<Span> spans)
    {
        var marks = new bool[text.Length + 1];
        marks[0] = marks[text.Length] = true;
        foreach (var s in spans)
        {
            marks[s.Start] = marks[s.End] = true;
        }

        return marks;
    }

    public static bool Counted(string text, int p, BoundaryScope scope) => scope switch
    {
        BoundaryScope.All => !char.IsWhiteSpace(text[p - 1]) && !char.IsWhiteSpace(text[p]),
        _ => IsCommonHan(text[p - 1]) && IsCommonHan(text[p]),
    };

    /// <summary>
    /// The stretches where the cuts disagree: from one boundary both have to the next, holding at least one
    /// boundary only one of them has.
    /// </summary>
    public static IEnumerable<(int Start, int End, int Disagreements)> Regions(string text, IReadOnlyList<Span> ours, IReadOnlyList<Span> theirs)
    {
        var a = Of(text, ours);
        var b = Of(text, theirs);
        var start = 0;
        var disagreements = 0;
        for (var p = 1; p <= text.Length; p++)
        {
            if (a[p] != b[p])
            {
                disagreements++;
            }
            else if (a[p])
            {
                if (disagreements > 0)
                {
                    yield return (start, p, disagreements);
                }

                start = p;
                disagreements = 0;
            }
        }
    }

    /// <summary>"a/b/c" for the words of spans inside [start, end).</summary>
    public static string Show(string text, IEnumerable<Span> spans, int start, int end)
    {
        var sb = new StringBuilder();
        foreach (var s in spans.Where(s => s.Start >= start && s.End <= end))
        {
            sb.Append(sb.Length > 0 ? "/" : "").Append(text, s.Start, s.Length);
        }

        return sb.ToString();
    }
}
