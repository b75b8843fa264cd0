using System.Text.Json;

namespace BotAssistant.Cli.Tests;

/// <summary>
/// The catalog command line as a user types it: readable output and --json on the real knowledge/,
/// and a one-line reason with exit code 2 for every kind of bad input, never a stack trace.
/// </summary>
public sealed class CatalogCommandTests : IDisposable
{
    private static readonly string Root = FindRoot();
    private readonly string _dir = Directory.CreateTempSubdirectory("catalog-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Validate_reports_the_real_catalog_as_valid_with_quotes_checked()
    {
        var (code, output, _) = Run("validate");
        Assert.Equal(0, code);
        Assert.Matches(@"^OK: 5 documents, \d+ measures, \d+ facts, quotes checked against ", output);
    }

    [Fact]
    public void Validate_names_file_and_line_of_a_broken_catalog()
    {
        var knowledge = CopyKnowledge();
        var file = Path.Combine(knowledge, "policies", "pingliang-2023-75.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("fact: hired_count", "fact: hired_kount", StringComparison.Ordinal));
        var (code, _, error) = Run("validate", "--knowledge", knowledge);
        Assert.Equal(1, code);
        Assert.Matches(@"pingliang-2023-75\.yaml:\d+: .*hired_kount", error);
    }

    [Fact]
    public void Validate_checks_quotes_against_the_knowledge_folders_sources_by_default()
    {
        var (code, output, _) = Run("validate");
        Assert.Equal(0, code);
        Assert.EndsWith($"quotes checked against {Path.Combine(Root, "knowledge", "sources")}", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_names_a_missing_source_file_with_file_and_line()
    {
        var knowledge = CopyKnowledge();
        File.Delete(Path.Combine(knowledge, "sources", "003_cc5e4c6a541b8969.txt"));
        var (code, _, error) = Run("validate", "--knowledge", knowledge);
        Assert.Equal(1, code);
        Assert.Matches(@"wushan-2023-57\.yaml:\d+: document: seed file '003_cc5e4c6a541b8969\.txt' not found", error);
    }

    [Fact]
    public void Validate_with_a_missing_sources_folder_fails()
    {
        var (code, _, error) = Run("validate", "--sources", Path.Combine(_dir, "nowhere"));
        Assert.Equal(1, code);
        Assert.Contains("sources directory not found", error);
    }

    [Fact]
    public void The_old_seeds_option_says_what_replaced_it()
    {
        var (code, _, error) = Run("validate", "--seeds", _dir);
        Assert.Equal(2, code);
        Assert.Contains("--sources", error);
    }

    [Fact]
    public void List_filters_by_place_and_audience_and_json_is_parseable()
    {
        var (code, output, _) = Run("list", "--place", "巫山", "--audience", "employer", "--json");
        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("巫山", r.GetProperty("Place").GetString()));
        Assert.All(rows, r => Assert.Equal("employer", r.GetProperty("Audience").GetString()));
        Assert.Contains(rows, r => r.GetProperty("Id").GetString() == "ws-xina");
    }

    [Fact]
    public void Show_gives_the_quote_amount_period_and_materials_with_their_source()
    {
        var (code, output, _) = Run("show", "pl-kuogang");
        Assert.Equal(0, code);
        Assert.Contains("按每人1500元标准给予一次性扩岗补助", output);
        Assert.Contains("2023-12-31", output);
        Assert.Contains("劳动合同", output);
        Assert.Contains("市人社局", output);
    }

    /// <summary>平凉 (五): 3 graduates hired with a 1-year contract and 2 months of insurance → 扩岗 4500元 beats 吸纳 3000元.</summary>
    [Fact]
    public void Eval_computes_amounts_and_the_exclusion_as_of_a_date()
    {
        var facts = Write("facts.yaml", "place: 平凉\nrole: employer\nhired_group: graduate\nhired_count: 3\ncontract_years: 1\nsocial_insurance_months: 2\n");
        var (code, output, _) = Run("eval", facts, "--as-of", "2023-10-01", "--json");
        Assert.Equal(0, code);
        var results = JsonDocument.Parse(output).RootElement.GetProperty("Results").EnumerateArray().ToDictionary(r => r.GetProperty("Id").GetString()!);
        Assert.Equal(4500m, results["pl-kuogang"].GetProperty("Amount").GetProperty("Value").GetDecimal());
        Assert.Equal("1500元/人 × 3人 = 4500元", results["pl-kuogang"].GetProperty("Amount").GetProperty("Formula").GetString());
        Assert.Equal("pl-kuogang", results["pl-xina"].GetProperty("ExcludedBy").GetString());
        Assert.Equal("in_force", results["pl-kuogang"].GetProperty("Validity").GetString());
    }

    [Theory]
    [InlineData("show", "no-such-measure", null, "no measure 'no-such-measure'")]
    [InlineData("list", "--place", "北京", "unknown place '北京'")]
    [InlineData("list", "--place", null, "--place needs a value")]
    [InlineData("frobnicate", null, null, "usage: catalog")]
    public void Bad_arguments_get_a_reason_and_exit_code_2(string verb, string? a, string? b, string reason)
    {
        var (code, _, error) = Run(new[] { verb, a, b }.OfType<string>().ToArray());
        Assert.Equal(2, code);
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("place: 平凉\n", "--as-of", "2023-13-45", "--as-of: '2023-13-45' is not a date")]
    [InlineData("hired_count: abc\n", "--as-of", "2023-10-01", "fact 'hired_count' expects a number")]
    [InlineData("hired_count: [3\n", "--as-of", "2023-10-01", "facts.yaml:2:")]
    [InlineData("- just\n- a list\n", "--as-of", "2023-10-01", "expected a mapping of fact: value")]
    public void Bad_facts_files_get_a_reason_and_exit_code_2(string yaml, string option, string value, string reason)
    {
        var (code, _, error) = Run("eval", Write("facts.yaml", yaml), option, value);
        Assert.Equal(2, code);
        Assert.Contains(reason, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_missing_facts_file_is_named()
    {
        var missing = Path.Combine(_dir, "nope.yaml");
        var (code, _, error) = Run("eval", missing);
        Assert.Equal(2, code);
        Assert.Contains("nope.yaml", error);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var withPaths = args.Contains("--knowledge") ? args : [.. args, "--knowledge", Path.Combine(Root, "knowledge")];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CommandLine.Run(withPaths, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string CopyKnowledge()
    {
        var source = Path.Combine(Root, "knowledge");
        var target = Path.Combine(_dir, "knowledge");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BotAssistant.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BotAssistant.sln not found above " + AppContext.BaseDirectory);
    }
}
