using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Knowledge;

/// <summary>The words of the catalog handed to the language layer, which knows nothing of its C# types.</summary>
public static class CatalogVocabulary
{
    public static DomainVocabulary From(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var places = catalog.Places.Values.Select(p => new PlaceTerm(p.Key, p.FullName, p.Aliases)).ToList();
        var topics = catalog.Topics.Values.Select(t => new Term(t.Key, t.Name, t.Synonyms)).ToList();
        var measures = catalog.Measures.Select(m => new Term(m.Id, m.Name, m.Synonyms)).ToList();
        var materials = catalog.Materials.Values.Select(m => new Term(m.Id, m.Name, [])).ToList();
        var facts = catalog.Facts.Values
            .Where(f => f.Type == FactType.Enum)
            .Select(f => new FactTerm(f.Name, f.Values.ToDictionary(v => v.Key, v => v.Value)))
            .ToList();
        return new DomainVocabulary(places, topics, measures, materials, facts);
    }
}
