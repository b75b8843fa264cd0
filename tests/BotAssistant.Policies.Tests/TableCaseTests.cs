namespace BotAssistant.Policies.Tests;

/// <summary>Runs every cases/*.yaml entry against the real catalog in knowledge/.</summary>
public class TableCaseTests(RealCatalogFixture real) : IClassFixture<RealCatalogFixture>
{
    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Cases, "*.yaml").Order(StringComparer.Ordinal))
        {
            var cases = TableCase.ReadFile(file);
            for (var i = 0; i < cases.Count; i++)
            {
                data.Add(Path.GetFileName(file), i, cases[i].Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string file, int index, string name)
    {
        var c = TableCase.ReadFile(Path.Combine(RepoPaths.Cases, file))[index];
        Assert.Equal(name, c.Name);
        var catalog = real.Catalog ?? throw new InvalidOperationException("knowledge/ did not load");
        var measure = catalog.FindMeasure(c.Measure) ?? throw new InvalidOperationException($"no measure '{c.Measure}'");
        var facts = catalog.ParseFacts(c.Facts);
        var result = PolicyEngine.Evaluate(measure, facts, c.AsOf);
        var detail = $"{name}\nstatus={result.Status} amount={result.Amount.Value} [{result.Amount.Min}..{result.Amount.Max}] "
            + $"formula={result.Amount.Formula} missing=[{string.Join(",", result.MissingFacts)}] "
            + $"failed=[{string.Join("; ", result.FailedConditions.Select(f => f.Wording))}]";

        if (c.Status is not null)
        {
            Assert.True(Snake(result.Status.ToString()) == c.Status, detail);
        }

        if (c.Amount is { } amount)
        {
            Assert.True(result.Amount.Value == amount, $"amount {amount} expected\n{detail}");
        }

        if (c.AmountMin is not null || c.AmountMax is not null)
        {
            Assert.True(result.Amount.Min == c.AmountMin && result.Amount.Max == c.AmountMax, $"range expected\n{detail}");
        }

        if (c.Formula is not null)
        {
            Assert.True(result.Amount.Formula.Contains(c.Formula, StringComparison.Ordinal), $"formula '{c.Formula}'\n{detail}");
        }

        if (c.Validity is not null)
        {
            Assert.True(Snake(result.Validity.Status.ToString()) == c.Validity, $"validity {result.Validity.Status}\n{detail}");
        }

        foreach (var fact in c.Missing)
        {
            Assert.True(result.MissingFacts.Contains(fact), $"missing {fact}\n{detail}");
        }

        if (c.ExcludedBy is not null)
        {
            var other = catalog.FindMeasure(c.ExcludedBy) ?? throw new InvalidOperationException($"no measure '{c.ExcludedBy}'");
            var screen = PolicyEngine.Screen(catalog, [measure, other], facts, c.AsOf);
            Assert.True(screen.For(measure.Id)?.ExcludedBy == other.Id, $"expected excluded by {other.Id}\n{detail}");
        }
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
