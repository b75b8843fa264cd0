using BotAssistant.Language.Segmentation;

namespace BotAssistant.Language.Recognizers;

/// <summary>
/// Which numerals are numbers. The segmenter's dictionary decides: a numeral inside a word of the dictionary
/// (一直, 统一, 五险一金, 一次性) is part of that word, unless the word is itself a quantity (numerals followed only by
/// classifiers or units: 一年, 三个月, 两次). Reading this way, a new idiom needs a dictionary entry, as in jieba,
/// not a rule.
/// </summary>
internal static class LexicalNumerals
{
    /// <summary>Classifiers and units a quantity word may end in (一个, 三年, 两次, 五千块).</summary>
    private const string QuantityTail = "个名位人年月岁元块万千百十天周日号次届级期倍半成户口项份本张";

    public static void Mask(string text, Segmenter segmenter, bool[] masked)
    {
        var tokens = new List<Token>(text.Length / 2 + 1);
        segmenter.Cut(text, tokens);
        Mask(text, tokens, masked);
    }

    /// <summary>The same reading over any cut (a reference segmenter's, in the tests); WordId &lt; 0 marks a word no dictionary holds.</summary>
    internal static void Mask(string text, List<Token> tokens, bool[] masked)
    {
        foreach (var t in tokens)
        {
            if (t.WordId < 0 || t.Length < 2 || IsQuantityWord(text.AsSpan(t.Start, t.Length)) || !HasNumeral(text.AsSpan(t.Start, t.Length))
                || FractionPart(text, t))
            {
                continue;
            }

            Array.Fill(masked, true, t.Start, t.Length);
        }
    }

    /// <summary>百分之一, 三分之二: after 分之 the numeral is a fraction's, whatever word the segmenter made of 之一.</summary>
    private static bool FractionPart(string text, Token t) => text[t.Start] == '之' && t.Start >= 1 && text[t.Start - 1] == '分';

    private static bool HasNumeral(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (ChineseNumerals.IsNumeral(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Numerals then classifiers: 一年, 十二个月, 两次. 万一 (numerals only, but not a well-formed number) is a word.</summary>
    internal static bool IsQuantityWord(ReadOnlySpan<char> word)
    {
        var i = 0;
        while (i < word.Length && ChineseNumerals.IsNumeral(word[i]))
        {
            i++;
        }

        if (i == 0 || ChineseNumerals.Parse(null, word[..i]) is null || ChineseNumerals.DigitValue(word[0]) < 0 && word[0] != '十')
        {
            return false;
        }

        for (; i < word.Length; i++)
        {
            if (!QuantityTail.Contains(word[i]))
            {
                return false;
            }
        }

        return true;
    }
}
