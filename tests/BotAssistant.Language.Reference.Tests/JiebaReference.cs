using System.Runtime.CompilerServices;
using DictionaryEntry = BotAssistant.Language.Segmentation.DictionaryEntry;
using JiebaNet.Segmenter;

namespace BotAssistant.Language.Reference.Tests;

/// <summary>
/// jieba.NET 0.42.2 set up as the reference: its own dictionary from the Resources folder copied next to this
/// assembly, plus our vocabulary as a user dictionary. jieba.NET keeps one dictionary per process, so this is built
/// once and shared; tests only read it.
/// </summary>
public static class JiebaReference
{
    private static readonly Lazy<JiebaSegmenter> Shared = new(Build);

    /// <summary>Where jieba.NET reads dict.txt and the HMM tables from in this test run.</summary>
    public static string ResourcesDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Resources");

    public static JiebaSegmenter Segmenter => Shared.Value;

    /// <summary>How many user words were handed to LoadUserDict (all of them are checked to be in its dictionary).</summary>
    public static int UserWordCount { get; private set; }

    private static JiebaSegmenter Build()
    {
        Configure();
        return CreateAndLoad(ReferenceTexts.Model.VocabularyWords);
    }

    /// <summary>
    /// Without a setting jieba.NET looks for "Resources" under the app domain's base directory and, if dict.txt is not
    /// there, silently starts with an empty dictionary (every char its own word). The folder is named explicitly,
    /// before any of its types reads it, and its absence is a failure rather than a meaningless comparison.
    /// </summary>
    private static void Configure()
    {
        var dict = Path.Combine(ResourcesDirectory, "dict.txt");
        if (!File.Exists(dict))
        {
            throw new InvalidOperationException(
                $"{dict} not found: the test project copies $(Pkgjieba_NET)/Resources into its output; rebuild it.");
        }

        ConfigManager.ConfigFileBaseDir = ResourcesDirectory;
    }

    // Kept out of Configure so no jieba.NET type that captures the folder at type initialization is touched before
    // the folder has been set.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JiebaSegmenter CreateAndLoad(IReadOnlyList<DictionaryEntry> userWords)
    {
        var jieba = new JiebaSegmenter();
        var dictionary = WordDictionary.Instance;
        if (!dictionary.ContainsWord("就业") || dictionary.Total < 1e7)
        {
            throw new InvalidOperationException(
                $"jieba.NET's dictionary did not load from {ConfigManager.MainDictFile} (total frequency {dictionary.Total}).");
        }

        // Through its own file loader, in jieba's user-dictionary format, as a deployment would feed it.
        var file = Path.Combine(Path.GetTempPath(), $"botassistant-userdict-{Environment.ProcessId}-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(file, userWords.Select(w => $"{w.Word} {w.Frequency} {w.Tag}"));
        try
        {
            jieba.LoadUserDict(file);
        }
        finally
        {
            File.Delete(file);
        }

        // LoadUserDict swallows format errors line by line, so a word it dropped would only show as a worse score.
        var missing = userWords.Where(w => dictionary.GetFreqOrDefault(w.Word) != w.Frequency).Select(w => w.Word).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("user words jieba.NET did not take: " + string.Join(", ", missing.Take(20)));
        }

        UserWordCount = userWords.Count;
        return jieba;
    }

    /// <summary>jieba's cut as offsets into text; whitespace tokens (jieba emits them, we skip them) are left out.</summary>
    public static List<Span> Cut(string text, bool hmm)
    {
        var spans = new List<Span>();
        var at = 0;
        foreach (var word in Segmenter.Cut(text, cutAll: false, hmm: hmm))
        {
            if (string.CompareOrdinal(text, at, word, 0, word.Length) != 0)
            {
                throw new InvalidOperationException($"jieba's words do not spell the text at {at}: \"{word}\"");
            }

            if (!string.IsNullOrWhiteSpace(word))
            {
                spans.Add(new Span(at, word.Length));
            }

            at += word.Length;
        }

        if (at != text.Length)
        {
            throw new InvalidOperationException($"jieba's words cover {at} of {text.Length} chars");
        }

        return spans;
    }

    public static bool InDictionary(string word) => WordDictionary.Instance.ContainsWord(word);
}
