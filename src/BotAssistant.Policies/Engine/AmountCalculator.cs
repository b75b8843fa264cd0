using System.Globalization;

namespace BotAssistant.Policies.Engine;

/// <summary>
/// Computes an amount and the formula that shows it. An unknown count or base never counts
/// as zero: the per-unit figure is given and the fact is listed as missing.
/// </summary>
internal sealed partial class AmountCalculator(FactSet facts, ConditionText text)
{
    public AmountResult Compute(Amount amount) => amount switch
    {
        NoAmount a => new AmountResult { None = true, Formula = a.Note ?? a.Text ?? "不涉及资金" },
        NotStatedAmount a => new AmountResult { NotStated = true, Formula = a.Note ?? a.Text ?? "文件未规定具体金额" },
        FixedAmount a => Counted(a.Value, a.Unit, a.Per ?? "人", a.CountFact, $"{N(a.Value)}{a.Unit}/{a.Per ?? "人"}"),
        MonthlyAmount a => Monthly(a),
        TieredAmount a => Tiered(a),
        RateAmount a => Rate(a),
        PerHeadCappedAmount a => PerHeadCapped(a),
        YearlyCappedAmount a => new AmountResult
        {
            Min = 0, Max = a.Value * a.Years, Unit = a.Unit,
            Formula = $"每年最高{N(a.Value)}{a.Unit} × 最长{a.Years}年 = 最高{N(a.Value * a.Years)}{a.Unit}",
        },
        RangeAmount a => new AmountResult
        {
            Min = a.Min, Max = a.Max, Unit = a.Unit,
            // "2万至10万元", as the documents write ranges: a magnitude word is said on both ends, so the low end never reads as 2元.
            Formula = a.Min == 0 ? $"最高{N(a.Max)}{a.Unit}{PerSuffix(a.Per)}"
                : $"{N(a.Min)}{(a.Unit.StartsWith('万') ? "万" : "")}至{N(a.Max)}{a.Unit}{PerSuffix(a.Per)}",
        },
        ShareAmount a => Share(a),
        TaxDeductionAmount a => TaxDeduction(a),
        LoanAmount a => Loan(a),
        FeeRateAmount a => new AmountResult { Formula = $"{a.Of ?? "费率"} {N(a.Rate)}%" },
        _ => new AmountResult { NotStated = true },
    };

    public static string N(decimal value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string PerSuffix(string? per) => per is null ? "" : $"/{per}";

    /// <summary>perUnit × count when the count is known; otherwise the per-unit figure alone.</summary>
    private AmountResult Counted(decimal perUnit, string unit, string per, string? countFact, string perUnitText)
    {
        if (countFact is null)
        {
            return new AmountResult { Value = perUnit, PerUnit = perUnit, Unit = unit, Formula = perUnitText };
        }

        if (Number(countFact) is not { } count)
        {
            return new AmountResult
            {
                PerUnit = perUnit, Unit = unit, MissingFacts = facts.AskableFor(countFact).ToList(),
                Formula = $"{perUnitText} × {text.Label(countFact)}（{Wording.Unknown}）",
            };
        }

        var total = perUnit * count;
        // 4000元/人·年 × 2人: what is counted is the first unit of the rate (人), not the period it is paid over.
        var counted = per.Split('·')[0];
        var period = per.Contains('·') ? "/" + per.Split('·')[1] : "";
        return new AmountResult
        {
            Value = total, PerUnit = perUnit, Unit = unit,
            Formula = $"{perUnitText} × {N(count)}{counted} = {N(total)}{unit}{period}",
        };
    }

    private AmountResult Monthly(MonthlyAmount a)
    {
        var per = $"{N(a.Value)}{a.Unit}/{a.Per ?? "人·月"}";
        decimal? months = a.Months;
        var monthsText = a.Months is { } fixedMonths ? $"{fixedMonths}个月" : null;
        if (PersonMonths(a.PersonMonthsFact, a.Value, a.Unit, per) is { } summed)
        {
            return summed;
        }

        if (a.MonthsFact is not null)
        {
            if (Number(a.MonthsFact) is not { } m)
            {
                var open = Incomplete(a.MonthsFact, a.Value, a.Unit, $"{per} × {text.Label(a.MonthsFact)}（{Wording.Unknown}）", a.CountFact);
                // "一个人总共最多多少": with the months unknown, the cap on them still bounds what one person can bring.
                return a.MonthsMax is { } longest
                    ? open with { Formula = open.Formula + $"；每人最长{longest}个月，最多{N(a.Value)}{a.Unit} × {longest}个月 = {N(a.Value * longest)}{a.Unit}" }
                    : open;
            }

            months = a.MonthsMax is { } cap && m > cap ? cap : m;
            monthsText = months < m ? $"{N(months.Value)}个月（最长{a.MonthsMax}个月）" : $"{N(m)}个月";
        }

        var perHead = a.Value * (months ?? 0);
        return WithMonthlySum(Counted(perHead, a.Unit, "人", a.CountFact, $"{per} × {monthsText}")
            with { PerUnit = a.Value }, a.Value, months, a.Unit, a.CountFact);
    }

    private AmountResult Tiered(TieredAmount a)
    {
        if (!facts.TryGet(a.By, out var by))
        {
            var values = a.Steps.Select(s => s.Value).ToList();
            return new AmountResult
            {
                Min = values.Count > 0 ? values.Min() : null, Max = values.Count > 0 ? values.Max() : null, Unit = a.Unit,
                MissingFacts = facts.AskableFor(a.By).ToList(),
                Formula = $"按{text.Label(a.By)}分档：" + string.Join("、", a.Steps.Select(s => StepText(a, s))),
            };
        }

        if (by is SplitValue split && a.MonthsFact is null)
        {
            return TieredParts(a, split);
        }

        var step = a.Steps.FirstOrDefault(s => Matches(s, by));
        if (step is null)
        {
            return new AmountResult
            {
                NotStated = true, Unit = a.Unit,
                Formula = $"{text.Label(a.By)}为{text.Display(a.By, by)}，文件未规定该档的标准",
            };
        }

        var head = $"{TierReached(a, by, step)}：{N(step.Value)}{a.Unit}/{a.Per ?? "人"}";
        if (PersonMonths(a.PersonMonthsFact, step.Value, a.Unit, head) is { } summed)
        {
            return summed;
        }

        if (a.MonthsFact is not null)
        {
            if (Number(a.MonthsFact) is not { } months)
            {
                return Incomplete(a.MonthsFact, step.Value, a.Unit, $"{head} × {text.Label(a.MonthsFact)}（{Wording.Unknown}）", a.CountFact);
            }

            return WithMonthlySum(Counted(step.Value * months, a.Unit, "人", a.CountFact, $"{head} × {N(months)}个月") with { PerUnit = step.Value },
                step.Value, months, a.Unit, a.CountFact);
        }

        return Counted(step.Value, a.Unit, a.Per ?? "人", a.CountFact, head);
    }

    /// <summary>
    /// The value that chose the tier, with the sum behind a rate from counts and the next better tier it falls short of:
    /// "3÷7≈42.9%（未达到50%）", so whoever asked for the higher figure learns why it is not theirs.
    /// </summary>
    private string TierReached(TieredAmount a, FactValue by, TierStep step)
    {
        var shown = by is NumberValue n && facts.TryGetDerivation(a.By, out var d, out var part, out var whole)
            ? ConditionText.Derivation(part, whole, n.Value, d.Scale, text.Unit(a.By), text.Unit(d.Numerator), text.Unit(d.Denominator))
            : text.Display(a.By, by);
        var better = by is NumberValue v
            ? a.Steps.Where(s => s.Min is { } min && min > v.Value && s.Value > step.Value).MinBy(s => s.Min)
            : null;
        return better is null ? shown : string.Format(Wording.TierShortOf, shown, text.Display(a.By, FactValue.Of(better.Min!.Value)));
    }

    /// <summary>
    /// Each part at its own tier, summed: "省外：800元/人 × 6人 + 县内：300元/人 × 5人 = 6300元". With no count fact each part
    /// is one (a certificate). A part the document gives no figure for is named and left out of the sum.
    /// </summary>
    private AmountResult TieredParts(TieredAmount a, SplitValue split)
    {
        var terms = new List<string>();
        var unpriced = new List<string>();
        decimal total = 0;
        foreach (var (key, count) in split.Parts)
        {
            var label = text.Display(a.By, FactValue.OfKey(key));
            if (a.Steps.FirstOrDefault(s => Matches(s, FactValue.OfKey(key))) is not { } step)
            {
                unpriced.Add(label);
                continue;
            }

            total += step.Value * count;
            terms.Add(a.CountFact is null && count == 1
                ? $"{label} {N(step.Value)}{a.Unit}"
                : $"{label}：{N(step.Value)}{a.Unit}/{a.Per ?? "人"} × {N(count)}{a.Per ?? "人"} = {N(step.Value * count)}{a.Unit}");
        }

        // Each tier's subtotal, then the sum (300元/人 × 15人 = 4500元；500元/人 × 8人 = 4000元；合计8500元); one of
        // each (two certificates) reads as a plain sum.
        var single = a.CountFact is null && split.Parts.All(p => p.Count == 1);
        var formula = terms.Count == 0 ? "" : terms.Count == 1 ? terms[0]
            : single ? $"{string.Join(" + ", terms)} = {N(total)}{a.Unit}"
            : $"{string.Join("；", terms)}；合计{N(total)}{a.Unit}";
        if (unpriced.Count > 0)
        {
            formula += (formula.Length > 0 ? "；" : "") + $"{string.Join("、", unpriced)}：文件未规定该档的标准";
        }

        return terms.Count == 0
            ? new AmountResult { NotStated = true, Unit = a.Unit, Formula = formula }
            : new AmountResult { Value = total, Unit = a.Unit, Formula = formula };
    }

    private string StepText(TieredAmount a, TierStep s)
    {
        var when = s.EqualsValue is { } e ? text.Display(a.By, e)
            // ≥ includes the bound and < leaves it out, as the documents' 以上 (含本数) and 以下/不足 do.
            : string.Join("且", new[]
            {
                s.Min is { } min ? $"≥{text.Display(a.By, FactValue.Of(min))}" : null,
                s.Below is { } below ? $"<{text.Display(a.By, FactValue.Of(below))}" : null,
            }.OfType<string>());
        return $"{when} {N(s.Value)}{a.Unit}";
    }

    internal static bool Matches(TierStep s, FactValue value)
    {
        if (s.EqualsValue is { } e && !e.Equals(value) && value.CompareTo(e) != 0)
        {
            return false;
        }

        var n = (value as NumberValue)?.Value;
        return (s.Min is null || n >= s.Min) && (s.Below is null || n < s.Below);
    }

    private AmountResult Incomplete(string missingFact, decimal perUnit, string unit, string formula, string? countFact)
    {
        var missing = facts.AskableFor(missingFact).ToList();
        if (countFact is not null && Number(countFact) is null)
        {
            missing.AddRange(facts.AskableFor(countFact));
        }
        else if (countFact is not null && Number(countFact) is { } count)
        {
            // The head count is known even when the months are not: 300元/人·月 × 2人 × 稳定就业时间（未知）.
            var cut = formula.IndexOf(" × ", StringComparison.Ordinal);
            formula = cut < 0 ? formula : $"{formula[..cut]} × {N(count)}人{formula[cut..]}";
            if (missingFact is { } months && text.Unit(months) == "月")
            {
                // The months are not known, the monthly sum is: 1350元/人·月 × 10人 = 每月13500元.
                formula += $"；每月合计{N(perUnit * count)}{unit}";
            }
        }

        return new AmountResult { PerUnit = perUnit, Unit = unit, Formula = formula, MissingFacts = missing };
    }

    /// <summary>
    /// 1350元/人·月 × 6个月 × 12人 = 97200元；每月合计16200元: people budget and report by the month, so a monthly
    /// amount over several people and months also shows what one month comes to.
    /// </summary>
    private AmountResult WithMonthlySum(AmountResult r, decimal perMonth, decimal? months, string unit, string? countFact) =>
        r.Value is not null && months is > 1 && countFact is not null && Number(countFact) is { } count and > 1
            ? r with { Formula = r.Formula + $"；每月合计{N(perMonth * count)}{unit}" }
            : r;

    /// <summary>1200元/人·月 × 30人·月 = 36000元: people and months told group by group are paid on their sum.</summary>
    private AmountResult? PersonMonths(string? fact, decimal perMonth, string unit, string head) =>
        fact is not null && Number(fact) is { } personMonths
            ? new AmountResult
            {
                Value = perMonth * personMonths, PerUnit = perMonth, Unit = unit,
                Formula = $"{head} × {N(personMonths)}人·月（{text.Label(fact)}） = {N(perMonth * personMonths)}{unit}",
            }
            : null;

    private decimal? Number(string fact) => facts.TryGet(fact, out var v) && v is NumberValue n ? n.Value : null;
}
