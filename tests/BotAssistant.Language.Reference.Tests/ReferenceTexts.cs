using System.Text.Json;
using BotAssistant.Assistant.Knowledge;
using BotAssistant.Policies;

namespace BotAssistant.Language.Reference.Tests;

/// <summary>A piece of text to cut and where it came from (file and line, or case id).</summary>
public sealed record Sample(string Origin, string Text);

/// <summary>
/// The model as the host builds it (vocabulary from the validated catalog, measures included) and the texts both
/// segmenters cut: every line of the five source documents and every distinct thing a user says in
/// tests/conversations (turns, scripted answers, default answers), normalized as Understand normalizes before it cuts.
/// </summary>
public static class ReferenceTexts
{
    public static string RepoRoot { get; } = FindRoot();

    public static string KnowledgeDir => Path.Combine(RepoRoot, "knowledge");

    public static DomainVocabulary Vocabulary => SharedVocabulary.Value;

    public static LanguageModel Model => SharedModel.Value;

    public static IReadOnlyList<Sample> Sources => SharedSources.Value;

    public static IReadOnlyList<Sample> UserTurns => SharedTurns.Value;

    public static IReadOnlyList<Sample> All => [.. Sources, .. UserTurns];

    private static readonly Lazy<DomainVocabulary> SharedVocabulary = new(() => CatalogVocabulary.From(CatalogLoader.Load(KnowledgeDir)));

    private static readonly Lazy<LanguageModel> SharedModel = new(() => LanguageModel.Build(Vocabulary,
        new LanguageOptions { LexiconDirectory = Path.Combine(KnowledgeDir, "lexicon") }));

    private static readonly Lazy<IReadOnlyList<Sample>> SharedSources = new(LoadSources);

    private static readonly Lazy<IReadOnlyList<Sample>> SharedTurns = new(LoadTurns);

    /// <summary>Catalog names and place names as the segmenter's dictionary holds them.</summary>
    public static IReadOnlyList<string> CatalogTerms()
    {
        var names = Vocabulary.Places.SelectMany(p => p.Aliases.Append(p.Key).Append(p.FullName))
            .Concat(Vocabulary.Measures.Select(m => m.Name))
            .Concat(Vocabulary.Topics.Select(t => t.Name));
        return names.Select(Normalize).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    public static string Normalize(string text) => Model.Normalizer.Normalize(text).Text;

    private static List<Sample> LoadSources()
    {
        var dir = Path.Combine(KnowledgeDir, "sources");
        var files = Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).ToList();
        if (files.Count != 5)
        {
            throw new InvalidOperationException($"expected the five source documents in {dir}, found {files.Count}");
        }

        // Line by line: a line is a paragraph, well under the normalizer's length bound, so nothing is truncated.
        return files.SelectMany(f => File.ReadLines(f).Select((line, i) => (Origin: $"{Path.GetFileName(f)}:{i + 1}", line)))
            .Select(l => new Sample(l.Origin, NormalizeWhole(l.line, l.Origin)))
            .Where(s => s.Text.Length > 0)
            .ToList();
    }

    private static List<Sample> LoadTurns()
    {
        var dir = Path.Combine(RepoRoot, "tests", "conversations");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Sample>();
        foreach (var file in Directory.GetFiles(dir, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var id = root.GetProperty("id").GetString();
                foreach (var said in Said(root))
                {
                    var text = NormalizeWhole(said, $"{Path.GetFileName(file)} {id}");
                    if (text.Length > 0 && seen.Add(text))
                    {
                        result.Add(new Sample($"{Path.GetFileName(file)} {id}", text));
                    }
                }
            }
        }

        if (result.Count < 50)
        {
            throw new InvalidOperationException($"only {result.Count} user turns read from {dir}");
        }

        return result;
    }

    /// <summary>What the simulated user types: the opening turns, the scripted answers and the fallback answer.</summary>
    private static IEnumerable<string> Said(JsonElement c)
    {
        foreach (var t in c.GetProperty("turns").EnumerateArray())
        {
            yield return t.GetString()!;
        }

        if (c.TryGetProperty("answers", out var answers))
        {
            foreach (var a in answers.EnumerateArray())
            {
                yield return a.GetProperty("say").GetString()!;
            }
        }

        if (c.TryGetProperty("default", out var d) && d.ValueKind == JsonValueKind.String)
        {
            yield return d.GetString()!;
        }
    }

    private static string NormalizeWhole(string text, string origin)
    {
        var n = Model.Normalizer.Normalize(text);
        return n.Truncated ? throw new InvalidOperationException($"{origin}: longer than the normalizer's bound") : n.Text;
    }

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
