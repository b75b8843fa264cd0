namespace BotAssistant.Language.Segmentation;

/// <summary>
/// Immutable prefix tree over UTF-16 chars. The root fans out through a 64K array (one probe for the
/// first char, which is where most walks stop); deeper edges live in one hash keyed by (node, char).
/// Terminal nodes carry the id of the word they end.
/// </summary>
internal sealed class CharTrie
{
    private readonly int[] _root;          // char → node, 0 = none
    private readonly Dictionary<long, int> _edges;
    private readonly int[] _terminal;      // node → word id, -1 = not a word end

    public CharTrie(IReadOnlyList<string> words)
    {
        _root = new int[char.MaxValue + 1];
        _edges = new Dictionary<long, int>(words.Count * 2);
        var terminal = new List<int> { -1 }; // node 0 is the root
        for (var id = 0; id < words.Count; id++)
        {
            var node = 0;
            foreach (var c in words[id])
            {
                node = Child(node, c, terminal);
            }

            if (node != 0)
            {
                terminal[node] = id;
            }
        }

        _terminal = [.. terminal];
    }

    public int MaxDepthHint { get; private set; }

    private int Child(int node, char c, List<int> terminal)
    {
        if (node == 0)
        {
            if (_root[c] == 0)
            {
                _root[c] = terminal.Count;
                terminal.Add(-1);
            }

            return _root[c];
        }

        var key = ((long)node << 16) | c;
        if (!_edges.TryGetValue(key, out var next))
        {
            next = terminal.Count;
            terminal.Add(-1);
            _edges[key] = next;
        }

        return next;
    }

    /// <summary>Next node from node by c, or 0 when the walk ends.</summary>
    public int Step(int node, char c)
    {
        if (node == 0)
        {
            return _root[c];
        }

        return _edges.TryGetValue(((long)node << 16) | c, out var next) ? next : 0;
    }

    public int WordAt(int node) => _terminal[node];

    /// <summary>Id of the exact word, or -1.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        var node = 0;
        foreach (var c in word)
        {
            node = Step(node, c);
            if (node == 0)
            {
                return -1;
            }
        }

        return node == 0 ? -1 : _terminal[node];
    }
}
