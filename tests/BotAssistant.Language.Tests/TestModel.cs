using BotAssistant.Language;

namespace BotAssistant.Language.Tests;

/// <summary>One model for all tests: it is immutable, so sharing it cannot couple tests.</summary>
public static class TestModel
{
    public static LanguageModel Model => Shared.Value;

    public static string RepoRoot { get; } = FindRoot();

    private static readonly Lazy<LanguageModel> Shared = new(() =>
        LanguageModel.Build(KnowledgeVocabulary.Load(Path.Combine(RepoRoot!, "knowledge")), Options));

    public static LanguageOptions Options => new() { LexiconDirectory = Path.Combine(RepoRoot, "knowledge", "lexicon") };

    public static string DataDir => Path.Combine(RepoRoot, "tests", "BotAssistant.Language.Tests", "data");

    public static readonly DateOnly AsOf = new(2025, 6, 15);

    public static Understanding U(string text, ExpectedAnswer? expected = null) =>
        Model.Understand(text, new UnderstandingContext(AsOf, expected));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BotAssistant.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("BotAssistant.sln not found above " + AppContext.BaseDirectory);
    }
}
