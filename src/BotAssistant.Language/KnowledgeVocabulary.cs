using YamlDotNet.RepresentationModel;

namespace BotAssistant.Language;

/// <summary>
/// Reads the vocabulary straight from knowledge/places.yaml, topics.yaml, materials.yaml and facts.yaml,
/// leniently (the policies layer owns their validation). For tools, tests and benchmarks; the
/// assistant fills <see cref="DomainVocabulary"/> from its catalog, measures included.
/// </summary>
public static class KnowledgeVocabulary
{
    public static DomainVocabulary Load(string knowledgeDir)
    {
        var places = Map(knowledgeDir, "places.yaml", "places").Select(kv =>
            new PlaceTerm(kv.Key, Scalar(kv.Value, "full_name") ?? kv.Key, Seq(kv.Value, "aliases"))).ToList();
        var topics = Map(knowledgeDir, "topics.yaml", "topics").Select(kv =>
            new Term(kv.Key, Scalar(kv.Value, "name") ?? kv.Key, Seq(kv.Value, "synonyms"))).ToList();
        var materials = Map(knowledgeDir, "materials.yaml", "materials").Select(kv =>
            new Term(kv.Key, Scalar(kv.Value, "name") ?? kv.Key, [])).ToList();
        var facts = Map(knowledgeDir, "facts.yaml", "facts")
            .Where(kv => kv.Value is YamlMappingNode m && m.Children.ContainsKey("values"))
            .Select(kv => new FactTerm(kv.Key, ((YamlMappingNode)((YamlMappingNode)kv.Value).Children["values"]).Children
                .ToDictionary(c => c.Key.ToString(), c => c.Value.ToString()))).ToList();
        return new DomainVocabulary(places, topics, [], materials, facts);
    }

    private static IEnumerable<KeyValuePair<string, YamlNode>> Map(string dir, string file, string root)
    {
        var path = Path.Combine(dir, file);
        if (!File.Exists(path))
        {
            return [];
        }

        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode top
            || !top.Children.TryGetValue(root, out var node) || node is not YamlMappingNode map)
        {
            return [];
        }

        return map.Children.Select(c => new KeyValuePair<string, YamlNode>(c.Key.ToString(), c.Value)).ToList();
    }

    private static string? Scalar(YamlNode node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(key, out var v) && v is YamlScalarNode s ? s.Value : null;

    private static IReadOnlyList<string> Seq(YamlNode node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(key, out var v) && v is YamlSequenceNode s
            ? s.Children.Select(c => c.ToString()).ToList()
            : [];
}
