using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace BotAssistant.Assistant.Tests;

/// <summary>One turn of a transcript: what the user says and what the replies must (and must not) say.</summary>
public sealed record TranscriptTurn(string User, IReadOnlyList<string> Expect, IReadOnlyList<string> Not, bool? Asks, IReadOnlyList<string> Measures);

/// <summary>A whole conversation from transcripts/*.yaml, read like the policy it checks.</summary>
public sealed record TranscriptCase(string File, string Name, DateOnly AsOf, string Channel, IReadOnlyList<TranscriptTurn> Turns)
{
    public override string ToString() => $"{Path.GetFileNameWithoutExtension(File)}: {Name}";

    public static IReadOnlyList<TranscriptCase> LoadAll()
    {
        var dir = Path.Combine(AssistantHarness.RepoRoot, "tests", "BotAssistant.Assistant.Tests", "transcripts");
        return Directory.GetFiles(dir, "*.yaml").Order(StringComparer.Ordinal).SelectMany(Load).ToList();
    }

    private static readonly string[] CaseKeys = ["name", "as_of", "channel", "turns", "why"];
    private static readonly string[] TurnKeys = ["user", "expect", "not", "asks", "measures"];

    public static IEnumerable<TranscriptCase> Load(string file)
    {
        var stream = new YamlStream();
        using (var reader = System.IO.File.OpenText(file))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var node in ((YamlSequenceNode)root.Children["conversations"]).Children.Cast<YamlMappingNode>())
        {
            Strict(file, node, CaseKeys);
            var turns = ((YamlSequenceNode)node.Children["turns"]).Children.Cast<YamlMappingNode>().Select(t =>
            {
                Strict(file, t, TurnKeys);
                return new TranscriptTurn(Scalar(t, "user")!, List(t, "expect"), List(t, "not"),
                    Scalar(t, "asks") is { } asks ? bool.Parse(asks) : null, List(t, "measures"));
            }).ToList();
            var asOf = Scalar(node, "as_of") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : new DateOnly(2026, 12, 1);
            yield return new TranscriptCase(file, Scalar(node, "name")!, asOf, Scalar(node, "channel") ?? "test", turns);
        }
    }

    private static void Strict(string file, YamlMappingNode node, string[] allowed)
    {
        var unknown = node.Children.Keys.Select(k => k.ToString()).Except(allowed).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"{file}:{node.Start.Line}: unknown key(s) {string.Join(", ", unknown)}");
        }
    }

    private static string? Scalar(YamlMappingNode n, string key) => n.Children.TryGetValue(key, out var v) ? v.ToString() : null;

    private static List<string> List(YamlMappingNode n, string key) =>
        n.Children.TryGetValue(key, out var v) && v is YamlSequenceNode s ? s.Children.Select(c => c.ToString()).ToList() : [];
}
