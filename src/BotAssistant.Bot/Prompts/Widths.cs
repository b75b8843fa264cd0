namespace BotAssistant.Bot.Prompts;

/// <summary>
/// Folds full-width ASCII (what Chinese input methods type: "１２３", "ＡＢ", "，") and the ideographic space to
/// their half-width forms. This is the part of NFKC that prompts need, without ICU, so it behaves the same in the
/// invariant globalization mode the host runs in.
/// </summary>
public static class Widths
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int Offset = FullWidthFirst - '!';

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = text.AsSpan().IndexOfAnyInRange(FullWidthFirst, FullWidthLast);
        var space = text.IndexOf('\u3000', StringComparison.Ordinal);
        if (index < 0 && space < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= FullWidthFirst and <= FullWidthLast => (char)(c - Offset),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
    }
}
