using CsCheck;

namespace BotAssistant.Language.Tests;

/// <summary>Whatever arrives from a channel, Understand returns, bounded, with entity spans inside the text.</summary>
public class PropertyTests
{
    private static readonly Gen<char> AnyChar = Gen.Char[char.MinValue, char.MaxValue];

    private static readonly Gen<char> Mixed = Gen.OneOf(
        Gen.Char['\u4E00', '\u9FA5'],
        Gen.Const("一两万半岁年月个元%第是不没平凉补贴").SelectMany(s => Gen.Int[0, s.Length - 1].Select(i => s[i])),
        Gen.Char['0', '9'],
        Gen.Char['a', 'z'],
        Gen.Char['\uFF01', '\uFF5E'],
        Gen.Char['\uD800', '\uDFFF'],
        Gen.Const(" \n\t\u3000\u200B\uFEFF。，？").SelectMany(s => Gen.Int[0, s.Length - 1].Select(i => s[i])));

    [Fact]
    public void RandomUnicodeNeverThrowsAndStaysBounded() =>
        AnyChar.Array[0, 700].Select(a => new string(a)).Sample(Check, iter: 2000);

    [Fact]
    public void MixedScriptsAndLoneSurrogatesNeverThrow() =>
        Mixed.Array[0, 120].Select(a => new string(a)).Sample(Check, iter: 5000);

    /// <summary>Runs of digits, numerals and units: where the arithmetic (×12, ×万, year and month casts) could overflow.</summary>
    [Fact]
    public void NumberHeavyTextNeverThrows() =>
        Gen.Const("0123456789零一二三四五六七八九十百千万亿两俩半年月个岁周天%元块wk.多几余来毕业了第").SelectMany(s => Gen.Int[0, s.Length - 1].Select(i => s[i]))
            .Array[0, 80].Select(a => new string(a)).Sample(Check, iter: 5000);

    [Fact]
    public void ExpectedAnswersOfEveryKindNeverThrow() =>
        Gen.Select(Mixed.Array[0, 40].Select(a => new string(a)), Gen.Enum<ExpectedKind>()).Sample(t =>
        {
            var expected = new ExpectedAnswer("x", t.Item2, ["初级（五级）", "中级", ""]);
            Check(t.Item1, expected);
        }, iter: 3000);

    /// <summary>Found by MixedScriptsAndLoneSurrogatesNeverThrow (seed 4se-lD4NHRk3): digit runs too big for a year or an int.</summary>
    [Theory]
    [InlineData("2128k万ty")]
    [InlineData("99999999999年")]
    [InlineData("毕业99999999999年了")]
    [InlineData("毕业9999年了")]
    [InlineData("9999999999999999999999999999万")]
    [InlineData("一二三四五六七八九一二三四五六七八九一二三四五六七八九一二三")]
    [InlineData("99999999999999999999999999999999999个月")]
    [InlineData("九千九百九十九万亿亿亿亿亿亿亿亿年")]
    public void HugeNumbersAreNotReadAndNeverThrow(string text)
    {
        Check(text);
        Assert.All(TestModel.U(text).Entities, e => Assert.True(e.Number is null || e.Number <= 1_000_000_000_000_000m * 12, e.ToString()));
    }

    [Fact]
    public void VeryLongInputIsCutAndMarked()
    {
        var text = string.Concat(Enumerable.Repeat("平凉招了3个应届生😀", 100_000));
        var u = TestModel.U(text);
        Assert.True(u.Truncated);
        Assert.True(u.Normalized.Length <= TestModel.Options.MaxInputChars);
    }

    [Fact]
    public void SegmenterCoversEveryNonSpaceChar() =>
        Mixed.Array[0, 200].Select(a => new string(a)).Sample(s =>
        {
            var tokens = TestModel.Model.Segmenter.Cut(s);
            var covered = tokens.Sum(t => t.Length);
            var pos = 0;
            foreach (var t in tokens)
            {
                Assert.True(t.Start >= pos && t.Length > 0);
                pos = t.End;
            }

            Assert.Equal(s.Count(c => !char.IsWhiteSpace(c)), covered);
        }, iter: 3000);

    private static void Check(string text) => Check(text, null);

    private static void Check(string text, ExpectedAnswer? expected)
    {
        var u = TestModel.U(text, expected);
        Assert.True(u.Normalized.Length <= TestModel.Options.MaxInputChars);
        Assert.True(u.Confidence is >= 0 and <= 1);
        foreach (var e in u.Entities)
        {
            Assert.True(e.Start >= 0 && e.Length >= 0 && e.End <= u.Normalized.Length, $"span {e.Start}+{e.Length} outside \"{u.Normalized}\"");
            Assert.Equal(u.Normalized.Substring(e.Start, e.Length), e.Text);
        }
    }
}
