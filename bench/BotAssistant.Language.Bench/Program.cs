using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Running;
using BotAssistant.Language;
using BotAssistant.Language.Bench;
using BotAssistant.Language.Segmentation;

// `--quick`: wall-clock figures for bench/README.md (segmenter MB/s next to @node-rs/jieba in the
// same run, Understand p50/p99). Otherwise BenchmarkDotNet's full runs.
if (!args.Contains("--quick"))
{
    BenchmarkSwitcher.FromAssembly(typeof(LanguageBenchmarks).Assembly).Run(args);
    return;
}

var model = Corpus.BuildModel();
var text = Corpus.SeedsText;
var bytes = Encoding.UTF8.GetByteCount(text);
var tokens = new List<Token>(text.Length);
for (var i = 0; i < 5; i++)
{
    tokens.Clear();
    model.Segmenter.Cut(text, tokens);
}

var sw = Stopwatch.StartNew();
var runs = 0;
while (sw.Elapsed.TotalSeconds < 3)
{
    tokens.Clear();
    model.Segmenter.Cut(text, tokens);
    runs++;
}

var ours = bytes * (double)runs / sw.Elapsed.TotalSeconds / 1e6;
Console.WriteLine($"seeds: {bytes / 1024.0:F0} KiB UTF-8, {tokens.Count} tokens");
Console.WriteLine($"segmenter: {ours:F1} MB/s");
Console.WriteLine($"@node-rs/jieba: {NodeJieba(text)}");

var context = new UnderstandingContext(new DateOnly(2025, 6, 15));
foreach (var m in Corpus.Messages)
{
    model.Understand(m, context);
}

var samples = new List<double>();
for (var round = 0; round < 20; round++)
{
    foreach (var m in Corpus.Messages)
    {
        var t = Stopwatch.GetTimestamp();
        model.Understand(m, context);
        samples.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
    }
}

samples.Sort();
Console.WriteLine($"Understand: n={samples.Count} mean={samples.Average():F1} µs p50={samples[samples.Count / 2]:F1} µs p99={samples[(int)(samples.Count * 0.99)]:F1} µs max={samples[^1]:F1} µs");

static string NodeJieba(string text)
{
    var dir = Path.Combine(Corpus.RepoRoot, "bench", "BotAssistant.Language.Bench", "node");
    if (!Directory.Exists(Path.Combine(dir, "node_modules", "@node-rs", "jieba")))
    {
        return "skipped (run `npm ci` in " + dir + ")";
    }

    var file = Path.GetTempFileName();
    File.WriteAllText(file, text);
    try
    {
        var psi = new ProcessStartInfo("node", $"jieba-bench.js \"{file}\" 3") { WorkingDirectory = dir, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
    finally
    {
        File.Delete(file);
    }
}
