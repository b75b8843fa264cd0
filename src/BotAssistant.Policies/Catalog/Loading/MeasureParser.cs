namespace BotAssistant.Policies.Loading;

/// <summary>Reads one measure and checks its references against the vocabularies.</summary>
internal sealed class MeasureParser(Vocabulary vocabulary, ConditionParser conditions, FileContext ctx)
{
    public LocatedMeasure Read(MapReader r, PolicyDocument document, string? seed)
    {
        var id = r.String("id", "measure", required: true) ?? "";
        var what = id.Length == 0 ? "measure" : $"measure {id}";
        if (id.Length > 0 && !PolicyParser.IsValidId(id))
        {
            ctx.Error(r.Get("id")!, $"{what}: id must use only a-z, 0-9 and '-'");
        }

        var topic = Reference(r, "topic", what, vocabulary.Topics.ContainsKey, "topics.yaml");
        var quote = r.String("quote", what, required: true) ?? "";
        CheckQuote(r, what, quote, document, seed);
        var limitsReader = r.Map("limits", what);
        var measure = new Measure(
            id,
            r.String("name", what, required: true) ?? id,
            r.Strings("synonyms", what),
            topic,
            r.String("clause", what, required: true) ?? "",
            quote,
            MeasureAudience(r, what),
            r.String("summary", what),
            Period(r, what),
            r.Strings("departments", what),
            conditions.List(r.Get("conditions"), what),
            Amount(r, what),
            Limits(limitsReader, what),
            Materials(r, what),
            document)
        {
            FactDefinitions = vocabulary.Facts,
        };
        r.Finish(what);
        return new LocatedMeasure(measure, ctx.File, r.Line, limitsReader?.Line ?? r.Line);
    }

    private Audience MeasureAudience(MapReader r, string what)
    {
        if (!r.Has("audience"))
        {
            ctx.Error(r.Line, $"{what}: missing 'audience' (individual | employer | institution)");
        }

        return VocabularyParser.AudienceOf(r, what);
    }

    private void CheckQuote(MapReader r, string what, string quote, PolicyDocument document, string? seed)
    {
        if (seed is not null && quote.Length > 0 && !SeedText.Contains(seed, quote))
        {
            ctx.Error(r.Get("quote")!, $"{what}: quote not found in seed {document.Seed} (whitespace and full-width punctuation ignored)");
        }
    }

    private string Reference(MapReader r, string key, string what, Func<string, bool> exists, string file)
    {
        var value = r.String(key, what, required: true) ?? "";
        if (value.Length > 0 && !exists(value))
        {
            ctx.Error(r.Get(key)!, $"{what}: unknown {key} '{value}' (not in {file})");
        }

        return value;
    }

    private Period Period(MapReader r, string what)
    {
        if (r.Map("period", what) is not { } p)
        {
            return new Period(null, null, null);
        }

        var period = new Period(p.Date("from", $"{what} period"), p.Date("until", $"{what} period"), p.String("text", $"{what} period"));
        if (period.From is { } from && period.Until is { } until && from > until)
        {
            ctx.Error(p.Get("until")!, $"{what}: period from {from:yyyy-MM-dd} is after until {until:yyyy-MM-dd}");
        }

        p.Finish($"{what} period");
        return period;
    }

    private Amount Amount(MapReader r, string what)
    {
        if (r.Map("amount", what) is not { } a)
        {
            ctx.Error(r.Line, $"{what}: missing 'amount' (use kind: none or not_stated when there is no figure)");
            return new NotStatedAmount();
        }

        var amount = new AmountParser(vocabulary.Facts, conditions, ctx).Read(a, what);
        a.Finish($"{what} amount");
        return amount ?? new NotStatedAmount();
    }

    private Limits Limits(MapReader? l, string what)
    {
        if (l is null)
        {
            return Policies.Limits.None;
        }

        what = $"{what} limits";
        var limits = new Limits(
            l.Strings("exclusive_with", what), l.Integer("max_per_year", what), l.Integer("max_total", what),
            l.Bool("once", what) ?? false, l.String("note", what));
        l.Finish(what);
        return limits;
    }

    private List<MaterialRequirement> Materials(MapReader r, string what)
    {
        var result = new List<MaterialRequirement>();
        foreach (var item in ctx.Items(r.Get("materials"), $"{what}: materials"))
        {
            if (ctx.Map(item, $"{what}: material") is not { } m)
            {
                continue;
            }

            var id = Reference(m, "id", $"{what} material", vocabulary.Materials.ContainsKey, "materials.yaml");
            var sourceText = m.String("source", $"{what} material {id}", required: true);
            MaterialSource? source = sourceText switch
            {
                "stated" => MaterialSource.Stated,
                "implied" => MaterialSource.Implied,
                "common" => MaterialSource.Common,
                _ => null,
            };
            if (sourceText is not null && source is null)
            {
                ctx.Error(m.Get("source")!, $"{what} material {id}: source must be stated | implied | common, got '{sourceText}'");
            }

            result.Add(new MaterialRequirement(id, source ?? MaterialSource.Common, m.String("note", $"{what} material {id}")));
            m.Finish($"{what} material");
        }

        return result;
    }
}
