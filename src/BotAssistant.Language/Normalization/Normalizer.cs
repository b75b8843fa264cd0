using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace BotAssistant.Language.Normalization;

public readonly record struct NormalizedText(string Text, bool Truncated);

/// <summary>
/// Canonical text for everything downstream. Rules:
/// full-width ASCII → half-width; Latin letters lower-cased; traditional → simplified by table;
/// sentence punctuation → the Chinese full-width forms ，。？！：；(so "." stays unambiguous as a
/// decimal point); "." and "," between digits stay ASCII, and a "," between digits (1,500) is dropped;
/// brackets → ASCII (); quotes → "; whitespace runs → one space, trimmed; emoji, control and format
/// characters, lone surrogates → a space (collapsed). Output is at most maxChars long.
/// </summary>
public sealed class Normalizer
{
    private readonly FrozenDictionary<char, char> _toSimplified;
    private readonly int _maxChars;

    public Normalizer(IReadOnlyDictionary<char, char> toSimplified, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        _toSimplified = toSimplified.ToFrozenDictionary();
        _maxChars = maxChars;
    }

    public NormalizedText Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return new NormalizedText("", false);
        }

        // Scanning is bounded too, so a megabyte of spaces costs no more than a full message.
        var scanLimit = (int)Math.Min(input.Length, (long)_maxChars * 8);
        var sb = new StringBuilder(Math.Min(input.Length, _maxChars));
        var i = 0;
        for (; i < scanLimit && sb.Length < _maxChars; i++)
        {
            i += Append(sb, input, i);
        }

        var truncated = HasContentFrom(input, i);
        TrimEnd(sb);
        return new NormalizedText(sb.ToString(), truncated);
    }

    /// <summary>Appends the normalized form of input[i]; returns how many extra chars were consumed.</summary>
    private int Append(StringBuilder sb, string s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, s[i + 1]);
                if (IsEmojiOrSymbol(cp) || CharUnicodeInfo.GetUnicodeCategory(cp) is UnicodeCategory.PrivateUse)
                {
                    AppendSpace(sb);
                }
                else if (sb.Length + 2 <= _maxChars)
                {
                    sb.Append(c).Append(s[i + 1]);
                }

                return 1;
            }

            AppendSpace(sb);
            return 0;
        }

        var mapped = Map(c, s, i, sb);
        if (mapped == ' ')
        {
            AppendSpace(sb);
        }
        else if (mapped != '\0')
        {
            sb.Append(mapped);
        }

        return 0;
    }

    /// <summary>The canonical char for c; ' ' for a separator, '\0' to drop.</summary>
    private char Map(char c, string s, int i, StringBuilder sb)
    {
        if (c >= '\uFF01' && c <= '\uFF5E')
        {
            return MapAscii((char)(c - 0xFEE0), s, i, sb);
        }

        if (c < 128)
        {
            return MapAscii(c, s, i, sb);
        }

        if (_toSimplified.TryGetValue(c, out var simple))
        {
            return simple;
        }

        return c switch
        {
            '\u3000' or '\u00A0' => ' ',
            '。' or '｡' => '。',
            '【' or '〔' or '［' or '《' or '〈' => '(',
            '】' or '〕' or '］' or '》' or '〉' => ')',
            '“' or '”' or '‘' or '’' or '「' or '」' or '『' or '』' => '"',
            '～' or '〜' => '~',
            '—' or '–' or '－' => '-',
            '…' => '。',
            '％' => '%',
            _ => Classify(c),
        };
    }

    private static char Classify(char c)
    {
        if (char.IsLowSurrogate(c) || char.IsWhiteSpace(c))
        {
            return ' ';
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.EnclosingMark => '\0',
            UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol => ' ',
            _ when c is >= '\u2190' and <= '\u2BFF' => ' ',
            _ => c,
        };
    }

    private static char MapAscii(char c, string s, int i, StringBuilder sb)
    {
        if (char.IsAsciiLetterUpper(c))
        {
            return char.ToLowerInvariant(c);
        }

        if (char.IsAsciiLetterOrDigit(c) || c is '%' or '+' or '-' or '/' or '~' or '#' or '@' or '_' or '=' or '*')
        {
            return c;
        }

        var betweenDigits = sb.Length > 0 && char.IsAsciiDigit(sb[^1]) && i + 1 < s.Length && IsDigitLike(s[i + 1]);
        return c switch
        {
            '.' => betweenDigits ? '.' : '。',
            // Only an ASCII comma before a group of three digits joins a number (1,500); "3，12" lists two.
            ',' => betweenDigits && s[i] == ',' && ThreeDigitGroup(s, i + 1) ? '\0' : '，',
            '?' => '？',
            '!' => '！',
            ':' => '：',
            ';' => '；',
            '(' or '[' or '{' or '<' => '(',
            ')' or ']' or '}' or '>' => ')',
            '"' or '\'' or '`' => '"',
            _ when char.IsControl(c) || char.IsWhiteSpace(c) => ' ',
            _ => c,
        };
    }

    private static bool ThreeDigitGroup(string s, int from) =>
        from + 3 <= s.Length && IsDigitLike(s[from]) && IsDigitLike(s[from + 1]) && IsDigitLike(s[from + 2])
        && (from + 3 == s.Length || !IsDigitLike(s[from + 3]));

    private static bool IsDigitLike(char c) => char.IsAsciiDigit(c) || c is >= '\uFF10' and <= '\uFF19';

    private static bool IsEmojiOrSymbol(int cp) =>
        cp is >= 0x1F000 and <= 0x1FAFF or >= 0xE0000 and <= 0xE007F;

    private static void AppendSpace(StringBuilder sb)
    {
        if (sb.Length > 0 && sb[^1] != ' ')
        {
            sb.Append(' ');
        }
    }

    private static void TrimEnd(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }

        if (sb.Length > 0 && char.IsHighSurrogate(sb[^1]))
        {
            sb.Length--;
        }
    }

    private static bool HasContentFrom(string s, int from)
    {
        for (var j = from; j < s.Length; j++)
        {
            if (!char.IsWhiteSpace(s[j]) && !char.IsControl(s[j]))
            {
                return true;
            }
        }

        return false;
    }
}
