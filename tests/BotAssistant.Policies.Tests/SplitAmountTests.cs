namespace BotAssistant.Policies.Tests;

/// <summary>Several quantities of one tier fact at once: the engine sums each part at its own tier and shows every term.</summary>
public class SplitAmountTests(RealCatalogFixture real) : IClassFixture<RealCatalogFixture>
{
    private static readonly DateOnly Day = new(2024, 6, 1);

    private MeasureResult Judge(string id, FactSet facts)
    {
        var catalog = real.Catalog!;
        return PolicyEngine.Evaluate(catalog.FindMeasure(id)!, facts, Day);
    }

    [Fact]
    public void 稷山职业介绍补贴_省外6人_省内县外4人_县内5人_共8300元()
    {
        // 稷政办发〔2023〕24号（六）：县内300元、省内县外500元、省外800元
        var placed = FactValue.OfParts([("out_of_province", 6m), ("in_province", 4m), ("in_county", 5m)]);
        var r = Judge("js-zhiye-jieshao", FactSet.Empty.With("work_destination", placed).With("placed_count", 15m));

        Assert.Equal(EligibilityStatus.Eligible, r.Status);
        Assert.Equal(8300m, r.Amount.Value);
        Assert.Contains("800元/人 × 6人 = 4800元", r.Amount.Formula);
        Assert.Contains("500元/人 × 4人 = 2000元", r.Amount.Formula);
        Assert.Contains("300元/人 × 5人 = 1500元", r.Amount.Formula);
        Assert.EndsWith("合计8300元", r.Amount.Formula);
    }

    [Fact]
    public void 平凉技能提升补贴_中级和高级两本证书_1500加2000共3500元()
    {
        // 平政办发〔2023〕75号（十二）：初级1000元、中级1500元、高级2000元
        var held = FactValue.OfParts([("intermediate", 1m), ("senior", 1m)]);
        var r = Judge("pl-jineng", FactSet.Empty.With("certificate_level", held).With("unemployment_insurance_years", 3m));

        Assert.Equal(3500m, r.Amount.Value);
        Assert.Contains("1500元 + ", r.Amount.Formula);
    }

    [Fact]
    public void A_part_the_document_gives_no_figure_for_is_named_and_not_summed()
    {
        var held = FactValue.OfParts([("senior", 1m), ("technician", 1m)]);
        var r = Judge("pl-jineng", FactSet.Empty.With("certificate_level", held).With("unemployment_insurance_years", 3m));

        Assert.Equal(2000m, r.Amount.Value);
        Assert.Contains("文件未规定该档的标准", r.Amount.Formula);
    }

    [Theory]
    [InlineData("out_of_province*6+in_province*4", true)]
    [InlineData("intermediate*1+senior*1", true)]
    [InlineData("in_county*-1", false)]
    [InlineData("in_county*", false)]
    public void A_split_is_written_and_read_back_the_same(string raw, bool valid)
    {
        var value = FactValue.Parse(FactType.Enum, raw);
        Assert.Equal(valid, value is SplitValue);
        if (valid)
        {
            Assert.Equal(raw, value!.ToString());
        }
    }
}
