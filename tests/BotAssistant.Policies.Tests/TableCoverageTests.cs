namespace BotAssistant.Policies.Tests;

/// <summary>
/// The rules the table cases must follow, checked against the catalog so a new measure or period
/// cannot slip in untested: a case for every measure with a figure and for every amount kind, and
/// for every distinct period an as-of date before it starts, inside it, and after it ends.
/// </summary>
public class TableCoverageTests(RealCatalogFixture real) : IClassFixture<RealCatalogFixture>
{
    private Catalog Catalog => real.Catalog ?? throw new InvalidOperationException("knowledge/ did not load");

    private static List<TableCase> AllCases() =>
        Directory.GetFiles(RepoPaths.Cases, "*.yaml").SelectMany(TableCase.ReadFile).ToList();

    [Fact]
    public void Every_measure_with_a_figure_has_a_case()
    {
        var tested = AllCases().Select(c => c.Measure).ToHashSet();
        var untested = Catalog.Measures
            .Where(m => m.Amount is not (NoAmount or NotStatedAmount) && !tested.Contains(m.Id))
            .Select(m => m.Id).ToList();
        Assert.True(untested.Count == 0, "no case for: " + string.Join(", ", untested));
    }

    [Fact]
    public void Every_amount_kind_in_the_catalog_has_a_case()
    {
        var byId = Catalog.Measures.ToDictionary(m => m.Id);
        var tested = AllCases().Where(c => byId.ContainsKey(c.Measure)).Select(c => byId[c.Measure].Amount.GetType()).ToHashSet();
        var untested = Catalog.Measures.Select(m => m.Amount.GetType()).Distinct().Where(t => !tested.Contains(t)).Select(t => t.Name).ToList();
        Assert.True(untested.Count == 0, "no case for amount kind: " + string.Join(", ", untested));
    }

    [Fact]
    public void Every_period_is_asked_before_inside_and_after()
    {
        var cases = AllCases().ToLookup(c => c.Measure);
        var gaps = new List<string>();
        foreach (var group in Catalog.Measures.Where(m => m.Period.From is not null || m.EffectiveUntil is not null)
                     .GroupBy(m => (m.Document.Id, m.Period.From, Until: m.EffectiveUntil)))
        {
            var (doc, from, until) = group.Key;
            var seen = group.SelectMany(m => cases[m.Id]).Select(c =>
                from is { } f && c.AsOf < f ? "before" : until is { } u && c.AsOf > u ? "after" : "inside").ToHashSet();
            var needed = new[] { from is null ? null : "before", "inside", until is null ? null : "after" }.OfType<string>();
            var missing = needed.Where(n => !seen.Contains(n)).ToList();
            if (missing.Count > 0)
            {
                gaps.Add($"{doc} {from}..{until} ({string.Join(",", group.Select(m => m.Id).Take(3))}): no case {string.Join("/", missing)}");
            }
        }

        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }
}
