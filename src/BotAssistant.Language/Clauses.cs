namespace BotAssistant.Language;

/// <summary>
/// Where a clause ends in a normalized message, and how a part is said of a whole: one definition for the readers
/// that look for a number's subject, a frame's stretch or a figure's whole.
/// </summary>
public static class Clauses
{
    /// <summary>People separate clauses with spaces as often as with commas; the normalizer has made punctuation half-width.</summary>
    public static bool IsBreak(char c) => c is '，' or '。' or '？' or '！' or '；' or '、' or ',' or '.' or '?' or '!' or ';' or ' ';

    /// <summary>The clause breaks as an array, for <see cref="string.Split(char[])"/>.</summary>
    public static readonly char[] Breaks = ['，', '。', '？', '！', '；', '、', ',', '.', '?', '!', ';', ' '];

    /// <summary>Where the clause holding <paramref name="at"/> starts: the first character after the break before it.</summary>
    public static int StartOf(string text, int at)
    {
        var start = Math.Min(at, text.Length);
        while (start > 0 && !IsBreak(text[start - 1]))
        {
            start--;
        }

        return start;
    }

    /// <summary>Where the clause holding <paramref name="at"/> ends: the break after it, or the end of the text.</summary>
    public static int EndOf(string text, int at)
    {
        var end = Math.Max(at, 0);
        while (end < text.Length && !IsBreak(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>A sentence ends at 。？！； (either width) or a line break; commas and spaces only end clauses.</summary>
    public static bool IsSentenceBreak(char c) => c is '。' or '？' or '！' or '；' or '.' or '?' or '!' or ';' or '\n';

    /// <summary>The sentence holding <paramref name="at"/>: what one statement of a long story says together.</summary>
    public static (int Start, int End) SentenceOf(string text, int at)
    {
        var start = Math.Clamp(at, 0, text.Length);
        while (start > 0 && !IsSentenceBreak(text[start - 1]))
        {
            start--;
        }

        var end = Math.Clamp(at, 0, text.Length);
        while (end < text.Length && !IsSentenceBreak(text[end]))
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>其中, 当中: what follows is some of what was just counted or summed.</summary>
    public static bool SaysPartOf(ReadOnlySpan<char> between) =>
        between.IndexOf("其中", StringComparison.Ordinal) >= 0 || between.IndexOf("当中", StringComparison.Ordinal) >= 0;
}
