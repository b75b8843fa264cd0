namespace BotAssistant.Policies.Engine;

internal enum Truth { False, Unknown, True }

/// <summary>Outcome of one condition node; Missing is set only when the node is Unknown.</summary>
internal sealed record Verdict(Truth Truth, IReadOnlyList<string> Missing, IReadOnlyList<FailedCondition> Failed)
{
    /// <summary>
    /// Unknown verdicts only: the alternatives of an any-of already false (离校5年内 for someone 6 years out, while 返乡
    /// 创业 is still open), so an open answer can say which ways in are closed.
    /// </summary>
    public IReadOnlyList<FailedCondition> RuledOut { get; init; } = [];

    /// <summary>Top-level conditions on computed rates that hold, with the sum (see <see cref="ConditionEvaluator.All"/>).</summary>
    public IReadOnlyList<FailedCondition> Held { get; init; } = [];
}

/// <summary>
/// Three-valued evaluation: an unknown fact leaves its test unknown, never false. Without a
/// <see cref="ConditionText"/> it only decides (no failure wording): the planner and the what-if search
/// evaluate thousands of hypothetical answers and read nothing but the verdict.
/// </summary>
internal sealed class ConditionEvaluator(FactSet facts, ConditionText? text)
{
    private static readonly IReadOnlyList<string> NoFacts = [];
    private static readonly IReadOnlyList<FailedCondition> NoFailures = [];

    public Verdict All(IReadOnlyList<Condition> items)
    {
        var verdict = Combine(new AllOf(items, null), items, isAll: true, top: true);
        return text is null ? verdict : verdict with { Held = HeldRates(items) };
    }

    /// <summary>
    /// The measure's own conditions on a rate computed from counts that hold ("劳务报酬占比达到30％", 70÷200=35%): worth
    /// saying while others are still open, since the user gave the counts to learn this.
    /// </summary>
    private IReadOnlyList<FailedCondition> HeldRates(IReadOnlyList<Condition> items)
    {
        var held = new List<FailedCondition>();
        foreach (var item in items)
        {
            // A condition with alternatives ("未裁员或裁员率不高于5.5%或30人以下的不高于20%") held by the rate: the whole
            // condition is said, with the sum of the rate that holds inside it (4÷25=16%).
            if (RateHeldIn(item) is { } rate && Evaluate(item).Truth == Truth.True && facts.TryGet(rate.Fact, out var v))
            {
                held.Add(new FailedCondition(item, text!.Describe(item), text.Actual(rate.Fact, v, facts)));
            }
        }

        return held;
    }

    /// <summary>The first test on a rate computed from counts that holds, within a condition.</summary>
    private FactTest? RateHeldIn(Condition c) => c switch
    {
        // None of the whole (没裁员: 0÷50) is no sum worth showing.
        FactTest t when facts.TryGetDerivation(t.Fact, out _, out var part, out _) && part > 0 && Test(t).Truth == Truth.True => t,
        AllOf a => a.Items.Select(RateHeldIn).FirstOrDefault(t => t is not null),
        // 未裁员 holding decides it before any rate does: no sum to show.
        AnyOf a when a.Items.Any(i => !HasRate(i) && Evaluate(i).Truth == Truth.True) => null,
        AnyOf a => a.Items.Select(RateHeldIn).FirstOrDefault(t => t is not null),
        _ => null,
    };

    private bool HasRate(Condition c) => c switch
    {
        FactTest t => facts.TryGetDerivation(t.Fact, out _, out _, out _),
        AllOf a => a.Items.Any(HasRate),
        AnyOf a => a.Items.Any(HasRate),
        Not n => HasRate(n.Inner),
        _ => false,
    };

    public Verdict Evaluate(Condition condition) => condition switch
    {
        FactTest t => Test(t),
        AllOf a => Combine(a, a.Items, isAll: true, top: false),
        AnyOf a => Combine(a, a.Items, isAll: false, top: false),
        Not n => Negate(n),
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };

    public static Truth Compare(FactValue actual, Comparison c) => actual is SplitValue split
        ? split.Parts.Any(p => Compare(FactValue.OfKey(p.Key), c) == Truth.True) ? Truth.True : Truth.False
        : c.Op switch
    {
        ComparisonOp.Equals => Eq(actual, c.Value),
        ComparisonOp.In => c.Values.Any(v => Eq(actual, v) == Truth.True) ? Truth.True : Truth.False,
        ComparisonOp.Min => Order(actual, c.Value, cmp => cmp >= 0),
        ComparisonOp.Max => Order(actual, c.Value, cmp => cmp <= 0),
        ComparisonOp.Below => Order(actual, c.Value, cmp => cmp < 0),
        ComparisonOp.Above => Order(actual, c.Value, cmp => cmp > 0),
        _ => Truth.False,
    };

    private Verdict Test(FactTest t)
    {
        if (!facts.TryGet(t.Fact, out var actual) && facts.TryGetLowerBound(t.Fact, out var least))
        {
            return Bounded(t, least);
        }

        if (actual is null && facts.TryGetBroad(t.Fact, out var broad, out var narrower))
        {
            return Widened(t, broad, narrower);
        }

        if (actual is null)
        {
            return new Verdict(Truth.Unknown, facts.AskableFor(t.Fact).ToList(), NoFailures);
        }

        var holds = t.Comparisons.All(c => Compare(actual, c) == Truth.True);
        return holds
            ? new Verdict(Truth.True, NoFacts, NoFailures)
            : new Verdict(Truth.False, NoFacts, text is null ? NoFailures : [new FailedCondition(t, text.Describe(t), text.Actual(t.Fact, actual, facts))]);
    }

    /// <summary>A test of a value that includes narrower ones: decided only where the value and all it includes agree.</summary>
    private Verdict Widened(FactTest t, string broad, IReadOnlyList<string> narrower)
    {
        var truths = narrower.Prepend(broad).Select(k => t.Comparisons.All(c => Compare(FactValue.OfKey(k), c) == Truth.True)).Distinct().ToList();
        if (truths is [true])
        {
            return new Verdict(Truth.True, NoFacts, NoFailures);
        }

        if (truths is [false])
        {
            var shown = FactValue.OfKey(broad);
            return new Verdict(Truth.False, NoFacts, text is null ? NoFailures : [new FailedCondition(t, text.Describe(t), text.Actual(t.Fact, shown))]);
        }

        return new Verdict(Truth.Unknown, [t.Fact], NoFailures);
    }

    /// <summary>A test of a number known only to be at least <paramref name="least"/>: decided where the bound decides it.</summary>
    private Verdict Bounded(FactTest t, decimal least)
    {
        var truths = t.Comparisons.Select(c => c.Value is NumberValue { Value: var v } ? c.Op switch
        {
            ComparisonOp.Min => least >= v ? Truth.True : Truth.Unknown,
            ComparisonOp.Above => least > v ? Truth.True : Truth.Unknown,
            ComparisonOp.Max => least > v ? Truth.False : Truth.Unknown,
            ComparisonOp.Below => least >= v ? Truth.False : Truth.Unknown,
            _ => Truth.Unknown,
        } : Truth.Unknown).ToList();
        if (truths.Contains(Truth.False))
        {
            var shown = FactValue.OfAtLeast(least);
            return new Verdict(Truth.False, NoFacts, text is null ? NoFailures : [new FailedCondition(t, text.Describe(t), text.Actual(t.Fact, shown))]);
        }

        return truths.All(x => x == Truth.True) ? new Verdict(Truth.True, NoFacts, NoFailures) : new Verdict(Truth.Unknown, [t.Fact], NoFailures);
    }

    private Verdict Combine(Condition node, IReadOnlyList<Condition> items, bool isAll, bool top)
    {
        var verdicts = items.Select(Evaluate).ToList();
        var decisive = isAll ? Truth.False : Truth.True;
        if (verdicts.Any(v => v.Truth == decisive))
        {
            return decisive == Truth.True
                ? new Verdict(Truth.True, NoFacts, NoFailures)
                : new Verdict(Truth.False, NoFacts, FailuresOfAll(node, verdicts, top));
        }

        if (verdicts.Any(v => v.Truth == Truth.Unknown))
        {
            var missing = verdicts.Where(v => v.Truth == Truth.Unknown).SelectMany(v => v.Missing).Distinct().ToList();
            var ruledOut = verdicts.SelectMany(v => v.RuledOut).Concat(isAll ? [] : verdicts.Where(v => v.Truth == Truth.False).SelectMany(v => v.Failed));
            return new Verdict(Truth.Unknown, missing, NoFailures) { RuledOut = text is null ? NoFailures : ruledOut.ToList() };
        }

        // Every item is the non-decisive value: all true for all-of, all false for any-of.
        return isAll
            ? new Verdict(Truth.True, NoFacts, NoFailures)
            : new Verdict(Truth.False, NoFacts, text is null ? NoFailures : [new FailedCondition(node, text.Describe(node), JoinActuals(verdicts))]);
    }

    // An all-of fails through its failing parts, unless the author worded the group as a whole.
    private IReadOnlyList<FailedCondition> FailuresOfAll(Condition node, List<Verdict> verdicts, bool top)
    {
        var parts = verdicts.Where(v => v.Truth == Truth.False).SelectMany(v => v.Failed).ToList();
        return text is null || node.Text is null || top ? parts : [new FailedCondition(node, node.Text, JoinActuals(verdicts))];
    }

    private Verdict Negate(Not n)
    {
        var inner = Evaluate(n.Inner);
        return inner.Truth switch
        {
            Truth.True => new Verdict(Truth.False, NoFacts, text is null ? NoFailures : [new FailedCondition(n, text.Describe(n), null)]),
            Truth.False => new Verdict(Truth.True, NoFacts, NoFailures),
            _ => inner with { Failed = NoFailures },
        };
    }

    private static string? JoinActuals(IEnumerable<Verdict> verdicts)
    {
        var actuals = verdicts.SelectMany(v => v.Failed).Select(f => f.ActualValue).OfType<string>()
            .SelectMany(a => a.Split('；')).Distinct().ToList();
        return actuals.Count == 0 ? null : string.Join("；", actuals);
    }

    private static Truth Eq(FactValue actual, FactValue expected) =>
        actual.CompareTo(expected) is { } cmp ? (cmp == 0 ? Truth.True : Truth.False)
        : actual.Equals(expected) ? Truth.True : Truth.False;

    private static Truth Order(FactValue actual, FactValue bound, Func<int, bool> accept) =>
        actual.CompareTo(bound) is { } cmp && accept(cmp) ? Truth.True : Truth.False;
}
