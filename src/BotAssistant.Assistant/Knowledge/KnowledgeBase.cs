using BotAssistant.Language;
using BotAssistant.Language.Segmentation;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Knowledge;

/// <summary>
/// Holds the current <see cref="KnowledgeSnapshot"/>. Start-up loading throws on an invalid catalog (the host
/// refuses to start); a later reload that fails keeps the snapshot in use and reports why.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly string _knowledgeDirectory;
    private readonly string _sourcesDirectory;
    private readonly LanguageOptions _languageOptions;
    private readonly TimeProvider _clock;
    private readonly Lock _reloadLock = new();
    private KnowledgeSnapshot _current;

    /// <param name="sourcesDirectory">the source documents quotes are checked against; null means knowledge/sources.
    /// A missing folder or file is a load error like any other.</param>
    public KnowledgeBase(string knowledgeDirectory, string? sourcesDirectory, IReadOnlyList<string> extraDictionaries, int maxInputChars, TimeProvider clock)
    {
        _knowledgeDirectory = knowledgeDirectory;
        _sourcesDirectory = sourcesDirectory ?? CatalogLoader.DefaultSourcesDirectory(knowledgeDirectory);
        _languageOptions = new LanguageOptions
        {
            LexiconDirectory = Path.Combine(knowledgeDirectory, "lexicon"),
            ExtraDictionaryPaths = extraDictionaries,
            MaxInputChars = maxInputChars,
        };
        _clock = clock;
        _current = Build(CatalogLoader.Load(_knowledgeDirectory, _sourcesDirectory), 1);
    }

    public KnowledgeSnapshot Current => Volatile.Read(ref _current);

    public string KnowledgeDirectory => _knowledgeDirectory;

    public string SourcesDirectory => _sourcesDirectory;

    /// <summary>Raised after a successful reload.</summary>
    public event Action<KnowledgeSnapshot>? Reloaded;

    /// <summary>Loads knowledge/ again; on any error the current snapshot stays and the errors are returned.</summary>
    public IReadOnlyList<string> Reload()
    {
        lock (_reloadLock)
        {
            var (catalog, errors) = CatalogLoader.TryLoad(_knowledgeDirectory, _sourcesDirectory);
            if (errors.Count > 0 || catalog is null)
            {
                return errors.Select(e => e.ToString()).ToList();
            }

            try
            {
                var next = Build(catalog, Current.Generation + 1);
                Volatile.Write(ref _current, next);
                Reloaded?.Invoke(next);
                return [];
            }
            catch (Exception ex) when (ex is LexiconException or IOException or InvalidDataException)
            {
                return [ex.Message];
            }
        }
    }

    private KnowledgeSnapshot Build(Catalog catalog, int generation) =>
        new(catalog, LanguageModel.Build(CatalogVocabulary.From(catalog), _languageOptions), _clock.GetUtcNow(), generation);
}
