using BotAssistant.Policies;

namespace BotAssistant.Web.CatalogApi;

/// <summary>One kind of measure across the five places, in places.yaml order; a place without one has an empty list.</summary>
public static class TopicComparison
{
    /// <summary>A topic by key, Chinese name or synonym (jianxi, 就业见习补贴, 见习补贴).</summary>
    public static Topic? Find(Catalog catalog, string? topic)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(topic))
        {
            return null;
        }

        var t = topic.Trim();
        return catalog.Topics.GetValueOrDefault(t)
            ?? catalog.Topics.Values.FirstOrDefault(x => x.Name == t || x.Synonyms.Contains(t));
    }

    public static CompareView Of(Catalog catalog, Topic topic, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(topic);
        var places = catalog.Places.Values
            .Select(p => new ComparePlaceView(p.Key, p.FullName,
                catalog.ForTopic(topic.Key).Where(m => m.Place == p.Key).Select(m => MeasureViews.Summary(catalog, m, asOf)).ToList()))
            .ToList();
        return new CompareView(topic.Key, topic.Name, AsOfDate.Format(asOf), places);
    }

    /// <summary>Topics that at least one measure names, with how many measures each has.</summary>
    public static IReadOnlyList<TopicView> Topics(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var counts = catalog.Measures.GroupBy(m => m.Topic).ToDictionary(g => g.Key, g => g.Count());
        return catalog.Topics.Values
            .Where(t => counts.ContainsKey(t.Key))
            .Select(t => new TopicView(t.Key, t.Name, t.Synonyms, counts[t.Key]))
            .ToList();
    }
}
