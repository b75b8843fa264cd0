namespace BotAssistant.Policies.Tests;

/// <summary>
/// The quote check on a copy of the real knowledge folder: it runs by default, and a source document that is not
/// there is an error naming the file and the line of its <c>seed:</c>, never a skipped check.
/// </summary>
public sealed class SourceDocumentTests : IDisposable
{
    private const string PolicyFile = "pingliang-2023-75.yaml";
    private const string Seed = "000_8c9aaf7e976ee626.txt";
    private readonly string _knowledge = CopyKnowledge();

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_knowledge)!, recursive: true);

    [Fact]
    public void A_changed_quote_is_caught_by_default()
    {
        Edit("按每人1500元标准给予一次性扩岗补助", "按每人9999元标准给予一次性扩岗补助");
        var errors = CatalogLoader.TryLoad(_knowledge).Errors;
        Assert.Contains(errors, e => e.File.EndsWith(PolicyFile, StringComparison.Ordinal) && e.Message.Contains("quote not found", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_source_file_is_an_error_naming_it_at_the_seed_line()
    {
        File.Delete(Path.Combine(_knowledge, "sources", Seed));
        var (_, errors) = CatalogLoader.TryLoad(_knowledge);
        var error = Assert.Single(errors);
        Assert.EndsWith(PolicyFile, error.File, StringComparison.Ordinal);
        Assert.Equal(SeedLine(), error.Line);
        Assert.Contains($"seed file '{Seed}' not found", error.Message, StringComparison.Ordinal);
        Assert.Throws<CatalogValidationException>(() => CatalogLoader.Load(_knowledge));
    }

    [Fact]
    public void A_seed_that_names_no_file_is_an_error()
    {
        Edit($"seed: {Seed}", "seed: 000_no_such_file.txt");
        var error = Assert.Single(CatalogLoader.TryLoad(_knowledge).Errors);
        Assert.Equal($"{Path.Combine(_knowledge, "policies", PolicyFile)}:{SeedLine()}: document: seed file '000_no_such_file.txt' not found in {Path.Combine(_knowledge, "sources")}", error.ToString());
    }

    [Fact]
    public void A_seed_that_is_a_path_is_an_error() =>
        Assert.Contains(After($"seed: {Seed}", "seed: ../../etc/passwd"), e => e.Message.Contains("must be a file name", StringComparison.Ordinal));

    [Fact]
    public void A_document_without_seed_is_an_error() =>
        Assert.Contains(After($"  seed: {Seed}\n", ""), e => e.Message.Contains("missing 'seed'", StringComparison.Ordinal));

    [Fact]
    public void A_missing_sources_folder_is_an_error_for_the_folder_and_every_document()
    {
        Directory.Delete(Path.Combine(_knowledge, "sources"), recursive: true);
        var errors = CatalogLoader.TryLoad(_knowledge).Errors;
        Assert.Contains(errors, e => e.File == Path.Combine(_knowledge, "sources") && e.Message.StartsWith("sources directory not found", StringComparison.Ordinal));
        Assert.Equal(5, errors.Count(e => e.Message.Contains("does not exist", StringComparison.Ordinal)));
    }

    [Fact]
    public void Another_sources_folder_can_be_named()
    {
        var elsewhere = Path.Combine(Path.GetDirectoryName(_knowledge)!, "elsewhere");
        Directory.Move(Path.Combine(_knowledge, "sources"), elsewhere);
        Assert.NotEmpty(CatalogLoader.TryLoad(_knowledge).Errors);
        Assert.Empty(CatalogLoader.TryLoad(_knowledge, elsewhere).Errors);
    }

    private IReadOnlyList<CatalogError> After(string from, string to)
    {
        Edit(from, to);
        return CatalogLoader.TryLoad(_knowledge).Errors;
    }

    private void Edit(string from, string to)
    {
        var path = Path.Combine(_knowledge, "policies", PolicyFile);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private int SeedLine() =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(_knowledge, "policies", PolicyFile)), l => l.TrimStart().StartsWith("seed:", StringComparison.Ordinal)) + 1;

    private static string CopyKnowledge()
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("sources-").FullName, "knowledge");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Knowledge, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(RepoPaths.Knowledge, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }
}
