using BenchmarkDotNet.Attributes;
using BotAssistant.Language.Segmentation;

namespace BotAssistant.Language.Bench;

[MemoryDiagnoser]
public class LanguageBenchmarks
{
    private LanguageModel _model = null!;
    private readonly List<Token> _tokens = new(64 * 1024);
    private readonly UnderstandingContext _context = new(new DateOnly(2025, 6, 15));

    [GlobalSetup]
    public void Setup() => _model = Corpus.BuildModel();

    /// <summary>All seeds once; divide their UTF-8 size by the mean to get MB/s.</summary>
    [Benchmark]
    public int SegmentSeeds()
    {
        _tokens.Clear();
        return _model.Segmenter.Cut(Corpus.SeedsText, _tokens);
    }

    [Benchmark(OperationsPerInvoke = 424)]
    public int UnderstandAll()
    {
        var n = 0;
        foreach (var m in Corpus.Messages)
        {
            n += _model.Understand(m, _context).Entities.Count;
        }

        return n;
    }
}
