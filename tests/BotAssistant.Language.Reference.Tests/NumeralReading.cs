using BotAssistant.Language.Recognizers;
using BotAssistant.Language.Segmentation;

namespace BotAssistant.Language.Reference.Tests;

/// <summary>
/// The one thing production reads from the cut: whether a Chinese numeral is inside a word (一直, 统一: not a number)
/// or stands as a number. The same rule (LexicalNumerals) is run over our cut and over jieba's, char by char.
/// </summary>
public sealed class NumeralReading
{
    public int Numerals { get; private set; }

    public int Agreed { get; private set; }

    /// <summary>Read as part of a word by us, as a number over jieba's cut.</summary>
    public List<string> WordOnlyInOurs { get; } = [];

    /// <summary>Read as a number by us, as part of a word over jieba's cut (进一步 when our dictionary lacks it).</summary>
    public List<string> WordOnlyInJieba { get; } = [];

    public double Agreement => Numerals == 0 ? 1 : (double)Agreed / Numerals;

    public static NumeralReading Run(IEnumerable<Sample> samples, Segmenter ours, bool hmm)
    {
        var r = new NumeralReading();
        foreach (var sample in samples)
        {
            var text = sample.Text;
            var mine = new bool[text.Length];
            LexicalNumerals.Mask(text, ours, mine);

            // A jieba word its dictionary does not hold (an HMM guess, an ASCII run) counts as unknown, as ours would.
            var theirSpans = JiebaReference.Cut(text, hmm);
            var theirTokens = theirSpans
                .Select(s => new Token(s.Start, s.Length, JiebaReference.InDictionary(text.Substring(s.Start, s.Length)) ? 0 : -1))
                .ToList();
            var theirs = new bool[text.Length];
            LexicalNumerals.Mask(text, theirTokens, theirs);
            for (var i = 0; i < text.Length; i++)
            {
                if (!ChineseNumerals.IsNumeral(text[i]))
                {
                    continue;
                }

                r.Numerals++;
                if (mine[i] == theirs[i])
                {
                    r.Agreed++;
                    continue;
                }

                var ourCut = Around(text, ours.Cut(text).Select(t => new Span(t.Start, t.Length)).ToList(), i);
                var line = $"{text[i]} at {i}: ours {ourCut} | jieba {Around(text, theirSpans, i)}  ({sample.Origin})";
                (mine[i] ? r.WordOnlyInOurs : r.WordOnlyInJieba).Add(line);
            }
        }

        return r;
    }

    /// <summary>The word holding char i and its neighbours.</summary>
    private static string Around(string text, List<Span> spans, int i)
    {
        var k = spans.FindIndex(s => s.Start <= i && i < s.End);
        if (k < 0)
        {
            return "?";
        }

        var from = spans[Math.Max(0, k - 1)].Start;
        var to = spans[Math.Min(spans.Count - 1, k + 1)].End;
        return Boundaries.Show(text, spans, from, to);
    }
}
