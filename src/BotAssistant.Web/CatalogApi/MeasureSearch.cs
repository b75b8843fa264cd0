using BotAssistant.Assistant.Knowledge;
using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Web.CatalogApi;

public sealed record SearchHit(Measure Measure, double Score, IReadOnlyList<string> Matched);

public sealed record SearchOutcome(IReadOnlyList<string> Words, IReadOnlyList<string> Places, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// Ranks measures for a staff query ("稷山 场地租赁", "实习补贴 留用率", "退伍 税") with the bot's language layer:
/// a named place filters, a recognized measure, topic, group or material adds a fixed weight, and every other word
/// scores by where it occurs (name ≫ plain wording ≫ quote) times its rarity across the catalog.
/// </summary>
public static class MeasureSearch
{
    private const double MeasureWeight = 60;
    private const double TopicWeight = 40;
    private const double GroupWeight = 15;
    private const double MaterialWeight = 8;
    private const double NameWeight = 10;
    private const double DetailWeight = 4;
    private const double SourceWeight = 2;

    public static SearchOutcome Run(KnowledgeSnapshot snapshot, string query, DateOnly asOf, int limit)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var understanding = snapshot.Language.Understand(query ?? "", new UnderstandingContext(asOf));
        var text = understanding.Normalized;
        var places = understanding.Places;
        var index = SearchIndex.For(snapshot);
        var words = Words(snapshot.Language, text, understanding);
        var weights = words.ToDictionary(w => w, w => Rarity(index, w));
        // "稷山" alone asks for everything there.
        var placeOnly = places.Count > 0 && words.Count == 0
            && !understanding.Entities.Any(e => e.Kind is EntityKind.Measure or EntityKind.Topic or EntityKind.Group or EntityKind.Material);
        var hits = new List<(SearchHit Hit, int Order)>();
        foreach (var m in index.Measures)
        {
            if (places.Count > 0 && !places.Contains(m.Measure.Place))
            {
                continue;
            }

            var (score, matched) = placeOnly ? (1, [m.Measure.Place]) : Score(index, m, understanding, words, weights, text);
            if (score > 0)
            {
                hits.Add((new SearchHit(m.Measure, Math.Round(score, 2), matched), m.Order));
            }
        }

        var ranked = hits
            .OrderByDescending(h => h.Hit.Score)
            .ThenBy(h => PolicyEngine.ValidityOf(h.Hit.Measure, asOf).Status == Validity.InForce ? 0 : 1)
            .ThenBy(h => h.Order)
            .Take(limit)
            .Select(h => h.Hit)
            .ToList();
        return new SearchOutcome(words, places, ranked);
    }

    private static (double Score, List<string> Matched) Score(
        SearchIndex index, IndexedMeasure m, Understanding u, IReadOnlyList<string> words, Dictionary<string, double> weights, string text)
    {
        var matched = new List<string>();
        double score = 0;
        void Add(double points, string why)
        {
            score += points;
            matched.Add(why);
        }

        if (string.Equals(text.Trim(), m.Measure.Id, StringComparison.OrdinalIgnoreCase))
        {
            Add(MeasureWeight * 2, m.Measure.Id);
        }

        foreach (var e in u.Entities.DistinctBy(e => (e.Kind, e.Value)))
        {
            switch (e.Kind)
            {
                case EntityKind.Measure when e.Value == m.Measure.Id:
                    Add(MeasureWeight, e.Text);
                    break;
                case EntityKind.Topic when e.Value == m.Measure.Topic:
                    Add(TopicWeight, e.Text);
                    break;
                case EntityKind.Group when m.Terms.Mentions(e.Value):
                    // A measure named for the group (招用自主就业退役士兵…) outranks one that merely lists it among others.
                    var named = index.GroupNames.GetValueOrDefault(e.Value)?.Any(n => m.Names.Contains(n, StringComparison.Ordinal)) == true;
                    Add(named ? GroupWeight * 2 : GroupWeight, e.Text);
                    break;
                case EntityKind.Material when m.Measure.Materials.Any(r => r.Id == e.Value):
                    Add(MaterialWeight, e.Text);
                    break;
            }
        }

        var found = 0;
        foreach (var w in words)
        {
            var field = m.Names.Contains(w, StringComparison.Ordinal) ? NameWeight
                : w.Length == 1 ? 0
                : m.Details.Contains(w, StringComparison.Ordinal) ? DetailWeight
                : m.Source.Contains(w, StringComparison.Ordinal) ? SourceWeight
                : 0;
            if (field > 0)
            {
                found++;
                Add(field * weights[w] * Math.Min(w.Length, 4) / 2, w);
            }
        }

        // A measure that has every word of the query beats one that has the rarest word twice over.
        if (words.Count > 1 && found > 0)
        {
            score *= 1 + (double)found / words.Count;
        }

        return (score, matched.Distinct().ToList());
    }

    /// <summary>The query's words, minus place names (they filter) and punctuation.</summary>
    private static List<string> Words(LanguageModel language, string text, Understanding u)
    {
        var placeSpans = u.Entities.Where(e => e.Kind is EntityKind.Place or EntityKind.UncoveredPlace).ToList();
        return language.Segmenter.Cut(text)
            .Where(t => !placeSpans.Any(p => t.Start < p.End && p.Start < t.End))
            .Select(t => text.Substring(t.Start, t.Length))
            .Where(w => w.Any(char.IsLetterOrDigit) && !IsFiller(w))
            .Distinct()
            .ToList();
    }

    private static bool IsFiller(string word) => word is "的" or "了" or "和" or "与" or "及" or "有" or "吗" or "呢" or "是";

    private static double Rarity(SearchIndex index, string word)
    {
        var df = index.DocumentFrequency(word);
        return df == 0 ? 0 : Math.Log(1 + (double)index.Measures.Count / df);
    }
}
