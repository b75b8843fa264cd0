namespace BotAssistant.Policies.Tests;

public class RealCatalogTests
{
    /// <summary>Fails until every knowledge file validates and every quote is found in its source document.</summary>
    [Fact]
    public void Knowledge_loads_with_quotes_checked_against_the_shipped_sources()
    {
        Assert.True(Directory.Exists(RepoPaths.Sources), RepoPaths.Sources + " is part of the repository");
        var (catalog, errors) = CatalogLoader.TryLoad(RepoPaths.Knowledge);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(5, catalog!.Documents.Count);
        Assert.All(catalog.Documents, d => Assert.True(File.Exists(Path.Combine(RepoPaths.Sources, d.Seed!)), d.Seed));
    }

    [Fact]
    public void The_default_sources_folder_is_inside_the_knowledge_folder() =>
        Assert.Equal(RepoPaths.Sources, CatalogLoader.DefaultSourcesDirectory(RepoPaths.Knowledge));
}
