using System.Globalization;
using BotAssistant.Bot.Testing;
using System.Text.Json;
using Xunit.Abstractions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BotAssistant.Language.Tests;

/// <summary>
/// Our recognizers against Microsoft.Recognizers.Text 1.3.1 (zh-cn) on data/recognizer-expressions.tsv.
/// Every disagreement must be listed, with a reason, in data/recognizer-disagreements.yaml.
/// Without node or npm the test is skipped with the reason, unless BOTASSISTANT_REQUIRE_SERVICES=1,
/// where that is a failure.
/// </summary>
public class RecognizerDifferentialTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void AgreesWithMicrosoftRecognizersOrDisagreementIsJustified()
    {
        if (NodeRunner.Prepare(Path.Combine("@microsoft", "recognizers-text-suite")) is { } why)
        {
            Services.Unavailable("differential test vs @microsoft/recognizers-text-suite: " + why);
        }

        var file = Path.Combine(TestModel.DataDir, "recognizer-expressions.tsv");
        var run = NodeRunner.Run("node", $"recognize.js \"{file}\" {TestModel.AsOf:yyyy-MM-dd}", NodeRunner.NodeDir, TimeSpan.FromMinutes(3));
        Assert.True(run is { ExitCode: 0 }, "recognize.js failed: " + run?.Error);
        var theirs = JsonSerializer.Deserialize<List<Reference>>(run!.Output, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        var justified = LoadJustified();
        var unjustified = new List<string>();
        var agree = 0;
        var disagreements = new HashSet<(string, string)>();
        foreach (var r in theirs)
        {
            var ours = Ours(r.Category, r.Text);
            var them = Canonical(r.Value);
            if (ours == them)
            {
                agree++;
                continue;
            }

            disagreements.Add((r.Category, r.Text));
            if (!justified.Contains((r.Category, r.Text)))
            {
                unjustified.Add($"- {{category: {r.Category}, text: \"{r.Text}\", ours: \"{ours}\", theirs: \"{them}\", reason: \"\"}}");
            }
        }

        output.WriteLine($"agreement {agree}/{theirs.Count} = {(double)agree / theirs.Count:P1}; justified disagreements {justified.Count}");
        Assert.True(theirs.Count >= 300, $"only {theirs.Count} expressions");
        Assert.True(unjustified.Count == 0, "unjustified disagreements:\n" + string.Join("\n", unjustified));

        // A listed disagreement that now agrees (or whose expression was removed) is a stale justification.
        var stale = justified.Where(j => !disagreements.Contains(j)).Select(j => $"{j.Item1}: {j.Item2}").ToList();
        Assert.True(stale.Count == 0, "listed in recognizer-disagreements.yaml but no longer a disagreement:\n" + string.Join("\n", stale));
    }

    public sealed record Reference(string Category, string Text, JsonElement Value);

    private sealed class Disagreement
    {
        public string Category { get; set; } = "";
        public string Text { get; set; } = "";
        public string Ours { get; set; } = "";
        public string Theirs { get; set; } = "";
        public string Reason { get; set; } = "";
    }

    private static HashSet<(string, string)> LoadJustified()
    {
        var yaml = File.ReadAllText(Path.Combine(TestModel.DataDir, "recognizer-disagreements.yaml"));
        var list = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<List<Disagreement>>(yaml) ?? [];
        Assert.All(list, d => Assert.False(string.IsNullOrWhiteSpace(d.Reason), $"no reason given for \"{d.Text}\""));
        return list.Select(d => (d.Category, d.Text)).ToHashSet();
    }

    private static string Canonical(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDecimal().ToString("0.##", CultureInfo.InvariantCulture),
        JsonValueKind.String => v.GetString()!,
        _ => "",
    };

    /// <summary>Our answer in the same canonical form as recognize.js prints.</summary>
    internal static string Ours(string category, string text)
    {
        var u = TestModel.U(text);
        Entity? e = category switch
        {
            "currency" => u.First(EntityKind.Money),
            "percentage" => u.First(EntityKind.Percentage),
            "age" => u.First(EntityKind.Age),
            "datetime" => u.First(EntityKind.Date) ?? u.First(EntityKind.Duration),
            _ => u.Entities.FirstOrDefault(x => x.Number is not null && x.Kind is not (EntityKind.Date or EntityKind.Choice)),
        };
        if (e is null)
        {
            return "";
        }

        return e.Kind switch
        {
            EntityKind.Date => e.Precision == DatePrecision.Year ? e.Value[..4] : e.Value,
            EntityKind.Duration => $"P{e.Number!.Value.ToString("0.##", CultureInfo.InvariantCulture)}M",
            _ => e.Number!.Value.ToString("0.##", CultureInfo.InvariantCulture),
        };
    }
}
