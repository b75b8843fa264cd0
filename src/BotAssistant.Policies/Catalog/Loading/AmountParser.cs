using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace BotAssistant.Policies.Loading;

/// <summary>Reads `amount:` by kind; each kind reads only its own keys so stray ones are reported.</summary>
internal sealed class AmountParser(
    IReadOnlyDictionary<string, FactDefinition> facts, ConditionParser conditions, FileContext ctx)
{
    private static readonly string[] MoneyUnits = ["元", "万元"];

    public Amount? Read(MapReader r, string what)
    {
        what = $"{what} amount";
        var kind = r.String("kind", what, required: true);
        Amount? amount = kind switch
        {
            "none" => new NoAmount(),
            "not_stated" => new NotStatedAmount(),
            "fixed" => new FixedAmount(Num(r, "value", what), Money(r, what), r.String("per", what), Fact(r, "count_fact", what, number: true)),
            "monthly" => Monthly(r, what),
            "tiered" => Tiered(r, what),
            "rate" => Rate(r, what),
            "per_head_capped" => new PerHeadCappedAmount(
                Num(r, "value", what), Money(r, what), Fact(r, "count_fact", what, number: true, required: true) ?? "",
                Num(r, "cap", what), Advance(r, what)),
            "yearly_capped" => new YearlyCappedAmount(Num(r, "value", what), Money(r, what), r.Integer("years", what, true) ?? 0),
            "range" => Range(r, what),
            "share" => Share(r, what),
            "tax_deduction" => new TaxDeductionAmount(
                Num(r, "value", what), Money(r, what), r.String("per", what), r.Integer("years", what, true) ?? 0,
                Fact(r, "count_fact", what, number: true)),
            "loan" => new LoanAmount(
                Num(r, "limit", what), Money(r, what), r.String("interest", what), r.Number("rate_cap", what),
                r.String("term", what), r.String("extension", what)),
            "fee_rate" => new FeeRateAmount(Num(r, "rate", what), r.String("of", what)),
            null => null,
            _ => Unknown(r, kind, what),
        };
        return amount is null ? null : amount with { Text = r.String("text", what), Note = r.String("note", what) };
    }

    private Amount? Unknown(MapReader r, string kind, string what)
    {
        ctx.Error(r.Get("kind")!, $"{what}: unknown kind '{kind}' (see the kinds table in SCHEMA.md)");
        foreach (var (key, _) in r.Node.Children)
        {
            r.Get(key.ToString());
        }

        return null;
    }

    private MonthlyAmount Monthly(MapReader r, string what)
    {
        var months = r.Integer("months", what);
        var monthsFact = Fact(r, "months_fact", what, number: true);
        if (months is null && monthsFact is null)
        {
            ctx.Error(r.Line, $"{what}: monthly needs 'months' or 'months_fact'");
        }

        var countFact = Fact(r, "count_fact", what, number: true);
        return new MonthlyAmount(
            Num(r, "value", what), Money(r, what), r.String("per", what), months, monthsFact,
            r.Integer("months_max", what), countFact) { PersonMonthsFact = PersonMonths(r, what, monthsFact, countFact) };
    }

    /// <summary>person_months_fact stands for count × months together, so it needs both to stand for.</summary>
    private string? PersonMonths(MapReader r, string what, string? monthsFact, string? countFact)
    {
        var personMonths = Fact(r, "person_months_fact", what, number: true);
        if (personMonths is not null && (monthsFact is null || countFact is null))
        {
            ctx.Error(r.Line, $"{what}: person_months_fact replaces months_fact × count_fact, so both must be given");
        }

        return personMonths;
    }

    private TieredAmount Tiered(MapReader r, string what)
    {
        var by = Fact(r, "by", what, number: false, required: true);
        var def = by is null ? null : facts[by];
        var steps = new List<TierStep>();
        foreach (var item in ctx.Items(r.Required("steps", what), $"{what}: steps"))
        {
            if (ctx.Map(item, $"{what}: step") is not { } s)
            {
                continue;
            }

            var equals = s.Get("equals") is { } e && def is not null ? conditions.Value(def, e, what) : null;
            steps.Add(new TierStep(s.Number("min", what), s.Number("below", what), equals, Num(s, "value", what)));
            s.Finish($"{what}: step");
        }

        var monthsFact = Fact(r, "months_fact", what, number: true);
        var countFact = Fact(r, "count_fact", what, number: true);
        return new TieredAmount(by ?? "", r.String("base", what), steps, Money(r, what), r.String("per", what), monthsFact, countFact)
        {
            PersonMonthsFact = PersonMonths(r, what, monthsFact, countFact),
        };
    }

    private RateAmount Rate(MapReader r, string what)
    {
        var baseFact = Fact(r, "base_fact", what, number: true, required: true) ?? "";
        var rules = new List<RateRule>();
        if (r.Number("rate", what) is { } single)
        {
            rules.Add(new RateRule(null, single));
        }

        foreach (var item in ctx.Items(r.Get("rates"), $"{what}: rates"))
        {
            if (ctx.Map(item, $"{what}: rate") is not { } s)
            {
                continue;
            }

            var when = s.Get("when") is { } w ? conditions.Read(w, what) : null;
            rules.Add(new RateRule(when, Num(s, "rate", what)));
            s.Finish($"{what}: rate");
        }

        if (rules.Count == 0)
        {
            ctx.Error(r.Line, $"{what}: rate needs 'rate' or 'rates'");
        }

        var unit = r.String("unit", what);
        if (unit is not null && unit != "%")
        {
            ctx.Error(r.Get("unit")!, $"{what}: a rate's unit must be \"%\", got '{unit}'");
        }

        return new RateAmount(baseFact, rules, Money(r, what, "base_unit"));
    }

    private RangeAmount Range(MapReader r, string what)
    {
        var min = Num(r, "min", what);
        var max = Num(r, "max", what);
        if (min > max)
        {
            ctx.Error(r.Line, $"{what}: range min {min} is above max {max}");
        }

        return new RangeAmount(min, max, Money(r, what), r.String("per", what));
    }

    private ShareAmount Share(MapReader r, string what)
    {
        var fraction = r.String("fraction", what, required: true) ?? "1";
        var ratio = ParseFraction(fraction);
        if (ratio is null)
        {
            ctx.Error(r.Get("fraction")!, $"{what}: fraction must look like \"2/3\", \"50%\" or \"1\", got '{fraction}'");
        }

        // A share of something the user cannot state in money ("单位缴费部分") has no unit to check;
        // once base_fact yields a figure, the figure needs one.
        var baseFact = Fact(r, "base_fact", what, number: true);
        var unit = baseFact is not null || r.Has("unit") ? Money(r, what) : null;
        var monthsFact = Fact(r, "months_fact", what, number: true);
        var cap = r.Number("months_cap", what);
        if ((monthsFact is not null || cap is not null) && baseFact is null)
        {
            ctx.Error(r.Line, $"{what}: months_fact and months_cap need a base_fact paid by the month");
        }

        if (r.Has("per") && (baseFact is null || monthsFact is not null))
        {
            ctx.Error(r.Line, $"{what}: per names the period of a base_fact paid without months_fact");
        }

        return new ShareAmount(
            fraction, ratio ?? 1m, r.String("of", what, required: true) ?? "", baseFact, r.Bool("upto", what) ?? false, unit)
        {
            MonthsFact = monthsFact,
            MonthsCap = cap is { } c ? (int)c : null,
            CountFact = Fact(r, "count_fact", what, number: true),
            Per = r.String("per", what),
        };
    }

    private AdvancePayment? Advance(MapReader r, string what)
    {
        if (r.Map("advance", what) is not { } a)
        {
            return null;
        }

        var share = a.String("share", $"{what} advance", required: true) ?? "";
        var result = new AdvancePayment(share, a.Integer("after_months", $"{what} advance"));
        a.Finish($"{what} advance");
        return result;
    }

    /// <summary>"2/3" → 0.666…, "50%" → 0.5, "1" → 1.</summary>
    public static decimal? ParseFraction(string text)
    {
        var t = text.Trim();
        static decimal? N(string s) =>
            decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (t.EndsWith('%'))
        {
            return N(t[..^1]) / 100m;
        }

        var slash = t.IndexOf('/');
        if (slash > 0 && N(t[..slash]) is { } a && N(t[(slash + 1)..]) is { } b && b != 0)
        {
            return a / b;
        }

        return N(t);
    }

    private decimal Num(MapReader r, string key, string what) => r.Number(key, what, required: true) ?? 0m;

    private string Money(MapReader r, string what, string key = "unit")
    {
        var unit = r.String(key, what);
        if (unit is null)
        {
            ctx.Error(r.Line, $"{what}: a money amount needs '{key}' (元 or 万元)");
        }
        else if (!MoneyUnits.Contains(unit))
        {
            ctx.Error(r.Get(key)!, $"{what}: '{key}' must be 元 or 万元, got '{unit}'");
        }

        return unit ?? "元";
    }

    private string? Fact(MapReader r, string key, string what, bool number, bool required = false)
    {
        var name = r.String(key, what, required);
        if (name is null)
        {
            return null;
        }

        if (!facts.TryGetValue(name, out var def))
        {
            ctx.Error(r.Get(key)!, $"{what}: unknown fact '{name}' in '{key}' (add it to facts.yaml)");
            return null;
        }

        if (number && def.Type != FactType.Number)
        {
            ctx.Error(r.Get(key)!, $"{what}: '{key}' must be a number fact, '{name}' is {def.Type.ToString().ToLowerInvariant()}");
            return null;
        }

        return name;
    }
}
