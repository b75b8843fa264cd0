namespace BotAssistant.Language.Segmentation;

public readonly record struct DictionaryEntry(string Word, long Frequency, string Tag);

/// <summary>
/// The segmenter's dictionary: word → id in a trie, id → record with log frequency computed once.
/// Later entries for the same word replace earlier ones (user dictionaries override the base).
/// </summary>
public sealed class WordDictionary
{
    private readonly string[] _words;
    private readonly string[] _tags;
    private readonly double[] _logFreq;

    internal CharTrie Trie { get; }

    public WordDictionary(IEnumerable<DictionaryEntry> entries)
    {
        var byWord = new Dictionary<string, DictionaryEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Word.Length > 0)
            {
                byWord[e.Word] = e;
            }
        }

        var list = byWord.Values.ToList();
        _words = list.Select(e => e.Word).ToArray();
        _tags = list.Select(e => e.Tag).ToArray();
        var total = Math.Max(1.0, list.Sum(e => (double)Math.Max(1, e.Frequency)));
        LogTotal = Math.Log(total);
        _logFreq = list.Select(e => Math.Log(Math.Max(1, e.Frequency)) - LogTotal).ToArray();
        Trie = new CharTrie(_words);
    }

    public int Count => _words.Length;

    /// <summary>log(total frequency); an unknown single char scores log(1) - LogTotal, as in jieba.</summary>
    public double LogTotal { get; }

    public double LogFrequency(int id) => _logFreq[id];

    public string Word(int id) => _words[id];

    public string Tag(int id) => _tags[id];

    public int Find(ReadOnlySpan<char> word) => Trie.Find(word);

    public bool Contains(ReadOnlySpan<char> word) => Trie.Find(word) >= 0;
}
