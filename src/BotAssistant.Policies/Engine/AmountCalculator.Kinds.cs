namespace BotAssistant.Policies.Engine;

/// <summary>The amount kinds built on a base fact, a cap or a loan ceiling.</summary>
internal sealed partial class AmountCalculator
{
    private AmountResult Rate(RateAmount a)
    {
        var evaluator = new ConditionEvaluator(facts, text);
        var missing = new List<string>();
        decimal? rate = null;
        var possible = new List<decimal>();
        foreach (var rule in a.Rates)
        {
            var verdict = rule.When is null ? null : evaluator.Evaluate(rule.When);
            if (verdict is null || verdict.Truth == Truth.True)
            {
                possible.Add(rule.Rate);
                rate = missing.Count == 0 ? rule.Rate : null;
                break;
            }

            if (verdict.Truth == Truth.Unknown)
            {
                possible.Add(rule.Rate);
                missing.AddRange(verdict.Missing);
            }
        }

        var baseLabel = text.Label(a.BaseFact);
        var baseValue = Number(a.BaseFact);
        if (baseValue is null)
        {
            missing.InsertRange(0, facts.AskableFor(a.BaseFact));
        }

        return RateResult(a, rate, possible, baseLabel, baseValue, missing.Distinct().ToList());
    }

    private static AmountResult RateResult(
        RateAmount a, decimal? rate, List<decimal> possible, string baseLabel, decimal? baseValue, List<string> missing)
    {
        var rateText = rate is { } r ? $"{N(r)}%" : string.Join(Wording.Or, possible.Select(p => $"{N(p)}%"));
        if (possible.Count == 0)
        {
            return new AmountResult { Unit = a.BaseUnit, Value = 0, Formula = $"{baseLabel} × 0%（不在返还范围内）" };
        }

        if (baseValue is not { } b)
        {
            return new AmountResult { Unit = a.BaseUnit, Formula = $"{baseLabel} × {rateText}", MissingFacts = missing };
        }

        if (rate is { } known)
        {
            var value = Math.Round(b * known / 100m, 2);
            return new AmountResult
            {
                Value = value, Unit = a.BaseUnit, Formula = $"{baseLabel} {N(b)}{a.BaseUnit} × {N(known)}% = {N(value)}{a.BaseUnit}",
            };
        }

        return new AmountResult
        {
            Min = b * possible.Min() / 100m, Max = b * possible.Max() / 100m, Unit = a.BaseUnit, MissingFacts = missing,
            Formula = $"{baseLabel} {N(b)}{a.BaseUnit} × {rateText}",
        };
    }

    private AmountResult PerHeadCapped(PerHeadCappedAmount a)
    {
        var advance = a.Advance is { } adv
            ? $"；{(adv.AfterMonths is { } m ? $"正常经营{m}个月以上的" : "")}可先行申领{adv.Share}"
            : "";
        if (Number(a.CountFact) is not { } count)
        {
            return new AmountResult
            {
                PerUnit = a.Value, Max = a.Cap, Unit = a.Unit, MissingFacts = facts.AskableFor(a.CountFact).ToList(),
                Formula = $"每人{N(a.Value)}{a.Unit} × {text.Label(a.CountFact)}（{Wording.Unknown}），总额最高{N(a.Cap)}{a.Unit}{advance}",
            };
        }

        var raw = a.Value * count;
        var total = Math.Min(raw, a.Cap);
        var over = raw > a.Cap ? string.Format(Wording.OverCap, $"{N(a.Cap)}{a.Unit}") : "";
        // With the total known, the share paid in advance is a figure too (3000元 × 50% = 1500元).
        if (a.Advance?.Share is { } share && share.EndsWith('%')
            && decimal.TryParse(share.TrimEnd('%'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var percent))
        {
            advance += $"（{N(total)}{a.Unit} × {share} = {N(Math.Round(total * percent / 100m, 2))}{a.Unit}）";
        }

        return new AmountResult
        {
            Value = total, PerUnit = a.Value, Unit = a.Unit,
            Formula = $"每人{N(a.Value)}{a.Unit} × {N(count)}人 = {N(raw)}{a.Unit}{over}{advance}",
        };
    }

    private AmountResult Share(ShareAmount a)
    {
        var upto = a.Upto ? "不超过" : "";
        if (a.BaseFact is null || Number(a.BaseFact) is not { } b)
        {
            var missing = a.BaseFact is null ? [] : facts.AskableFor(a.BaseFact).ToList();
            // A share of 1 is the base itself: "按当地最低工资标准", not "最低工资标准的1".
            var share = a.Ratio == 1 ? $"{(a.Upto ? "不超过" : "按")}{a.Of}" : $"{upto}{a.Of}的{a.Fraction}";
            return new AmountResult { Unit = a.Unit, Formula = share, MissingFacts = missing };
        }

        if (a.MonthsFact is not null)
        {
            return MonthlyShare(a, b);
        }

        if (a.Per is not null)
        {
            return PeriodShare(a, b);
        }

        var value = Math.Round(b * a.Ratio, 2);
        var formula = $"{a.Of} {N(b)}{a.Unit} × {a.Fraction} = {(a.Upto ? "最高" : "")}{N(value)}{a.Unit}";
        return a.Upto
            ? new AmountResult { Min = 0, Max = value, Unit = a.Unit, Formula = formula }
            : new AmountResult { Value = value, Unit = a.Unit, Formula = formula };
    }

    /// <summary>
    /// A monthly base per person over the months paid, capped, for each person: "700元/人·月 × 12个月 × 5人 = 42000元"
    /// (缴费超过12个月的按12个月计). A share other than the whole is applied last.
    /// </summary>
    private AmountResult MonthlyShare(ShareAmount a, decimal perMonth)
    {
        var missing = new List<string>();
        var months = Number(a.MonthsFact!);
        if (months is null)
        {
            missing.AddRange(facts.AskableFor(a.MonthsFact!));
        }

        var count = a.CountFact is null ? 1 : Number(a.CountFact);
        if (count is null)
        {
            missing.AddRange(facts.AskableFor(a.CountFact!));
        }

        var head = $"{a.Of}：{N(perMonth)}{a.Unit}/人·月";
        if (months is null || count is null)
        {
            var monthsText = months is { } m0 ? $"{N(Capped(a, m0))}个月" : $"{text.Label(a.MonthsFact!)}（{Wording.Unknown}）";
            var countText = a.CountFact is null ? "" : count is { } c0 ? $" × {N(c0)}人" : $" × {text.Label(a.CountFact)}（{Wording.Unknown}）";
            return new AmountResult { PerUnit = perMonth, Unit = a.Unit, MissingFacts = missing, Formula = $"{head} × {monthsText}{countText}" };
        }

        var counted = Capped(a, months.Value);
        var capNote = counted < months.Value ? $"（缴费{N(months.Value)}个月，按{N(counted)}个月计）" : "";
        var share = a.Ratio == 1 ? "" : $" × {a.Fraction}";
        var value = Math.Round(perMonth * counted * count.Value * a.Ratio, 2);
        // Each person's sum first (8400元/人), then the people: the figure a caller checks per hire.
        var people = a.CountFact is null ? "" : $" = {N(Math.Round(perMonth * counted * a.Ratio, 2))}{a.Unit}/人 × {N(count.Value)}人";
        var formula = $"{head} × {N(counted)}个月{capNote}{share}{people} = {(a.Upto ? "最高" : "")}{N(value)}{a.Unit}";
        return a.Upto
            ? new AmountResult { Min = 0, Max = value, Unit = a.Unit, Formula = formula }
            : new AmountResult { Value = value, Unit = a.Unit, Formula = formula };
    }

    /// <summary>
    /// A share of a base paid each period per person, with no end to run to: "810元/人·月 × 2/3 = 540元/人·月 × 4人 =
    /// 2160元/月". The period's figure is the answer; the document sets no number of periods.
    /// </summary>
    private AmountResult PeriodShare(ShareAmount a, decimal perPeriod)
    {
        var each = Math.Round(perPeriod * a.Ratio, 2);
        var per = a.Per!;
        var period = per.Split('·')[^1];
        var head = $"{a.Of} {N(perPeriod)}{a.Unit}/{per} × {a.Fraction} = {(a.Upto ? "最高" : "")}{N(each)}{a.Unit}/{per}";
        var count = a.CountFact is null ? 1 : Number(a.CountFact);
        if (count is null)
        {
            return new AmountResult
            {
                PerUnit = each, Unit = a.Unit, MissingFacts = facts.AskableFor(a.CountFact!).ToList(),
                Formula = $"{head} × {text.Label(a.CountFact!)}（{Wording.Unknown}）",
            };
        }

        var value = Math.Round(each * count.Value, 2);
        var formula = a.CountFact is null ? head : $"{head} × {N(count.Value)}人 = {(a.Upto ? "最高" : "")}{N(value)}{a.Unit}/{period}";
        return a.Upto
            ? new AmountResult { Min = 0, Max = value, PerUnit = each, Unit = a.Unit, Formula = formula }
            : new AmountResult { Value = value, PerUnit = each, Unit = a.Unit, Formula = formula };
    }

    private static decimal Capped(ShareAmount a, decimal months) => a.MonthsCap is { } cap ? Math.Min(months, cap) : months;

    private AmountResult TaxDeduction(TaxDeductionAmount a)
    {
        var per = a.Per ?? "人·年";
        var head = $"{N(a.Value)}{a.Unit}/{per}";
        var years = $"，最长{a.Years}年";
        var result = Counted(a.Value, a.Unit, per.Split('·')[0], a.CountFact, head);
        var formula = result.Value is not null && a.CountFact is not null ? $"{result.Formula}/年{years}" : result.Formula + years;
        return result with { IsTaxDeduction = true, Formula = $"依次扣减税费：{formula}" };
    }

    private static AmountResult Loan(LoanAmount a)
    {
        var parts = new List<string> { $"贷款额度最高{N(a.Limit)}{a.Unit}（贷款，需按期归还，不是补贴）" };
        if (a.Interest is not null)
        {
            parts.Add(a.Interest);
        }
        else if (a.RateCap is { } cap)
        {
            parts.Add($"利率不超过{N(cap)}%");
        }

        parts.AddRange(new[] { a.Term, a.Extension }.OfType<string>());
        return new AmountResult { Max = a.Limit, Unit = a.Unit, IsLoan = true, Formula = string.Join("；", parts) };
    }
}
