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

    [Fact]
    public void ExpectedAnswersOfEveryKindNeverThrow() =>
        Gen.Select(Mixed.Array[0, 40].Select(a => new string(a)), Gen.Enum<ExpectedKind>()).Sample(t =>
        {
            var expected = new ExpectedAnswer("x", t.Item2, ["初级（五级）", "中级", ""]);
            Check(t.Item1, expected);
        }, iter: 3000);

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
