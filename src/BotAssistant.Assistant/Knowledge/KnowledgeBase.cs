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
    private readonly string? _seedsDirectory;
    private readonly LanguageOptions _languageOptions;
    private readonly TimeProvider _clock;
    private readonly Lock _reloadLock = new();
    private KnowledgeSnapshot _current;

    public KnowledgeBase(string knowledgeDirectory, string? seedsDirectory, IReadOnlyList<string> extraDictionaries, int maxInputChars, TimeProvider clock)
    {
        _knowledgeDirectory = knowledgeDirectory;
        _seedsDirectory = seedsDirectory is not null && Directory.Exists(seedsDirectory) ? seedsDirectory : null;
        _languageOptions = new LanguageOptions
        {
            LexiconDirectory = Path.Combine(knowledgeDirectory, "lexicon"),
            ExtraDictionaryPaths = extraDictionaries,
            MaxInputChars = maxInputChars,
        };
        _clock = clock;
        _current = Build(CatalogLoader.Load(_knowledgeDirectory, _seedsDirectory), 1);
    }

    public KnowledgeSnapshot Current => Volatile.Read(ref _current);

    public string KnowledgeDirectory => _knowledgeDirectory;

    /// <summary>Raised after a successful reload.</summary>
    public event Action<KnowledgeSnapshot>? Reloaded;

    /// <summary>Loads knowledge/ again; on any error the current snapshot stays and the errors are returned.</summary>
    public IReadOnlyList<string> Reload()
    {
        lock (_reloadLock)
        {
            var (catalog, errors) = CatalogLoader.TryLoad(_knowledgeDirectory, _seedsDirectory);
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
