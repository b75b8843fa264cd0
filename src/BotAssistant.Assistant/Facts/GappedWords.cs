using BotAssistant.Language;

namespace BotAssistant.Assistant.Facts;

/// <summary>
/// Words of the dialog data that may hold their two parts apart: "户口~迁" matches 把户口从学校迁回, "入驻~孵化基地" matches
/// 入驻了县里的孵化基地. The parts stand a few characters apart within one clause; a word without ~ is matched as it is.
/// </summary>
public static class GappedWords
{
    public const char Gap = '~';

    /// <summary>How many characters may stand between the two parts.</summary>
    private const int MaxGap = 6;

    /// <summary>Where the word starts in <paramref name="text"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int IndexOf(string text, string word, int from = 0)
    {
        var gap = word.IndexOf(Gap, StringComparison.Ordinal);
        if (gap < 0)
        {
            return from >= text.Length ? -1 : text.IndexOf(word, from, StringComparison.Ordinal);
        }

        var (head, tail) = (word[..gap], word[(gap + 1)..]);
        for (var at = from >= text.Length ? -1 : text.IndexOf(head, from, StringComparison.Ordinal); at >= 0;
             at = at + 1 >= text.Length ? -1 : text.IndexOf(head, at + 1, StringComparison.Ordinal))
        {
            for (var k = at + head.Length; k < text.Length && k <= at + head.Length + MaxGap && !Clauses.IsBreak(text[k]); k++)
            {
                if (string.CompareOrdinal(text, k, tail, 0, tail.Length) == 0)
                {
                    return at;
                }
            }
        }

        return -1;
    }

    public static bool Contains(string text, string word) => IndexOf(text, word) >= 0;
}
