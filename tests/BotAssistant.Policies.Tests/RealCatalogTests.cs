namespace BotAssistant.Policies.Tests;

public class RealCatalogTests
{
    /// <summary>Fails until every knowledge file validates and every quote is found in its seed.</summary>
    [Fact]
    public void Knowledge_loads_with_seeds_without_errors()
    {
        var (_, errors) = CatalogLoader.TryLoad(RepoPaths.Knowledge, RepoPaths.Seeds);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
