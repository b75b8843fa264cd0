using BotAssistant.Policies.Loading;
using YamlDotNet.RepresentationModel;

namespace BotAssistant.Policies;

/// <summary>Loads and validates knowledge/. Every problem is collected with its file and line.</summary>
public static class CatalogLoader
{
    /// <summary>The folder, under the knowledge folder, that holds the source documents <c>seed:</c> names.</summary>
    public const string SourcesFolder = "sources";

    /// <summary>Where the source documents are by default: <c>&lt;knowledge&gt;/sources</c>.</summary>
    public static string DefaultSourcesDirectory(string knowledgeDirectory) => Path.Combine(knowledgeDirectory, SourcesFolder);

    /// <summary>Loads knowledge/ and checks every quote against its source document.</summary>
    /// <param name="sourcesDirectory">the source documents; null means <see cref="DefaultSourcesDirectory"/>.</param>
    /// <exception cref="CatalogValidationException">when any file has errors, a source document included.</exception>
    public static Catalog Load(string knowledgeDirectory, string? sourcesDirectory = null)
    {
        var (catalog, errors) = TryLoad(knowledgeDirectory, sourcesDirectory);
        return errors.Count > 0 || catalog is null ? throw new CatalogValidationException(errors) : catalog;
    }

    /// <summary>
    /// Returns every error found and a best-effort catalog (bad entries replaced by fallbacks),
    /// so tools can still show what loaded; trust it only when Errors is empty. Quotes are always checked:
    /// a missing sources folder, a missing <c>seed:</c> or a seed file that is not there is an error.
    /// </summary>
    /// <param name="sourcesDirectory">the source documents; null means <see cref="DefaultSourcesDirectory"/>.</param>
    public static (Catalog? Catalog, IReadOnlyList<CatalogError> Errors) TryLoad(
        string knowledgeDirectory, string? sourcesDirectory = null) =>
        Read(knowledgeDirectory, sourcesDirectory ?? DefaultSourcesDirectory(knowledgeDirectory));

    /// <summary>
    /// Loads without looking at the source documents: quotes, <c>seed:</c> and the sources folder are not checked.
    /// Only for tests of the engine's logic; the host and the validator always check.
    /// </summary>
    public static (Catalog? Catalog, IReadOnlyList<CatalogError> Errors) TryLoadWithoutSources(string knowledgeDirectory) =>
        Read(knowledgeDirectory, sourcesDirectory: null);

    /// <param name="sourcesDirectory">null: quotes are not checked.</param>
    private static (Catalog? Catalog, IReadOnlyList<CatalogError> Errors) Read(string knowledgeDirectory, string? sourcesDirectory)
    {
        var errors = new List<CatalogError>();
        if (!Directory.Exists(knowledgeDirectory))
        {
            errors.Add(new CatalogError(knowledgeDirectory, 0, "knowledge directory not found"));
            return (null, errors);
        }

        var sources = sourcesDirectory is null ? null : SourceDocuments.Open(sourcesDirectory, errors);
        var places = Vocabulary(knowledgeDirectory, "places.yaml", errors, VocabularyParser.Places);
        var topics = Vocabulary(knowledgeDirectory, "topics.yaml", errors, VocabularyParser.Topics);
        var facts = Vocabulary(knowledgeDirectory, "facts.yaml", errors, VocabularyParser.Facts);
        var materials = Vocabulary(knowledgeDirectory, "materials.yaml", errors, VocabularyParser.Materials);
        var vocabulary = new Vocabulary(places, topics, facts, materials, sources);

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

    /// <summary>
    /// Loads a catalog from in-memory texts (file name → YAML), for tests and tools. Quotes are checked against
    /// <paramref name="sourcesDirectory"/> when it is given, and not at all when it is null (made-up catalogs).
    /// </summary>
    public static (Catalog? Catalog, IReadOnlyList<CatalogError> Errors) TryLoadFromTexts(
        IReadOnlyDictionary<string, string> files, string? sourcesDirectory = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "catalog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "policies"));
        try
        {
            foreach (var (name, text) in files)
            {
                var path = Path.Combine(dir, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }

            return Read(dir, sourcesDirectory);
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
