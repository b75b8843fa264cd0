using BenchmarkDotNet.Attributes;
using BotAssistant.Language.Segmentation;
using JiebaSegmenter = JiebaNet.Segmenter.JiebaSegmenter;

namespace BotAssistant.Language.Bench;

/// <summary>
/// Our segmenter and jieba.NET 0.42.2 on the same texts, both with the model's vocabulary as user words. MB/s is the
/// text's UTF-8 size over the mean; BenchmarkDotNet's MemoryDiagnoser gives the bytes allocated per cut.
/// </summary>
[MemoryDiagnoser]
public class JiebaBenchmarks
{
    private Segmenter _ours = null!;
    private JiebaSegmenter _jieba = null!;
    private readonly List<Token> _tokens = new(64 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        var model = Corpus.BuildModel();
        _ours = model.Segmenter;
        JiebaSide.Configure();
        var file = Path.Combine(Path.GetTempPath(), $"bench-userdict-{Environment.ProcessId}.txt");
        try
        {
            _jieba = JiebaSide.Create(JiebaSide.WriteUserDictionary(model.VocabularyWords, file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The production path: tokens into a reused list.</summary>
    [Benchmark(Baseline = true)]
    public int OursSeeds()
    {
        _tokens.Clear();
        return _ours.Cut(Corpus.SeedsText, _tokens);
    }

    /// <summary>Ours giving a list of strings, as jieba does, so the allocations compare like for like.</summary>
    [Benchmark]
    public int OursSeedsWords() => _ours.CutToWords(Corpus.SeedsText).Count;

    [Benchmark]
    public int JiebaSeeds() => _jieba.Cut(Corpus.SeedsText, cutAll: false, hmm: false).Count();

    [Benchmark]
    public int JiebaSeedsHmm() => _jieba.Cut(Corpus.SeedsText, cutAll: false, hmm: true).Count();

    [Benchmark(OperationsPerInvoke = 424)]
    public int OursMessages()
    {
        var n = 0;
        foreach (var m in Corpus.Messages)
        {
            n += _ours.Cut(m).Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 424)]
    public int JiebaMessages()
    {
        var n = 0;
        foreach (var m in Corpus.Messages)
        {
            n += _jieba.Cut(m, cutAll: false, hmm: false).Count();
        }

        return n;
    }
}
