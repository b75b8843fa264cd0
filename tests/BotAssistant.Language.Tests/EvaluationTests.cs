using System.Text.Json;
using Xunit.Abstractions;

namespace BotAssistant.Language.Tests;

/// <summary>
/// Intent accuracy and entity F1 on data/utterances.jsonl. Lines carry a fixed split (30% "test",
/// chosen by a hash of the text when the set was written); rules are tuned on "dev" only, and only
/// dev misses are printed.
/// </summary>
public class EvaluationTests(ITestOutputHelper output)
{
    private const double Threshold = 0.90;

    [Fact]
    public void HeldOutIntentAccuracyAndEntityF1AreAtLeast90Percent()
    {
        var cases = LoadCases();
        var dev = Score(cases.Where(c => c.Split == "dev").ToList(), printMisses: true);
        var test = Score(cases.Where(c => c.Split == "test").ToList(), printMisses: false);
        output.WriteLine($"dev:  n={dev.N} intent accuracy={dev.Accuracy:P1} entity P={dev.Precision:P1} R={dev.Recall:P1} F1={dev.F1:P1}");
        output.WriteLine($"test: n={test.N} intent accuracy={test.Accuracy:P1} entity P={test.Precision:P1} R={test.Recall:P1} F1={test.F1:P1}");
        Assert.True(cases.Count >= 400, $"only {cases.Count} utterances");
        Assert.True(test.Accuracy >= Threshold, $"held-out intent accuracy {test.Accuracy:P1} < {Threshold:P0}");
        Assert.True(test.F1 >= Threshold, $"held-out entity F1 {test.F1:P1} < {Threshold:P0}");
    }

    internal sealed record Case(string Text, string Intent, ExpectedAnswer? Expected, HashSet<string> Entities, string Split);

    private sealed record Scores(int N, double Accuracy, double Precision, double Recall)
    {
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    private Scores Score(List<Case> cases, bool printMisses)
    {
        int right = 0, tp = 0, predicted = 0, expected = 0;
        foreach (var c in cases)
        {
            var u = TestModel.U(c.Text, c.Expected);
            var got = u.Entities.Select(Key).ToHashSet();
            right += u.Intent.ToString() == c.Intent ? 1 : 0;
            tp += got.Intersect(c.Entities).Count();
            predicted += got.Count;
            expected += c.Entities.Count;
            if (printMisses && (u.Intent.ToString() != c.Intent || !got.SetEquals(c.Entities)))
            {
                output.WriteLine($"MISS {c.Text}\n  intent {u.Intent} (want {c.Intent})\n  extra {string.Join(" ", got.Except(c.Entities))}\n  missing {string.Join(" ", c.Entities.Except(got))}");
            }
        }

        return new Scores(cases.Count, (double)right / Math.Max(1, cases.Count),
            predicted == 0 ? 1 : (double)tp / predicted, expected == 0 ? 1 : (double)tp / expected);
    }

    /// <summary>Entities compare by kind, value and number; duplicates (two cues for "employer") count once.</summary>
    internal static string Key(Entity e)
    {
        // For plain quantities the value is the number itself; labels give it once, as the number.
        var value = e.Kind is EntityKind.Number or EntityKind.Money or EntityKind.Age or EntityKind.Percentage or EntityKind.Choice ? "" : e.Value;
        return e.Number is { } n && e.Kind is not EntityKind.Date ? $"{e.Kind}:{value}={n:0.##}" : $"{e.Kind}:{value}";
    }

    internal static List<Case> LoadCases()
    {
        var result = new List<Case>();
        foreach (var line in File.ReadLines(Path.Combine(TestModel.DataDir, "utterances.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            ExpectedAnswer? exp = null;
            if (r.TryGetProperty("expected", out var e))
            {
                exp = new ExpectedAnswer(e.GetProperty("fact").GetString()!, Enum.Parse<ExpectedKind>(e.GetProperty("kind").GetString()!),
                    e.GetProperty("choices").EnumerateArray().Select(x => x.GetString()!).ToList());
            }

            var entities = r.GetProperty("entities").EnumerateArray().Select(x =>
                x.TryGetProperty("number", out var n)
                    ? $"{x.GetProperty("kind").GetString()}:{x.GetProperty("value").GetString()}={n.GetDecimal():0.##}"
                    : $"{x.GetProperty("kind").GetString()}:{x.GetProperty("value").GetString()}").ToHashSet();
            result.Add(new Case(r.GetProperty("text").GetString()!, r.GetProperty("intent").GetString()!, exp, entities, r.GetProperty("split").GetString()!));
        }

        return result;
    }
}
