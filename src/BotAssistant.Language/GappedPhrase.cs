namespace BotAssistant.Language;

/// <summary>
/// Words of the data that may hold their two parts apart, written with ~: "减~税" matches 每年能减九千的税, "户口~迁"
/// matches 把户口从学校迁回, "入驻~孵化基地" matches 入驻了县里的孵化基地. The parts stand side by side or a few
/// characters apart within one clause; a word without ~ is matched as it is.
/// </summary>
public static class GappedPhrase
{
    public const char Gap = '~';

    /// <summary>How many characters may stand between the two parts.</summary>
    public const int MaxGap = 6;

    /// <summary>Where the tail ends when it follows <paramref name="from"/> within the gap and the clause, or -1.</summary>
    public static int TailEnd(string text, int from, string tail)
    {
        for (var k = from; k < text.Length && k <= from + MaxGap; k++)
        {
            if (string.CompareOrdinal(text, k, tail, 0, tail.Length) == 0)
            {
                return k + tail.Length;
            }

            if (Clauses.IsBreak(text[k]))
            {
                break;
            }
        }

        return -1;
    }

    /// <summary>Where the word starts in <paramref name="text"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int IndexOf(string text, string word, int from = 0)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var gap = word.IndexOf(Gap, StringComparison.Ordinal);
        if (gap < 0)
        {
            return text.IndexOf(word, from, StringComparison.Ordinal);
        }

        var (head, tail) = (word[..gap], word[(gap + 1)..]);
        for (var at = text.IndexOf(head, from, StringComparison.Ordinal); at >= 0;
             at = at + 1 >= text.Length ? -1 : text.IndexOf(head, at + 1, StringComparison.Ordinal))
        {
            if (TailEnd(text, at + head.Length, tail) >= 0)
            {
                return at;
            }
        }

        return -1;
    }

    public static bool Contains(string text, string word) => IndexOf(text, word) >= 0;
}
