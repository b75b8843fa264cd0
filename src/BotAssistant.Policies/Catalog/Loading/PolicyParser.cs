using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace BotAssistant.Policies.Loading;

/// <summary>Vocabularies a policy file may refer to, plus checks that need every file loaded.</summary>
internal sealed record Vocabulary(
    IReadOnlyDictionary<string, Place> Places,
    IReadOnlyDictionary<string, Topic> Topics,
    IReadOnlyDictionary<string, FactDefinition> Facts,
    IReadOnlyDictionary<string, Material> Materials,
    SourceDocuments? Sources);

/// <summary>A measure plus where it was written, for checks run after all files are read.</summary>
internal sealed record LocatedMeasure(Measure Measure, string File, int Line, int LimitsLine);

/// <summary>Reads one policies/*.yaml file: its document header and its measures.</summary>
internal sealed partial class PolicyParser(Vocabulary vocabulary, FileContext ctx)
{
    private readonly ConditionParser _conditions = new(vocabulary.Facts, ctx);

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex IdPattern();

    public (PolicyDocument? Document, List<LocatedMeasure> Measures) Read(YamlNode? root)
    {
        var measures = new List<LocatedMeasure>();
        var top = ctx.Map(root, "file");
        if (top is null)
        {
            return (null, measures);
        }

        var header = top.Map("document", "file");
        var document = header is null ? null : Document(header);
        if (document is null)
        {
            ctx.Error(top.Line, "missing 'document:' section");
        }

        var seed = document is null || header is null ? null : SeedFor(document, top, header);
        foreach (var item in ctx.Items(top.Required("measures", "file"), "measures"))
        {
            if (document is not null && ctx.Map(item, "measure") is { } m)
            {
                measures.Add(new MeasureParser(vocabulary, _conditions, ctx).Read(m, document, seed));
            }
        }

        top.Finish("file");
        return (document, measures);
    }

    private PolicyDocument Document(MapReader r)
    {
        const string what = "document";
        var place = r.String("place", what, required: true) ?? "";
        if (place.Length > 0 && !vocabulary.Places.ContainsKey(place))
        {
            ctx.Error(r.Get("place")!, $"document: unknown place '{place}' (keys of places.yaml: {string.Join(", ", vocabulary.Places.Keys)})");
        }

        var id = r.String("id", what, required: true) ?? "";
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            ctx.Error(r.Get("id")!, $"document: id '{id}' must use only a-z, 0-9 and '-'");
        }

        var doc = new PolicyDocument(
            id, place, r.String("title", what, required: true) ?? "", r.String("number", what, required: true) ?? "",
            r.String("issuer", what), r.Date("date", what), r.String("seed", what), r.Date("until", what), ctx.File);
        if (doc.Date is { } date && doc.Until is { } until && until < date)
        {
            ctx.Error(r.Get("until")!, $"document: until {until:yyyy-MM-dd} is before the document date {date:yyyy-MM-dd}");
        }

        r.Finish(what);
        return doc;
    }

    /// <summary>The normalized seed text, or null when sources are not checked or the file cannot be read (an error).</summary>
    private string? SeedFor(PolicyDocument document, MapReader top, MapReader header)
    {
        if (vocabulary.Sources is not { } sources)
        {
            return null;
        }

        if (document.Seed is null)
        {
            ctx.Error(header.Line, $"document: missing 'seed' (file name in {sources.Directory})");
            return null;
        }

        var line = header.Get("seed") is { } node ? FileContext.LineOf(node) : top.Line;
        return sources.Text(document.Seed, ctx, line);
    }

    internal static bool IsValidId(string id) => IdPattern().IsMatch(id);
}
