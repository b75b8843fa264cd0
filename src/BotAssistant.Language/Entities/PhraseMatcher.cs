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
        var gapped = new List<(string Head, string Tail, PhraseValue Value)>();
        foreach (var (phrase, value) in phrases)
        {
            if (string.IsNullOrWhiteSpace(phrase))
            {
                continue;
            }

            if (phrase.IndexOf(GappedPhrase.Gap, StringComparison.Ordinal) is > 0 and var at && at + 1 < phrase.Length)
            {
                gapped.Add((phrase[..at], phrase[(at + 1)..], value));
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
        _gapped = gapped.GroupBy(g => (g.Head, g.Tail)).Select(g => (g.Key.Head, g.Key.Tail, (IReadOnlyList<PhraseValue>)g.Select(x => x.Value).ToList())).ToList();
    }

    /// <summary>Phrases with a gap (减~税, see <see cref="GappedPhrase"/>): matched only where no listed phrase starts.</summary>
    private readonly List<(string Head, string Tail, IReadOnlyList<PhraseValue> Values)> _gapped;

    private (int Length, IReadOnlyList<PhraseValue>? Values) Gapped(string text, int start)
    {
        foreach (var (head, tail, values) in _gapped)
        {
            if (string.CompareOrdinal(text, start, head, 0, head.Length) == 0 && GappedPhrase.TailEnd(text, start + head.Length, tail) is >= 0 and var end)
            {
                return (end - start, values);
            }
        }

        return (0, null);
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
            else if (_gapped.Count > 0 && Gapped(text, i) is ({ } gapLength, { } values) && gapLength > 0)
            {
                result.Add(new PhraseMatch(i, gapLength, values));
                i += gapLength;
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
