namespace BotAssistant.Policies.Tests;

/// <summary>The real knowledge/ loaded once per test class, quotes checked against knowledge/sources as the host does.</summary>
public sealed class RealCatalogFixture
{
    public RealCatalogFixture()
    {
        (Catalog, Errors) = CatalogLoader.TryLoad(RepoPaths.Knowledge);
    }

    public Catalog? Catalog { get; }
    public IReadOnlyList<CatalogError> Errors { get; }
}
