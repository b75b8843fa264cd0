namespace BotAssistant.Policies;

using BotAssistant.Policies.Engine;

/// <summary>Pure evaluation: no I/O and no clock; the as-of date is always passed in.</summary>
public static class PolicyEngine
{
    /// <param name="explain">
    /// False skips the search for the smallest change that would make a failed measure apply (WhatIf stays null):
    /// tables and summaries need only the verdict and the amount, and the search is the costly part.
    /// </param>
    public static MeasureResult Evaluate(Measure measure, FactSet facts, DateOnly asOf, bool explain = true)
    {
        var result = EvaluateCore(measure, facts, asOf);
        return explain && result.Status == EligibilityStatus.NotEligible
            ? result with { WhatIf = WhatIfSearch.Find(measure, facts, result, m => EvaluateCore(measure, m, asOf, quiet: true).Status) }
            : result;
    }

    /// <summary>Each top-level condition in plain Chinese (the author's text when given).</summary>
    public static IReadOnlyList<string> DescribeConditions(Measure measure)
    {
        var text = new ConditionText(measure.FactDefinitions);
        return measure.Conditions.Select(text.Describe).ToList();
    }

    public static ValidityResult ValidityOf(Measure measure, DateOnly asOf)
    {
        var from = measure.Period.From;
        var until = measure.EffectiveUntil;
        if (from is { } f && asOf < f)
        {
            return new ValidityResult(Validity.NotYet, from, until, string.Format(Wording.NotYet, Wording.Date(f)));
        }

        if (until is { } u && asOf > u)
        {
            return new ValidityResult(Validity.Ended, from, until, string.Format(Wording.Ended, Wording.Date(u)));
        }

        var text = until is { } end ? string.Format(Wording.InForceUntil, Wording.Date(end)) : Wording.InForceOpen;
        return new ValidityResult(Validity.InForce, from, until, text);
    }

    /// <summary>
    /// Evaluates every candidate, then settles exclusions: of two eligible measures that cannot
    /// be combined, the larger amount is recommended and the other marked excluded.
    /// </summary>
    public static ScreeningResult Screen(Catalog catalog, IEnumerable<Measure> candidates, FactSet facts, DateOnly asOf)
    {
        var results = candidates.Select(m => Evaluate(m, facts, asOf)).ToList();
        var order = catalog.Measures.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var (settled, decisions) = Exclusions.Settle(results, m => order.GetValueOrDefault(m.Id, int.MaxValue));
        var limits = settled
            .Where(r => r.Status != EligibilityStatus.NotEligible)
            .SelectMany(r => LimitNotices(r.Measure))
            .ToList();
        return new ScreeningResult(settled, decisions, limits);
    }

    /// <param name="quiet">True when only the verdict and the amount's missing facts are read (planner, what-if).</param>
    internal static MeasureResult EvaluateCore(Measure measure, FactSet facts, DateOnly asOf, bool quiet = false)
    {
        if (ByPerson(measure, facts) is { } people)
        {
            return PerPerson(measure, facts, asOf, quiet, people);
        }

        if (GroupedBy(measure, facts) is { } grouping)
        {
            return PerGroup(measure, facts, asOf, quiet, grouping);
        }

        return Single(measure, facts, asOf, quiet);
    }

    /// <summary>
    /// "招了3个应届生、2个登记失业的19岁青年、1个退役士兵": people of several kinds counted at once. A measure whose
    /// conditions read the kind and whose amount counts people is judged for each kind with its own count.
    /// </summary>
    private static (string GroupFact, string CountFact, SplitValue Split)? GroupedBy(Measure measure, FactSet facts)
    {
        foreach (var fact in measure.ConditionFacts)
        {
            // A tiered amount over the same fact (placements by destination) is summed by the calculator itself.
            if (facts.Given.GetValueOrDefault(fact) is not SplitValue { Parts.Count: > 1 } parts
                || measure.Amount is TieredAmount { By: var by } && by == fact)
            {
                continue;
            }

            var count = measure.Amount.Facts.FirstOrDefault(f => measure.FactDefinitions.GetValueOrDefault(f)?.Unit == "人");
            if (count is not null)
            {
                return (fact, count, parts);
            }
        }

        return null;
    }

    /// <summary>Each kind judged with its own count; what applies is summed, with every term and the kinds left out named.</summary>
    private static MeasureResult PerGroup(Measure measure, FactSet facts, DateOnly asOf, bool quiet, (string GroupFact, string CountFact, SplitValue Split) g)
    {
        var def = measure.FactDefinitions.GetValueOrDefault(g.GroupFact);
        var parts = g.Split.Parts
            .Select(p => (Key: p.Key, p.Count, Result: Single(measure, facts.With(g.GroupFact, FactValue.OfKey(p.Key)).With(g.CountFact, p.Count), asOf, quiet)))
            .ToList();
        var counted = parts.Where(p => p.Result.Status != EligibilityStatus.NotEligible).ToList();
        if (counted.Count == 0)
        {
            return parts[0].Result with { Amount = Single(measure, facts, asOf, quiet).Amount };
        }

        var status = counted.Any(p => p.Result.Status == EligibilityStatus.Eligible) ? EligibilityStatus.Eligible : EligibilityStatus.Undetermined;
        var label = (string key) => def?.ValueLabel(key) ?? key;
        var terms = counted.Select(p => $"{label(p.Key)}：{p.Result.Amount.Formula}").ToList();
        var values = counted.Select(p => p.Result.Amount.Value).ToList();
        var unit = counted[0].Result.Amount.Unit;
        var total = values.All(v => v is not null) ? values.Sum(v => v!.Value) : (decimal?)null;
        var formula = string.Join("；", terms) + (total is { } t && counted.Count > 1 ? $"；合计{AmountCalculator.N(t)}{unit}" : "");
        var left = parts.Where(p => p.Result.Status == EligibilityStatus.NotEligible).ToList();
        if (left.Count > 0)
        {
            formula += $"（{string.Join("、", left.Select(p => $"{label(p.Key)}{AmountCalculator.N(p.Count)}人"))}不符合本项条件，未计入）";
        }

        var amount = counted[0].Result.Amount with
        {
            Value = total, Formula = formula,
            MissingFacts = counted.SelectMany(p => p.Result.Amount.MissingFacts).Distinct().ToList(),
        };
        var missing = counted.SelectMany(p => p.Result.MissingFacts).Distinct().ToList();
        return new MeasureResult(measure, status, [], missing, amount, ValidityOf(measure, asOf), null);
    }

    /// <summary>
    /// People told apart one by one ("第一个是小王…合同签的三年；小马只签了半年"), when this measure reads a fact some of
    /// them have of their own and its amount counts people: each is judged with their own facts over the shared ones.
    /// </summary>
    private static (string CountFact, PeopleValue People)? ByPerson(Measure measure, FactSet facts)
    {
        foreach (var value in facts.Given.Values)
        {
            if (value is not PeopleValue { People.Count: > 0 } people)
            {
                continue;
            }

            var read = measure.ConditionFacts.Concat(measure.Amount.Facts).ToHashSet(StringComparer.Ordinal);
            var count = measure.Amount.Facts.FirstOrDefault(f => measure.FactDefinitions.GetValueOrDefault(f)?.Unit == "人");
            if (count is not null && people.People.Any(p => p.Facts.Keys.Any(read.Contains)))
            {
                return (count, people);
            }
        }

        return null;
    }

    /// <summary>A person's own facts over the shared ones; what the measure does not read is left as it is.</summary>
    private static FactSet Own(Measure measure, FactSet facts, Person person)
    {
        foreach (var (name, raw) in person.Facts)
        {
            if (measure.FactDefinitions.GetValueOrDefault(name) is { } def && FactValue.Parse(def.Type, raw) is { } v)
            {
                facts = facts.With(name, v);
            }
        }

        return facts;
    }

    /// <summary>Each person (or people alike) judged with their own count; who is counted is summed, who is not is named with why.</summary>
    private static MeasureResult PerPerson(Measure measure, FactSet facts, DateOnly asOf, bool quiet, (string CountFact, PeopleValue People) g)
    {
        var rows = g.People.People
            .Select(p => (Person: p, Result: Single(measure, Own(measure, facts, p).With(g.CountFact, p.Count), asOf, quiet)))
            .ToList();
        var counted = rows.Where(r => r.Result.Status != EligibilityStatus.NotEligible).ToList();
        if (counted.Count == 0)
        {
            return rows[0].Result;
        }

        var status = counted.Any(r => r.Result.Status == EligibilityStatus.Eligible) ? EligibilityStatus.Eligible : EligibilityStatus.Undetermined;
        var values = counted.Select(r => r.Result.Amount.Value).ToList();
        var unit = counted[0].Result.Amount.Unit;
        var total = values.All(v => v is not null) ? values.Sum(v => v!.Value) : (decimal?)null;
        var formula = string.Join("；", counted.Select(r => $"{r.Person.Name}：{r.Result.Amount.Formula}"))
            + (total is { } t && counted.Count > 1 ? $"；合计{AmountCalculator.N(t)}{unit}" : "");
        var left = rows.Where(r => r.Result.Status == EligibilityStatus.NotEligible).ToList();
        if (left.Count > 0)
        {
            formula += "（" + string.Join("；", left.Select(r => Left(measure, r.Person, r.Result))) + "，未计入）";
        }

        var amount = counted[0].Result.Amount with
        {
            Value = total, Formula = formula,
            MissingFacts = counted.SelectMany(r => r.Result.Amount.MissingFacts).Distinct().ToList(),
        };
        var missing = counted.SelectMany(r => r.Result.MissingFacts).Distinct().ToList();
        return new MeasureResult(measure, status, [], missing, amount, ValidityOf(measure, asOf), null);
    }

    /// <summary>
    /// Why a person is not counted: of another kind than the measure is for (老海是登记失业人员), said by that kind; a
    /// condition they fail on their own facts (小马的合同只签了半年), said with what they have.
    /// </summary>
    private static string Left(Measure measure, Person person, MeasureResult result)
    {
        if (result.FailedConditions is not [var first, ..])
        {
            return $"{person.Name}不符合本项条件";
        }

        if (first.Condition is FactTest { Fact: var fact } && person.Facts.TryGetValue(fact, out var raw)
            && measure.FactDefinitions.GetValueOrDefault(fact) is { Type: FactType.Enum } def)
        {
            return $"{person.Name}是{def.ValueLabel(raw) ?? raw}，不属本项";
        }

        return $"{person.Name}不符合“{first.Wording}”" + (first.ActualValue is { } v ? $"（{v}）" : "");
    }

    private static MeasureResult Single(Measure measure, FactSet facts, DateOnly asOf, bool quiet)
    {
        var text = new ConditionText(measure.FactDefinitions);
        var verdict = new ConditionEvaluator(facts, quiet ? null : text).All(measure.Conditions);
        var amount = new AmountCalculator(facts, text).Compute(measure.Amount);
        var status = verdict.Truth switch
        {
            Truth.True => EligibilityStatus.Eligible,
            Truth.False => EligibilityStatus.NotEligible,
            _ => EligibilityStatus.Undetermined,
        };
        var missing = status == EligibilityStatus.NotEligible
            ? []
            : verdict.Missing.Concat(amount.MissingFacts).Distinct().ToList();
        return new MeasureResult(measure, status, verdict.Failed, missing, amount, ValidityOf(measure, asOf), null)
        {
            RuledOut = status == EligibilityStatus.Undetermined ? verdict.RuledOut : [],
            Held = verdict.Held,
        };
    }

    private static IEnumerable<LimitNotice> LimitNotices(Measure m)
    {
        var l = m.Limits;
        if (l.MaxPerYear is { } perYear)
        {
            yield return new LimitNotice(m.Id, $"{m.Name}：每人每年最多享受{perYear}次");
        }

        if (l.MaxTotal is { } total)
        {
            yield return new LimitNotice(m.Id, $"{m.Name}：累计最多享受{total}次");
        }

        if (l.Once)
        {
            yield return new LimitNotice(m.Id, $"{m.Name}：只能享受一次");
        }
    }
}
