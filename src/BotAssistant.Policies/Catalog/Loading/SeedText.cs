using System.Text;

namespace BotAssistant.Policies.Loading;

/// <summary>
/// Compares quotes with seed documents. The seeds come from PDF conversion, so whitespace
/// (page breaks, spaces around numbers) is dropped and full-width punctuation folded to ASCII.
/// </summary>
public static class SeedText
{
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            // U+FF01–U+FF5E mirror ASCII 0x21–0x7E: （）,：；％ and full-width digits.
            sb.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
        }

        return sb.ToString();
    }

    public static bool Contains(string normalizedSeed, string quote) =>
        normalizedSeed.Contains(Normalize(quote), StringComparison.Ordinal);
}
