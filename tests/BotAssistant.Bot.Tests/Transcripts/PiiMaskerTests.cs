using BotAssistant.Bot.Transcripts;

namespace BotAssistant.Bot.Tests.Transcripts;

public sealed class PiiMaskerTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("440524188001010014", true)]
    [InlineData("44052418800101001", false)]
    public void Id_card_check_digit_follows_iso_7064_mod_11_2(string id, bool valid) =>
        Assert.Equal(valid, PiiMasker.IsValidIdCard(id));

    [Theory]
    [InlineData("身份证11010519491231002X。", "身份证**************002X。")]
    [InlineData("号码110105194912310021不是身份证", "号码110105194912310021不是身份证")]
    [InlineData("电话13812345678", "电话138****5678")]
    [InlineData("+8613812345678", "+86138****5678")]
    [InlineData("12812345678 和 138123456789", "12812345678 和 138123456789")]
    [InlineData("补贴1500元", "补贴1500元")]
    public void Masks_valid_identifiers_only(string input, string expected) => Assert.Equal(expected, PiiMasker.Mask(input));
}
