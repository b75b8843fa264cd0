using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace BotAssistant.Policies.Tests;

/// <summary>One entry of cases/*.yaml: facts in, expected result out.</summary>
public sealed record TableCase(
    string Name,
    string Measure,
    DateOnly AsOf,
    IReadOnlyList<KeyValuePair<string, string>> Facts,
    string? Status,
    decimal? Amount,
    decimal? AmountMin,
    decimal? AmountMax,
    string? Formula,
    string? Validity,
    IReadOnlyList<string> Missing,
    string? ExcludedBy)
{
    public static IReadOnlyList<TableCase> ReadFile(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode items)
        {
            return [];
        }

        return items.Children.Cast<YamlMappingNode>().Select(Read).ToList();
    }

    private static TableCase Read(YamlMappingNode node)
    {
        var expect = Get(node, "expect") as YamlMappingNode ?? new YamlMappingNode();
        var amount = Get(expect, "amount");
        var range = amount as YamlMappingNode;
        return new TableCase(
            Scalar(node, "name") ?? "(unnamed)",
            Scalar(node, "measure") ?? "",
            DateOnly.ParseExact(Scalar(node, "as_of") ?? "2023-10-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Map(node, "facts"),
            Scalar(expect, "status"),
            amount is YamlScalarNode s ? decimal.Parse(s.Value!, CultureInfo.InvariantCulture) : null,
            range is null ? null : Number(range, "min"),
            range is null ? null : Number(range, "max"),
            Scalar(expect, "formula"),
            Scalar(expect, "validity"),
            (Get(expect, "missing") as YamlSequenceNode)?.Children
                .Select(c => ((YamlScalarNode)c).Value!).ToList() ?? [],
            Scalar(expect, "excluded_by"));
    }

    private static YamlNode? Get(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) =>
        (Get(node, key) as YamlScalarNode)?.Value;

    private static decimal? Number(YamlMappingNode node, string key) =>
        Scalar(node, key) is { } s ? decimal.Parse(s, CultureInfo.InvariantCulture) : null;

    private static List<KeyValuePair<string, string>> Map(YamlMappingNode node, string key) =>
        (Get(node, key) as YamlMappingNode)?.Children
            .Select(kv => new KeyValuePair<string, string>(((YamlScalarNode)kv.Key).Value!, ((YamlScalarNode)kv.Value).Value ?? ""))
            .ToList() ?? [];
}
