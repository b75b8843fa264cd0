namespace BotAssistant.Policies.Engine;

/// <summary>
/// Looks for the smallest change that turns a "not eligible" around: first one fact, then two,
/// trying only the facts behind the failed conditions and the values at their thresholds.
/// </summary>
internal static class WhatIfSearch
{
    public static WhatIf? Find(Measure measure, FactSet facts, MeasureResult result, Func<FactSet, EligibilityStatus> evaluate)
    {
        // A rate computed from counts changes through its part: "裁员不超过6人" is what the firm can act on.
        var failedFacts = result.FailedConditions.SelectMany(f => ConditionFacts.Of(f.Condition)).ToList();
        var wholes = failedFacts.Select(f => facts.TryGetDerivation(f, out var d, out _, out _) ? d.Denominator : null).OfType<string>().ToHashSet();
        var options = failedFacts
            .Select(f => facts.TryGetDerivation(f, out var d, out _, out _) ? d.Numerator : f)
            .Where(f => !wholes.Contains(f))
            .Distinct()
            .Select(f => (Fact: f, Values: Candidates(measure, f, facts)))
            .Where(o => o.Values.Count > 0)
            .ToList();

        var changes = options.SelectMany(o => o.Values.Select(v => new[] { (o.Fact, v) })).ToList();
        var best = Best(changes, facts, evaluate);
        if (best is null && options.Count <= 6)
        {
            var pairs = from a in options.SelectMany((o, i) => o.Values.Select(v => (o.Fact, Value: v, Index: i)))
                        from b in options.SelectMany((o, i) => o.Values.Select(v => (o.Fact, Value: v, Index: i)))
                        where a.Index < b.Index
                        select new[] { (a.Fact, a.Value), (b.Fact, b.Value) };
            best = Best(pairs.ToList(), facts, evaluate);
        }

        return best is null ? null : Describe(measure, facts, best.Value.Changes, best.Value.Outcome);
    }

    private static ((string Fact, FactValue Value)[] Changes, EligibilityStatus Outcome)? Best(
        List<(string Fact, FactValue Value)[]> changes, FactSet facts, Func<FactSet, EligibilityStatus> evaluate)
    {
        ((string, FactValue)[] Changes, EligibilityStatus Outcome)? fallback = null;
        foreach (var change in changes)
        {
            var changed = change.Aggregate(facts, (set, c) => set.With(c.Fact, c.Value));
            var outcome = evaluate(changed);
            if (outcome == EligibilityStatus.Eligible)
            {
                return (change, outcome);
            }

            if (outcome == EligibilityStatus.Undetermined)
            {
                fallback ??= (change, outcome);
            }
        }

        return fallback;
    }

    /// <summary>Values nearest the user's own first: each threshold, just past it, and enum/bool alternatives.</summary>
    private static List<FactValue> Candidates(Measure measure, string fact, FactSet facts)
    {
        var def = measure.FactDefinitions.GetValueOrDefault(fact);
        if (def is null || def.Derived is not null)
        {
            return [];
        }

        if (DerivedFrom(measure, fact, facts) is { } rate)
        {
            var now = facts.Given.GetValueOrDefault(fact) is NumberValue given ? given.Value : 0;
            return PartPoints(measure, rate.Fact, rate.Whole, rate.Scale, facts).Distinct()
                .OrderBy(v => Math.Abs(((NumberValue)v).Value - now)).ToList();
        }

        facts.TryGet(fact, out var current);
        var comparisons = measure.Conditions.SelectMany(Tests).Where(t => t.Fact == fact).SelectMany(t => t.Comparisons).ToList();
        IEnumerable<FactValue> values = def.Type switch
        {
            FactType.Bool => [FactValue.Of(true), FactValue.Of(false)],
            FactType.Enum => comparisons.SelectMany(c => c.Values).Concat(def.Values.Select(v => FactValue.OfKey(v.Key))),
            FactType.Number => comparisons.SelectMany(NumberPoints),
            _ => comparisons.SelectMany(DatePoints),
        };
        var distinct = values.Where(v => !v.Equals(current)).Distinct().ToList();
        return current is NumberValue n
            ? distinct.OrderBy(v => Math.Abs(((NumberValue)v).Value - n.Value)).ToList()
            : distinct;
    }

    /// <summary>The rate whose part <paramref name="part"/> is, computed from counts in this set, or null.</summary>
    private static (string Fact, decimal Whole, decimal Scale)? DerivedFrom(Measure measure, string part, FactSet facts)
    {
        foreach (var (name, def) in measure.FactDefinitions)
        {
            if (def.Derived?.Numerator == part && facts.TryGetDerivation(name, out var d, out _, out var whole))
            {
                return (name, whole, d.Scale);
            }
        }

        return null;
    }

    /// <summary>The counts of the part at each threshold of the rate: 20% of 30 is at most 6, 25% of 24 at least 6.</summary>
    private static IEnumerable<FactValue> PartPoints(Measure measure, string rate, decimal whole, decimal scale, FactSet facts)
    {
        facts.TryGet(rate, out var current);
        foreach (var c in measure.Conditions.SelectMany(Tests).Where(t => t.Fact == rate).SelectMany(t => t.Comparisons))
        {
            if (c.Value is not NumberValue { Value: var threshold })
            {
                continue;
            }

            var exact = threshold * whole / scale;
            var point = c.Op switch
            {
                ComparisonOp.Max => decimal.Floor(exact),
                ComparisonOp.Below => decimal.Ceiling(exact) - 1,
                ComparisonOp.Min => decimal.Ceiling(exact),
                ComparisonOp.Above => decimal.Floor(exact) + 1,
                _ => -1m,
            };
            if (point >= 0 && point <= whole)
            {
                yield return FactValue.Of(point);
            }
        }
    }

    private static IEnumerable<FactValue> NumberPoints(Comparison c)
    {
        var v = ((NumberValue)c.Value).Value;
        return c.Op switch
        {
            ComparisonOp.Above => [FactValue.Of(decimal.Floor(v) + 1)],
            ComparisonOp.Below => [FactValue.Of(decimal.Ceiling(v) - 1)],
            _ => [FactValue.Of(v)],
        };
    }

    private static IEnumerable<FactValue> DatePoints(Comparison c)
    {
        var d = ((DateValue)c.Value).Value;
        return c.Op switch
        {
            ComparisonOp.Above => [FactValue.Of(d.AddDays(1))],
            ComparisonOp.Below => [FactValue.Of(d.AddDays(-1))],
            _ => [c.Value],
        };
    }

    internal static IEnumerable<FactTest> Tests(Condition c) => c switch
    {
        FactTest t => [t],
        AllOf a => a.Items.SelectMany(Tests),
        AnyOf a => a.Items.SelectMany(Tests),
        Not n => Tests(n.Inner),
        _ => [],
    };

    private static WhatIf Describe(
        Measure measure, FactSet facts, (string Fact, FactValue Value)[] changes, EligibilityStatus outcome)
    {
        var text = new ConditionText(measure.FactDefinitions);
        var parts = changes.Select(c => AnyAtAll(measure, c.Fact) ?? Change(text, facts, c.Fact, c.Value));
        var format = outcome == EligibilityStatus.Eligible ? Wording.WhatIfEligible : Wording.WhatIfPossible;
        return new WhatIf(
            changes.ToDictionary(c => c.Fact, c => c.Value),
            outcome,
            string.Format(format, string.Join(Wording.And, parts)));
    }

    /// <summary>
    /// "签订劳动合同" is contract_years above 0: any contract meets it, so the change is the condition's own words, not
    /// one length the search happened to try ("劳动合同期限达到1年").
    /// </summary>
    private static string? AnyAtAll(Measure measure, string fact) =>
        measure.Conditions.SelectMany(Tests).FirstOrDefault(t => t.Fact == fact && t.Comparisons is [{ Op: ComparisonOp.Above } only]
            && only.Value is NumberValue { Value: 0 }) is { Text: { Length: > 0 } said } ? said : null;

    private static string Change(ConditionText text, FactSet facts, string fact, FactValue value)
    {
        if (value is BoolValue yesNo)
        {
            return text.Statement(fact, yesNo.Value);
        }

        var label = text.Label(fact);
        var shown = text.Display(fact, value);
        if (facts.TryGet(fact, out var current) && value.CompareTo(current) is { } cmp)
        {
            return cmp > 0 ? $"{label}达到{shown}" : $"{label}不超过{shown}";
        }

        return $"{label}为{shown}";
    }
}
