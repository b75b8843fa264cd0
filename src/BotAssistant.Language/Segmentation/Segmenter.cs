using System.Buffers;

namespace BotAssistant.Language.Segmentation;

/// <summary>A word of the input: Start/Length index the text that was cut; WordId is -1 for unknown runs, digits and symbols.</summary>
public readonly record struct Token(int Start, int Length, int WordId)
{
    public int End => Start + Length;
}

/// <summary>
/// jieba's accurate mode without HMM. Han runs: every dictionary word starting at each position is a
/// DAG edge (walked in the trie, never materialized), and the route is the best sum of log
/// frequencies, computed right to left. Unknown-word fallback instead of HMM: consecutive single
/// chars that are not dictionary words become one token (names, rare terms stay together), ASCII
/// letters/digits runs (3.5, 30%, hr) are one token, whitespace is skipped, any other char is its own token.
/// Thread-safe: the dictionary is immutable and scratch arrays come from the shared pool per call.
/// </summary>
public sealed class Segmenter(WordDictionary dictionary)
{
    public WordDictionary Dictionary { get; } = dictionary;

    public IReadOnlyList<Token> Cut(string text)
    {
        var tokens = new List<Token>(text.Length / 2 + 1);
        Cut(text, tokens);
        return tokens;
    }

    public IReadOnlyList<string> CutToWords(string text) =>
        Cut(text).Select(t => text.Substring(t.Start, t.Length)).ToList();

    /// <summary>Appends the tokens of text to output; returns how many were added.</summary>
    public int Cut(ReadOnlySpan<char> text, List<Token> output)
    {
        var before = output.Count;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsHan(c))
            {
                var end = i + 1;
                while (end < text.Length && IsHan(text[end]))
                {
                    end++;
                }

                CutHan(text[i..end], i, output);
                i = end;
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                var end = AsciiRunEnd(text, i);
                output.Add(new Token(i, end - i, Dictionary.Find(text[i..end])));
                i = end;
            }
            else
            {
                var len = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                if (!char.IsWhiteSpace(c))
                {
                    output.Add(new Token(i, len, -1));
                }

                i += len;
            }
        }

        return output.Count - before;
    }

    internal static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or '〇';

    private static int AsciiRunEnd(ReadOnlySpan<char> text, int i)
    {
        var end = i + 1;
        while (end < text.Length)
        {
            var c = text[end];
            var digitBefore = char.IsAsciiDigit(text[end - 1]);
            if (char.IsAsciiLetterOrDigit(c)
                || (c == '.' && digitBefore && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
                || (c == '%' && digitBefore))
            {
                end++;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    private void CutHan(ReadOnlySpan<char> run, int offset, List<Token> output)
    {
        var n = run.Length;
        var score = ArrayPool<double>.Shared.Rent(n + 1);
        var next = ArrayPool<int>.Shared.Rent(n + 1);
        try
        {
            CalcRoute(run, score, next);
            EmitRoute(run, offset, next, output);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(score);
            ArrayPool<int>.Shared.Return(next);
        }
    }

    /// <summary>score[i] = best log probability of run[i..]; next[i] = end of the first word on that route.</summary>
    private void CalcRoute(ReadOnlySpan<char> run, double[] score, int[] next)
    {
        var n = run.Length;
        var trie = Dictionary.Trie;
        var unknown = -Dictionary.LogTotal;
        score[n] = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            var best = unknown + score[i + 1];
            var bestEnd = i + 1;
            var node = 0;
            for (var j = i; j < n; j++)
            {
                node = trie.Step(node, run[j]);
                if (node == 0)
                {
                    break;
                }

                var id = trie.WordAt(node);
                if (id >= 0)
                {
                    var s = Dictionary.LogFrequency(id) + score[j + 1];
                    if (s >= best)
                    {
                        best = s;
                        bestEnd = j + 1;
                    }
                }
            }

            score[i] = best;
            next[i] = bestEnd;
        }
    }

    private void EmitRoute(ReadOnlySpan<char> run, int offset, int[] next, List<Token> output)
    {
        var pending = -1; // start of a run of unknown single chars
        var i = 0;
        while (i < run.Length)
        {
            var end = next[i];
            var id = Dictionary.Trie.Find(run[i..end]);
            if (end - i == 1 && id < 0)
            {
                pending = pending < 0 ? i : pending;
            }
            else
            {
                Flush(ref pending, i, offset, output);
                output.Add(new Token(offset + i, end - i, id));
            }

            i = end;
        }

        Flush(ref pending, run.Length, offset, output);
    }

    private static void Flush(ref int pending, int end, int offset, List<Token> output)
    {
        if (pending >= 0)
        {
            output.Add(new Token(offset + pending, end - pending, -1));
            pending = -1;
        }
    }
}
