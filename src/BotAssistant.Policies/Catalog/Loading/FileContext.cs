using YamlDotNet.RepresentationModel;

namespace BotAssistant.Policies.Loading;

/// <summary>Collects errors for one file so every problem is reported, not just the first.</summary>
internal sealed class FileContext(string file, List<CatalogError> errors)
{
    public string File { get; } = file;

    public void Error(YamlNode node, string message) => Error(LineOf(node), message);

    public void Error(int line, string message) => errors.Add(new CatalogError(File, line, message));

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    public MapReader? Map(YamlNode? node, string what)
    {
        if (node is YamlMappingNode map)
        {
            return new MapReader(map, this);
        }

        if (node is not null)
        {
            Error(node, $"{what} must be a mapping (key: value)");
        }

        return null;
    }

    public IEnumerable<YamlNode> Items(YamlNode? node, string what)
    {
        if (node is YamlSequenceNode seq)
        {
            return seq.Children;
        }

        if (node is not null && !MapReader.IsNull(node))
        {
            Error(node, $"{what} must be a list");
        }

        return [];
    }
}
