using BotAssistant.Assistant.Knowledge;

namespace BotAssistant.Web.CatalogApi;

/// <summary>A search as the API returns it and the search page shows it.</summary>
public static class Searching
{
    public static SearchView View(KnowledgeSnapshot snapshot, string query, DateOnly asOf, int limit)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var outcome = MeasureSearch.Run(snapshot, query, asOf, limit);
        var hits = outcome.Hits
            .Select(h => new SearchHitView(MeasureViews.Summary(snapshot.Catalog, h.Measure, asOf), h.Score, h.Matched))
            .ToList();
        return new SearchView(query, AsOfDate.Format(asOf), outcome.Words, outcome.Places, hits);
    }
}
