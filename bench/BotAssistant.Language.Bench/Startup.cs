using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BotAssistant.Language.Segmentation;

namespace BotAssistant.Language.Bench;

/// <summary>
/// `--startup [runs]`: time to a ready segmenter, cold. Each measurement is its own process (jieba.NET keeps its
/// dictionary for the life of the process, and a warm JIT would flatter either side), the kinds alternating so
/// a busy moment of the machine falls on both. A child loads one kind, cuts one message and reports.
/// </summary>
public static class Startup
{
    private const string Probe = "你好 我们是平凉的一家小公司 今年招了三个应届大学生 都签了一年合同 社保也交了 能拿啥补贴";

    private static readonly string[] Kinds = ["ours", "jieba", "model"];

    public sealed record Result(string Kind, double LoadMs, double SinceStartMs, long HeapBytes, long AllocatedBytes, long WorkingSetBytes);

    public static void Parent(int runs)
    {
        var file = JiebaSide.WriteUserDictionary(Corpus.BuildModel().VocabularyWords,
            Path.Combine(Path.GetTempPath(), $"bench-startup-userdict-{Environment.ProcessId}.txt"));
        var results = new List<(Result R, double WallMs)>();
        try
        {
            for (var i = 0; i < runs; i++)
            {
                foreach (var kind in Kinds)
                {
                    results.Add(RunChild(kind, file));
                }
            }
        }
        finally
        {
            File.Delete(file);
        }

        Console.WriteLine($"start-up, {runs} fresh processes per kind (median; min–max)");
        Console.WriteLine("| kind | load to first cut ms | process start to first cut ms | whole process ms | managed heap after load | allocated while loading | working set |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in Kinds)
        {
            var mine = results.Where(r => r.R.Kind == kind).ToList();
            Console.WriteLine($"| {kind} | {Spread(mine.Select(r => r.R.LoadMs))} | {Spread(mine.Select(r => r.R.SinceStartMs))} | " +
                $"{Spread(mine.Select(r => r.WallMs))} | {Median(mine.Select(r => r.R.HeapBytes / 1048576.0)):F1} MiB | " +
                $"{Median(mine.Select(r => r.R.AllocatedBytes / 1048576.0)):F1} MiB | {Median(mine.Select(r => r.R.WorkingSetBytes / 1048576.0)):F1} MiB |");
        }
    }

    public static void Child(string kind, string userDictionary)
    {
        var heapBefore = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var sw = Stopwatch.StartNew();
        object ready;
        int words;
        switch (kind)
        {
            case "ours":
                // The segmenter alone: the same two dictionaries jieba gets, read from files.
                var entries = DictionaryReader.ReadFile(Path.Combine(Corpus.RepoRoot, "knowledge", "lexicon", "base.txt"))
                    .Concat(DictionaryReader.ReadFile(userDictionary));
                var segmenter = new Segmenter(new WordDictionary(entries));
                words = segmenter.Cut(Probe).Count;
                ready = segmenter;
                break;
            case "jieba":
                JiebaSide.Configure();
                var jieba = JiebaSide.Create(userDictionary);
                words = jieba.Cut(Probe, cutAll: false, hmm: false).Count();
                ready = jieba;
                break;
            case "model":
                // For scale: everything Understand needs (lexicon YAML, vocabulary index, intents) besides the segmenter.
                var model = Corpus.BuildModel();
                words = model.Segmenter.Cut(Probe).Count;
                ready = model;
                break;
            default:
                throw new ArgumentException("unknown kind " + kind);
        }

        var loadMs = sw.Elapsed.TotalMilliseconds;
        var sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        var heap = GC.GetTotalMemory(true) - heapBefore;
        GC.KeepAlive(ready);
        if (words == 0)
        {
            throw new InvalidOperationException("no words cut");
        }

        Console.WriteLine(JsonSerializer.Serialize(new Result(kind, loadMs, sinceStart, heap, allocated, Environment.WorkingSet)));
    }

    private static (Result, double) RunChild(string kind, string userDictionary)
    {
        // Run as this program was run: the apphost, or `dotnet <dll>`.
        var self = Environment.ProcessPath!;
        var psi = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self) { ArgumentList = { typeof(Startup).Assembly.Location } }
            : new ProcessStartInfo(self);
        foreach (var a in new[] { "--startup-child", kind, userDictionary })
        {
            psi.ArgumentList.Add(a);
        }

        psi.RedirectStandardOutput = true;
        var wall = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var wallMs = wall.Elapsed.TotalMilliseconds;
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"start-up child {kind} exited {p.ExitCode}: {output}");
        }

        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return (JsonSerializer.Deserialize<Result>(line)!, wallMs);
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }

    private static string Spread(IEnumerable<double> values)
    {
        var v = values.ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{Median(v):F0} ({v.Min():F0}–{v.Max():F0})");
    }
}
