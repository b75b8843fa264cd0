using System.Text.RegularExpressions;
using BotAssistant.Assistant.Facts;
using BotAssistant.Language;
using BotAssistant.Policies;
using CsCheck;

namespace BotAssistant.Assistant.Tests;

/// <summary>
/// A reply to a how-many question yields a figure only from a figure in the text: words that state none (是的都交了,
/// 一直在交, 统一办的) never become one, and a zero needs a negation.
/// </summary>
public sealed partial class TypedAnswerPropertyTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 1);

    private static readonly string[] Words =
    [
        "是的", "都交了", "交了", "一直", "一起", "统一", "三农", "万一", "一线", "社保", "好多", "挺久", "没", "还没", "个", "月", "年",
        "公司", "按时", "每个月都", "都", "了", "，", " ", "3", "12", "两年", "半年", "五个月", "一个月", "不知道", "大概", "差不多", "几个月",
    ];

    [Theory]
    [InlineData("social_insurance_months")]
    [InlineData("hired_count")]
    [InlineData("contract_years")]
    public void A_number_answer_comes_only_from_a_number_in_the_text(string pending)
    {
        var snapshot = AssistantHarness.Knowledge.Current;
        var extractor = new FactExtractor(snapshot.Catalog, AssistantHarness.Texts);
        Gen.Int[0, Words.Length - 1].Array[1, 6].Select(ix => string.Concat(ix.Select(i => Words[i]))).Sample(text =>
        {
            var u = snapshot.Language.Understand(text, new UnderstandingContext(AsOf, ExpectedAnswer.Number(pending)));
            var facts = extractor.Extract(u, "employer", pending, [], AsOf);
            if (facts.Values.GetValueOrDefault(pending) is not NumberValue { AtLeast: false } value)
            {
                return;
            }

            if (value.Value == 0)
            {
                Assert.True(Negation().IsMatch(text), $"\"{text}\" gave {pending} = 0 without saying none");
                return;
            }

            Assert.True(Numeral().IsMatch(text), $"\"{text}\" gave {pending} = {value.Value} from no figure");
            var digits = Digits().Matches(text).Select(m => decimal.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (digits.Count > 0 && !ChineseNumeral().IsMatch(text))
            {
                Assert.True(digits.Any(d => d == value.Value || d * 12 == value.Value || Math.Round(d / 12, 2) == value.Value),
                    $"\"{text}\" gave {pending} = {value.Value}, not a figure it says");
            }
        }, iter: 2000);
    }

    [GeneratedRegex("没|未|无|零|(?<!\\d)0(?!\\d)")]
    private static partial Regex Negation();

    [GeneratedRegex("[0-9一二两三四五六七八九十百千万半]")]
    private static partial Regex Numeral();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    [GeneratedRegex("[一二两三四五六七八九十百千万半]")]
    private static partial Regex ChineseNumeral();
}
