using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Running;
using BotAssistant.Language;
using BotAssistant.Language.Bench;
using BotAssistant.Language.Segmentation;

// `--quick`: wall-clock figures for bench/README.md (segmenter MB/s next to jieba.NET and @node-rs/jieba in the
// same run, Understand p50/p99). `--startup [runs]`: cold start-up of our segmenter and jieba.NET, one fresh
// process per measurement. Otherwise BenchmarkDotNet's full runs (`--filter '*Jieba*'` for the side-by-side).
if (args.Length >= 3 && args[0] == "--startup-child")
{
    Startup.Child(args[1], args[2]);
    return;
}

if (args.Length >= 1 && args[0] == "--startup")
{
    Startup.Parent(args.Length >= 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7);
    return;
}

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

JiebaSide.Configure();
var userDictionary = JiebaSide.WriteUserDictionary(model.VocabularyWords, Path.Combine(Path.GetTempPath(), $"bench-quick-userdict-{Environment.ProcessId}.txt"));
var jieba = JiebaSide.Create(userDictionary);
File.Delete(userDictionary);
var jiebaWords = jieba.Cut(text, cutAll: false, hmm: false).Count();
var jiebaOff = MBps(() => jieba.Cut(text, cutAll: false, hmm: false).Count(), bytes);
var jiebaOn = MBps(() => jieba.Cut(text, cutAll: false, hmm: true).Count(), bytes);
Console.WriteLine($"jieba.NET 0.42.2: {jiebaOff:F1} MB/s HMM off ({jiebaWords} words incl. spaces), {jiebaOn:F1} MB/s HMM on; ours / jieba.NET (HMM off) = {ours / jiebaOff:F1} ×");
var messageBytes = Corpus.Messages.Sum(m => Encoding.UTF8.GetByteCount(m));
var oursMessages = MBps(() => Corpus.Messages.Sum(m => model.Segmenter.Cut(m).Count), messageBytes);
var jiebaMessages = MBps(() => Corpus.Messages.Sum(m => jieba.Cut(m, cutAll: false, hmm: false).Count()), messageBytes);
Console.WriteLine($"messages ({Corpus.Messages.Count}, {messageBytes / 1024.0:F0} KiB): ours {oursMessages:F1} MB/s, jieba.NET {jiebaMessages:F1} MB/s HMM off ({oursMessages / jiebaMessages:F1} ×)");
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

// Five warm-up calls, then as many as fit in three seconds.
static double MBps(Func<int> cut, long bytes)
{
    for (var i = 0; i < 5; i++)
    {
        cut();
    }

    var sw = Stopwatch.StartNew();
    var runs = 0;
    while (sw.Elapsed.TotalSeconds < 3)
    {
        cut();
        runs++;
    }

    return bytes * (double)runs / sw.Elapsed.TotalSeconds / 1e6;
}

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
