using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using BotAssistant.Policies;
using YamlDotNet.RepresentationModel;

namespace BotAssistant.Cli;

internal sealed class Commands(Catalog catalog, TextWriter output)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public int List(Options options)
    {
        var measures = Filter(catalog.Measures, options).ToList();
        if (options.Flag("json"))
        {
            return WriteJson(measures.Select(m => new { m.Id, m.Name, m.Place, m.Topic, Audience = Name(m.Audience), m.Summary }));
        }

        foreach (var m in measures)
        {
            output.WriteLine($"{m.Id,-28} {m.Place,-4} {Name(m.Audience),-11} {m.Name}");
        }

        output.WriteLine($"{measures.Count} measure(s)");
        return 0;
    }

    public int Show(Options options)
    {
        var id = options.Positional.FirstOrDefault() ?? throw new UsageException("show: give a measure id");
        var m = catalog.FindMeasure(id) ?? throw new UsageException($"show: no measure '{id}'");
        var view = MeasureView.Of(m, catalog);
        if (options.Flag("json"))
        {
            return WriteJson(view);
        }

        MeasureView.Print(view, output);
        return 0;
    }

    public int Eval(Options options)
    {
        var path = options.Positional.FirstOrDefault() ?? throw new UsageException("eval: give a FACTS.yaml file");
        var facts = catalog.ParseFacts(ReadFacts(path));
        var asOf = options.Value("as-of") is { } d
            ? DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new UsageException($"--as-of: '{d}' is not a date like 2023-10-01")
            : DateOnly.FromDateTime(DateTime.Today);
        var place = options.Value("place") ?? (facts.TryGet("place", out var p) ? p.ToString() : null);
        var candidates = Filter(catalog.Measures, options, place);
        var screen = PolicyEngine.Screen(catalog, candidates, facts, asOf);
        if (options.Flag("json"))
        {
            return WriteJson(EvalView.Of(screen, QuestionPlanner.NextFact(candidates, facts, catalog, new HashSet<string>())));
        }

        EvalView.Print(screen, catalog, facts, asOf, output);
        return 0;
    }

    private IEnumerable<Measure> Filter(IEnumerable<Measure> measures, Options options, string? place = null)
    {
        place ??= options.Value("place");
        if (place is not null)
        {
            var key = catalog.FindPlace(place)?.Key ?? throw new UsageException($"unknown place '{place}'");
            measures = measures.Where(m => m.Place == key);
        }

        if (options.Value("audience") is { } audience)
        {
            measures = measures.Where(m => Name(m.Audience) == audience);
        }

        if (options.Value("topic") is { } topic)
        {
            measures = measures.Where(m => m.Topic == topic);
        }

        return measures.ToList();
    }

    private static List<KeyValuePair<string, string>> ReadFacts(string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            // Same file:line form as the validator, so an editor can jump to it.
            throw new UsageException($"{path}:{ex.Start.Line}: {ex.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            throw new UsageException($"{path}: expected a mapping of fact: value");
        }

        return map.Children
            .Select(kv => new KeyValuePair<string, string>(kv.Key.ToString(), (kv.Value as YamlScalarNode)?.Value ?? ""))
            .ToList();
    }

    internal static string Name<T>(T value) where T : struct, Enum
    {
        var text = value.ToString();
        return string.Concat(text.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }

    private int WriteJson<T>(T value)
    {
        output.WriteLine(JsonSerializer.Serialize(value, Json));
        return 0;
    }
}
