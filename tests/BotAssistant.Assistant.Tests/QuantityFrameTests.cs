using BotAssistant.Assistant.Facts;
using BotAssistant.Language;

namespace BotAssistant.Assistant.Tests;

/// <summary>Several quantities of one kind in one message become one list, not the last number said.</summary>
public sealed class QuantityFrameTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 1);

    private static IReadOnlyDictionary<string, string> Read(string text, string role)
    {
        var snapshot = AssistantHarness.Knowledge.Current;
        var u = snapshot.Language.Understand(text, new UnderstandingContext(AsOf));
        return new FactExtractor(snapshot.Catalog, AssistantHarness.Texts).Extract(u, role, null, [], AsOf).Values
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToString()!);
    }

    [Theory]
    [InlineData("今年介绍省外就业6个 省内县外4个 县内5个", "out_of_province*6+in_province*4+in_county*5", "15")]
    [InlineData("县内安置了5个，省外3个", "in_county*5+out_of_province*3", "8")]
    [InlineData("帮12个人去省外务工", "out_of_province", "12")]
    [InlineData("介绍了6个人去省外，4个去省内县外", "out_of_province*6+in_province*4", "10")]
    public void Placements_per_destination(string text, string destinations, string total)
    {
        var facts = Read(text, "institution");

        Assert.Equal(destinations, facts.GetValueOrDefault("work_destination"));
        Assert.Equal(total, facts.GetValueOrDefault("placed_count"));
    }

    [Theory]
    [InlineData("去年考了个中级又考了个高级", "intermediate*1+senior*1")]
    [InlineData("我有初级和中级两个证", "junior*1+intermediate*1")]
    [InlineData("考了个中级", "intermediate")]
    [InlineData("考的是中级还是高级有区别吗", null)]
    [InlineData("初级 中级 高级分别补多少", null)]
    public void Certificates_held(string text, string? levels)
    {
        Assert.Equal(levels, Read(text, "individual").GetValueOrDefault("certificate_level"));
    }
}
