using System.Text.RegularExpressions;

namespace BotAssistant.Bot.Transcripts;

/// <summary>
/// Masks mainland 身份证号 (18 characters whose ISO 7064 mod 11-2 check digit is valid) and mobile numbers
/// (1[3-9] + 9 digits) before text is stored or logged. Only a valid check digit counts, so order numbers and
/// amounts of 18 digits are left alone.
/// </summary>
public static partial class PiiMasker
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string? Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var masked = IdCardPattern().Replace(text, m => IsValidIdCard(m.Value) ? MaskIdCard(m.Value) : m.Value);
        return MobilePattern().Replace(masked, m => string.Concat(m.Value.AsSpan(0, 3), "****", m.Value.AsSpan(7)));
    }

    public static bool IsValidIdCard(string candidate)
    {
        if (candidate.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                return false;
            }

            sum += (candidate[i] - '0') * Weights[i];
        }

        return char.ToUpperInvariant(candidate[17]) == CheckCharacters[sum % 11];
    }

    /// <summary>Region and birth date are personal too: only the last four characters stay.</summary>
    private static string MaskIdCard(string id) => new string('*', 14) + id[14..];

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdCardPattern();

    [GeneratedRegex(@"(?:(?<=\+?86[ -]?)|(?<![0-9]))1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex MobilePattern();
}
