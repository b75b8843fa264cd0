using BotAssistant.Language;

namespace BotAssistant.Language.Bench;

/// <summary>The source documents (knowledge/sources) and sample messages the benchmarks run on.</summary>
public static class Corpus
{
    public static string RepoRoot { get; } = FindRoot();

    public static string SeedsText { get; } = string.Concat(
        Directory.GetFiles(Path.Combine(RepoRoot, "knowledge", "sources"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));

    public static IReadOnlyList<string> Messages { get; } = File.ReadLines(Path.Combine(RepoRoot, "tests", "BotAssistant.Language.Tests", "data", "utterances.jsonl"))
        .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
        .ToList();

    public static LanguageModel BuildModel() => LanguageModel.Build(
        KnowledgeVocabulary.Load(Path.Combine(RepoRoot, "knowledge")),
        new LanguageOptions { LexiconDirectory = Path.Combine(RepoRoot, "knowledge", "lexicon") });

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BotAssistant.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("BotAssistant.sln not found");
    }
}
