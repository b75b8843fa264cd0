using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace BotAssistant.Assistant.Bench;

/// <summary>
/// A conversation to replay: the user's opening turns, and how to answer each follow-up question
/// (the first rule whose pattern matches the question, else the default), as the conversation evaluation does.
/// </summary>
public sealed record ScreeningScript(string Name, IReadOnlyList<string> Turns, IReadOnlyList<(Regex When, string Say)> Answers, string? Default)
{
    public string AnswerTo(string question) =>
        Answers.FirstOrDefault(a => a.When.IsMatch(question)).Say ?? Default ?? "不知道";

    /// <summary>The screen cases of an evaluation file (JSON lines).</summary>
    public static IEnumerable<ScreeningScript> FromEvalCases(string path)
    {
        foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var c = doc.RootElement;
            if (c.GetProperty("kind").GetString() != "screen")
            {
                continue;
            }

            var answers = c.TryGetProperty("answers", out var a)
                ? a.EnumerateArray().Select(x => (new Regex(x.GetProperty("when").GetString()!), x.GetProperty("say").GetString()!)).ToList()
                : [];
            yield return new ScreeningScript(
                c.GetProperty("id").GetString()!, c.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!).ToList(), answers,
                c.TryGetProperty("default", out var d) ? d.GetString() : null);
        }
    }

    /// <summary>Every transcript conversation, replayed turn by turn (their own answers, no rules).</summary>
    public static IEnumerable<ScreeningScript> FromTranscripts(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                stream.Load(reader);
            }

            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            foreach (var c in ((YamlSequenceNode)root.Children["conversations"]).Children.Cast<YamlMappingNode>())
            {
                var turns = ((YamlSequenceNode)c.Children["turns"]).Children.Cast<YamlMappingNode>().Select(t => t.Children["user"].ToString()).ToList();
                yield return new ScreeningScript($"{Path.GetFileNameWithoutExtension(file)}: {c.Children["name"]}", turns, [], null);
            }
        }
    }
}
