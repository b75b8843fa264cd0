using BotAssistant.Policies.Loading;
using YamlDotNet.RepresentationModel;

namespace BotAssistant.Policies;

/// <summary>Loads and validates knowledge/. Every problem is collected with its file and line.</summary>
public static class CatalogLoader
{
    /// <exception cref="CatalogValidationException">when any file has errors.</exception>
    public static Catalog Load(string knowledgeDirectory, string? seedsDirectory = null)
    {
        var (catalog, errors) = TryLoad(knowledgeDirectory, seedsDirectory);
        return errors.Count > 0 || catalog is null ? throw new CatalogValidationException(errors) : catalog;
    }

    /// <summary>
    /// Returns every error found and a best-effort catalog (bad entries replaced by fallbacks),
    /// so tools can still show what loaded; trust it only when Errors is empty.
    /// </summary>
    public static (Catalog? Catalog, IReadOnlyList<CatalogError> Errors) TryLoad(
        string knowledgeDirectory, string? seedsDirectory = null)
    {
        var errors = new List<CatalogError>();
        if (!Directory.Exists(knowledgeDirectory))
        {
            errors.Add(new CatalogError(knowledgeDirectory, 0, "knowledge directory not found"));
            return (null, errors);
        }

        if (seedsDirectory is not null && !Directory.Exists(seedsDirectory))
        {
            errors.Add(new CatalogError(seedsDirectory, 0, "seeds directory not found"));
            seedsDirectory = null;
        }

        var places = Vocabulary(knowledgeDirectory, "places.yaml", errors, VocabularyParser.Places);
        var topics = Vocabulary(knowledgeDirectory, "topics.yaml", errors, VocabularyParser.Topics);
        var facts = Vocabulary(knowledgeDirectory, "facts.yaml", errors, VocabularyParser.Facts);
        var materials = Vocabulary(knowledgeDirectory, "materials.yaml", errors, VocabularyParser.Materials);
        var vocabulary = new Vocabulary(places, topics, facts, materials, seedsDirectory);

        var documents = new List<PolicyDocument>();
        var measures = new List<LocatedMeasure>();
        var policyDir = Path.Combine(knowledgeDirectory, "policies");
        string[] files = Directory.Exists(policyDir) ? [.. Directory.GetFiles(policyDir, "*.yaml").Order(StringComparer.Ordinal)] : [];
        foreach (var file in files)
        {
            var ctx = new FileContext(file, errors);
            var (document, found) = new PolicyParser(vocabulary, ctx).Read(Parse(file, ctx));
            if (document is not null)
            {
                documents.Add(document);
            }

            measures.AddRange(found);
        }

        CrossChecks.Run(documents, measures, errors);
        var unique = measures.Select(m => m.Measure).DistinctBy(m => m.Id).ToList();
        var catalog = new Catalog(documents, unique, facts, materials, places, topics);
        return (catalog, errors);
    }

    /// <summary>Loads a catalog from in-memory texts (file name → YAML), for tests and tools.</summary>
    public static (Catalog? Catalog, IReadOnlyList<CatalogError> Errors) TryLoadFromTexts(
        IReadOnlyDictionary<string, string> files, string? seedsDirectory = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "catalog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "policies"));
        try
        {
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(dir, name), text);
            }

            return TryLoad(dir, seedsDirectory);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Dictionary<string, T> Vocabulary<T>(
        string dir, string name, List<CatalogError> errors, Func<YamlNode?, FileContext, Dictionary<string, T>> read)
    {
        var path = Path.Combine(dir, name);
        var ctx = new FileContext(path, errors);
        if (!File.Exists(path))
        {
            ctx.Error(0, $"{name} not found");
            return [];
        }

        return read(Parse(path, ctx), ctx);
    }

    private static YamlNode? Parse(string path, FileContext ctx) => YamlSource.Load(File.ReadAllText(path), ctx);
}
