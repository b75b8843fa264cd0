using System.Runtime.CompilerServices;
using BotAssistant.Assistant.Knowledge;
using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Web.CatalogApi;

/// <summary>
/// Each measure's searchable text in three fields of falling weight, normalized like queries are. Built once per
/// catalog snapshot: a reload brings a new snapshot and so a new index, and the old one goes with the old snapshot.
/// </summary>
internal sealed class SearchIndex
{
    private static readonly ConditionalWeakTable<KnowledgeSnapshot, SearchIndex> Cache = new();

    private SearchIndex(IReadOnlyList<IndexedMeasure> measures) => Measures = measures;

    public IReadOnlyList<IndexedMeasure> Measures { get; }

    /// <summary>
    /// How the catalog itself names a group the language layer recognized: the hired_group label for that key
    /// (veteran → 自主就业退役士兵) and the is_&lt;group&gt; label without its 是否 (是否退役军人 → 退役军人).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GroupNames { get; private init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    public static SearchIndex For(KnowledgeSnapshot snapshot) => Cache.GetValue(snapshot, Build);

    /// <summary>How many measures hold the word anywhere, for its weight: 补贴 is everywhere, 留用率 is rare.</summary>
    public int DocumentFrequency(string word) => Measures.Count(m => m.Names.Contains(word, StringComparison.Ordinal)
        || m.Details.Contains(word, StringComparison.Ordinal) || m.Source.Contains(word, StringComparison.Ordinal));

    private static Dictionary<string, IReadOnlyList<string>> Groups(Catalog catalog, Func<string, string> norm)
    {
        var names = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string group, string name) =>
            (names.TryGetValue(group, out var list) ? list : names[group] = []).Add(norm(name));
        foreach (var (key, label) in catalog.Facts.GetValueOrDefault("hired_group")?.Values ?? [])
        {
            Add(key, label);
        }

        foreach (var f in catalog.Facts.Values.Where(f => f.Type == FactType.Bool && f.Name.StartsWith("is_", StringComparison.Ordinal)))
        {
            var label = f.Label.StartsWith("是否", StringComparison.Ordinal) ? f.Label[2..] : f.Label;
            Add(f.Name[3..], label.Split('（')[0]);
        }

        return names.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value);
    }

    /// <summary>
    /// The language layer's normalization, spaces dropped (quotes print "离校 5 年内"). The normalizer cuts long
    /// input at the chat limit, so long text goes through in pieces.
    /// </summary>
    internal static string Normalize(LanguageModel language, string text)
    {
        const int Piece = 200;
        var parts = new List<string>();
        for (var i = 0; i < text.Length; i += Piece)
        {
            parts.Add(language.Normalizer.Normalize(text.Substring(i, Math.Min(Piece, text.Length - i))).Text);
        }

        return string.Concat(parts).Replace(" ", "", StringComparison.Ordinal);
    }

    private static SearchIndex Build(KnowledgeSnapshot snapshot)
    {
        var catalog = snapshot.Catalog;
        string Norm(string s) => Normalize(snapshot.Language, s);
        var list = catalog.Measures.Select((m, order) =>
        {
            var topic = catalog.Topics.GetValueOrDefault(m.Topic);
            var names = string.Join("|", new[] { m.Name, topic?.Name ?? "" }.Concat(m.Synonyms).Concat(topic?.Synonyms ?? []));
            var facts = m.ConditionFacts.Concat(m.Amount.Facts).Distinct()
                .Select(f => catalog.Facts.GetValueOrDefault(f)?.Label ?? "");
            var materials = m.Materials.Select(r => catalog.Materials.GetValueOrDefault(r.Id)?.Name ?? "");
            var details = string.Join("|", new[] { m.Summary ?? "" }
                .Concat(PolicyEngine.DescribeConditions(m)).Concat(facts).Concat(materials).Concat(m.Departments));
            var source = string.Join("|", m.Quote, m.Amount.Text ?? "", m.Amount.Note ?? "", m.Period.Text ?? "", m.Limits.Note ?? "",
                m.Document.Number, m.Document.Title, m.Clause);
            return new IndexedMeasure(m, order, Norm(names), Norm(details), Norm(source), ConditionTerms.Of(m));
        }).ToList();
        return new SearchIndex(list) { GroupNames = Groups(catalog, Norm) };
    }
}

/// <summary>Names (name, synonyms, topic) weigh most, then plain wording (summary, conditions, facts, materials), then the quote.</summary>
internal sealed record IndexedMeasure(Measure Measure, int Order, string Names, string Details, string Source, ConditionTerms Terms);

/// <summary>The facts and enum values a measure's conditions test, so a group named in a query (退伍) finds is_veteran or hired_group: veteran.</summary>
internal sealed record ConditionTerms(IReadOnlySet<string> Facts, IReadOnlySet<string> Values)
{
    public bool Mentions(string group) => Facts.Contains("is_" + group) || Facts.Contains("hired_" + group) || Values.Contains(group);

    public static ConditionTerms Of(Measure m)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in m.Conditions)
        {
            Walk(c, facts, values);
        }

        return new ConditionTerms(facts, values);
    }

    private static void Walk(Condition c, HashSet<string> facts, HashSet<string> values)
    {
        switch (c)
        {
            case FactTest t:
                facts.Add(t.Fact);
                values.UnionWith(t.Comparisons.SelectMany(x => x.Values).OfType<EnumValue>().Select(v => v.Key));
                break;
            case AllOf a:
                a.Items.ToList().ForEach(i => Walk(i, facts, values));
                break;
            case AnyOf a:
                a.Items.ToList().ForEach(i => Walk(i, facts, values));
                break;
            case Not n:
                Walk(n.Inner, facts, values);
                break;
        }
    }
}
