using BotAssistant.Language.Segmentation;

namespace BotAssistant.Language.Entities;

/// <summary>A phrase's meaning: what kind of entity it names and its key. Subject carries extra data (related places).</summary>
internal readonly record struct PhraseValue(EntityKind Kind, string Value, string Subject = "");

internal readonly record struct PhraseMatch(int Start, int Length, IReadOnlyList<PhraseValue> Values)
{
    public int End => Start + Length;
}

/// <summary>Leftmost-longest matching of a fixed phrase list; a phrase may mean several things (a topic and a measure).</summary>
internal sealed class PhraseMatcher
{
    private readonly CharTrie _trie;
    private readonly List<PhraseValue>[] _values;

    public PhraseMatcher(IEnumerable<(string Phrase, PhraseValue Value)> phrases)
    {
        var byPhrase = new Dictionary<string, List<PhraseValue>>(StringComparer.Ordinal);
        foreach (var (phrase, value) in phrases)
        {
            if (string.IsNullOrWhiteSpace(phrase))
            {
                continue;
            }

            if (!byPhrase.TryGetValue(phrase, out var list))
            {
                byPhrase[phrase] = list = [];
            }

            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }

        var keys = byPhrase.Keys.ToList();
        _trie = new CharTrie(keys);
        _values = keys.Select(k => byPhrase[k]).ToArray();
        Phrases = keys;
    }

    public IReadOnlyList<string> Phrases { get; }

    public List<PhraseMatch> Matches(string text)
    {
        var result = new List<PhraseMatch>();
        var i = 0;
        while (i < text.Length)
        {
            var (len, id) = Longest(text, i);
            if (len > 0)
            {
                result.Add(new PhraseMatch(i, len, _values[id]));
                i += len;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    /// <summary>Every occurrence of every phrase, overlaps included.</summary>
    public List<PhraseMatch> AllMatches(string text)
    {
        var result = new List<PhraseMatch>();
        for (var i = 0; i < text.Length; i++)
        {
            var node = 0;
            for (var j = i; j < text.Length; j++)
            {
                node = _trie.Step(node, text[j]);
                if (node == 0)
                {
                    break;
                }

                var id = _trie.WordAt(node);
                if (id >= 0)
                {
                    result.Add(new PhraseMatch(i, j + 1 - i, _values[id]));
                }
            }
        }

        return result;
    }

    private (int Length, int Id) Longest(string text, int start)
    {
        var node = 0;
        var best = (0, -1);
        for (var j = start; j < text.Length; j++)
        {
            node = _trie.Step(node, text[j]);
            if (node == 0)
            {
                break;
            }

            var id = _trie.WordAt(node);
            if (id >= 0)
            {
                best = (j + 1 - start, id);
            }
        }

        return best;
    }
}
