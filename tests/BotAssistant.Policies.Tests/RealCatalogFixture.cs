namespace BotAssistant.Policies.Tests;

/// <summary>The real knowledge/ loaded once per test class (without seeds: cases test logic, not quotes).</summary>
public sealed class RealCatalogFixture
{
    public RealCatalogFixture()
    {
        (Catalog, Errors) = CatalogLoader.TryLoad(RepoPaths.Knowledge);
    }

    public Catalog? Catalog { get; }
    public IReadOnlyList<CatalogError> Errors { get; }
}
