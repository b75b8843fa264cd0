namespace BotAssistant.Language.Segmentation;

/// <summary>
/// Immutable prefix tree over UTF-16 chars. The root fans out through a two-level table (two array probes for the
/// first char, which is where most walks stop): 256 pages of 256 slots, with one shared empty page, so a matcher of
/// fifty place names holds a few pages rather than a 256 KB array. Deeper edges live in one hash keyed by
/// (node, char). Terminal nodes carry the id of the word they end.
/// </summary>
internal sealed class CharTrie
{
    private static readonly int[] EmptyPage = new int[256];

    private readonly int[][] _root;        // char >> 8 → page; page[char & 0xFF] → node, 0 = none
    private readonly Dictionary<long, int> _edges;
    private readonly int[] _terminal;      // node → word id, -1 = not a word end

    public CharTrie(IReadOnlyList<string> words)
    {
        _root = new int[256][];
        Array.Fill(_root, EmptyPage);
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
            var page = _root[c >> 8];
            if (ReferenceEquals(page, EmptyPage))
            {
                page = _root[c >> 8] = new int[256];
            }

            if (page[c & 0xFF] == 0)
            {
                page[c & 0xFF] = terminal.Count;
                terminal.Add(-1);
            }

            return page[c & 0xFF];
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
            return _root[c >> 8][c & 0xFF];
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
