using BotAssistant.Language.Entities;
using BotAssistant.Language.Intents;
using BotAssistant.Language.Lexicon;
using BotAssistant.Language.Normalization;
using BotAssistant.Language.Recognizers;
using BotAssistant.Language.Segmentation;

namespace BotAssistant.Language;

/// <summary>
/// Chinese message → intent + entities. Built once from the caller's vocabulary and the lexicon
/// folder; immutable and safe to share across threads.
/// </summary>
public sealed class LanguageModel
{
    /// <summary>Frequency for caller vocabulary words: high enough that 一次性扩岗补助 stays one word.</summary>
    private const long VocabularyFrequency = 20_000;

    private readonly Normalizer _normalizer;
    private readonly EntityExtractor _extractor;
    private readonly IntentClassifier _classifier;

    private LanguageModel(Normalizer normalizer, Segmenter segmenter, EntityExtractor extractor, IntentClassifier classifier,
        IReadOnlyList<DictionaryEntry> vocabularyWords)
    {
        _normalizer = normalizer;
        Segmenter = segmenter;
        VocabularyWords = vocabularyWords;
        _extractor = extractor;
        _classifier = classifier;
    }

    public Segmenter Segmenter { get; }

    /// <summary>
    /// The caller's vocabulary as it went into the segmenter's dictionary (normalized, frequency and tag included),
    /// so a reference segmenter can be given exactly the same user dictionary.
    /// </summary>
    public IReadOnlyList<DictionaryEntry> VocabularyWords { get; }

    public Normalizer Normalizer => _normalizer;

    public static LanguageModel Build(DomainVocabulary vocabulary, LanguageOptions options)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(options);
        var lex = LexiconLoader.LoadDirectory(options.LexiconDirectory);
        var toSimplified = ToCharMap(lex.Normalization.ToSimplified.Concat(lex.Normalization.Dialect));
        var normalizer = new Normalizer(toSimplified, options.MaxInputChars);
        var phraseNormalizer = new Normalizer(toSimplified, 10_000);
        string Norm(string s) => phraseNormalizer.Normalize(s).Text;

        var index = VocabularyIndex.Build(vocabulary, lex, Norm);
        var vocabularyWords = index.AllPhrases().Where(p => p.Length > 1).Distinct(StringComparer.Ordinal)
            .Select(p => new DictionaryEntry(p, VocabularyFrequency, "nz")).ToList();
        var words = lex.Words
            .Concat(vocabularyWords)
            .Concat(options.ExtraDictionaryPaths.SelectMany(DictionaryReader.ReadFile));
        var segmenter = new Segmenter(new WordDictionary(words));
        var extractor = new EntityExtractor(index, SubjectCues.From(lex.Subjects, Norm), segmenter, Norm, new PersonMentions(lex.Subjects.People));
        var classifier = new IntentClassifier(lex.Intents, Norm);
        return new LanguageModel(normalizer, segmenter, extractor, classifier, vocabularyWords);
    }

    public Understanding Understand(string text, UnderstandingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var normalized = _normalizer.Normalize(text);
        var entities = _extractor.Extract(normalized.Text, context);
        var (intent, confidence, secondary, asking, setAside) = _classifier.Classify(normalized.Text, entities, context.Expected);
        return new Understanding(normalized.Text, normalized.Truncated, intent, confidence, secondary, entities)
        {
            Supposes = _classifier.Supposes(normalized.Text),
            AskingSentences = asking,
            SetAsideSentences = setAside,
        };
    }

    private static Dictionary<char, char> ToCharMap(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<char, char>();
        foreach (var (from, to) in pairs)
        {
            if (from.Length != 1 || to.Length != 1)
            {
                throw new LexiconException($"normalization.yaml: entry \"{from}: {to}\" must map one char to one char");
            }

            map[from[0]] = to[0];
        }

        return map;
    }
}
