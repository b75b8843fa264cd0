namespace BotAssistant.Policies.Engine;

/// <summary>Plain Chinese for conditions and values, built from fact labels and units.</summary>
internal sealed class ConditionText(IReadOnlyDictionary<string, FactDefinition> facts)
{
    public string Describe(Condition condition) => condition.Text ?? condition switch
    {
        FactTest t => string.Join("，", t.Comparisons.Select(c => Comparison(t.Fact, c))),
        AllOf a => string.Join(Wording.And.TrimStart('，'), a.Items.Select(Describe)),
        AnyOf a => string.Join(Wording.Or, a.Items.Select(Describe)),
        Not n => Wording.NotPrefix + Describe(n.Inner),
        _ => "",
    };

    public string Label(string fact) => facts.GetValueOrDefault(fact)?.Label ?? fact;

    public string? Unit(string fact) => facts.GetValueOrDefault(fact)?.Unit;

    public string Display(string fact, FactValue value) =>
        facts.GetValueOrDefault(fact)?.Display(value) ?? value.ToString() ?? "";

    /// <summary>
    /// A yes/no fact as a statement of the person or firm: "是否退役军人" and yes read "是退役军人", "是否有纳税记录"
    /// and no read "没有纳税记录", "招用人员是否本市户籍" and yes "招用人员是本市户籍". Labels that do not ask
    /// "是否" keep the "label：value" form.
    /// </summary>
    public string Statement(string fact, bool value)
    {
        var label = Label(fact);
        var at = label.IndexOf(Wording.Whether, StringComparison.Ordinal);
        if (at < 0)
        {
            return $"{label}：{Display(fact, new BoolValue(value))}";
        }

        var subject = label[..at];
        var rest = label[(at + Wording.Whether.Length)..];
        foreach (var (opening, negated) in Wording.StatementOpenings)
        {
            if (rest.StartsWith(opening, StringComparison.Ordinal))
            {
                var remainder = rest[opening.Length..];
                return subject + (value ? (opening is "为" ? Wording.Is + remainder : rest) : negated + remainder);
            }
        }

        return subject + (value ? Wording.Is : Wording.IsNot) + rest;
    }

    public string Actual(string fact, FactValue value) => string.Format(Wording.YourValue, Label(fact), Display(fact, value));

    /// <summary>The user's value, with the sum behind a rate computed from counts ("7÷30≈23.3%").</summary>
    public string Actual(string fact, FactValue value, FactSet facts) =>
        facts.TryGetDerivation(fact, out var d, out var part, out var whole) && value is NumberValue n
            ? string.Format(Wording.YourValue, Label(fact), Derivation(part, whole, n.Value, d.Scale, Unit(fact), Unit(d.Numerator), Unit(d.Denominator)))
            : Actual(fact, value);

    /// <summary>
    /// 7÷30≈23.3%, 6人÷8人=75%: exact results with =, rounded ones with ≈ (one decimal); the part and the whole carry their
    /// own units where facts.yaml gives them, so the reader sees what was counted.
    /// </summary>
    public static string Derivation(decimal part, decimal whole, decimal value, decimal scale, string? unit, string? partUnit = null, string? wholeUnit = null)
    {
        var rounded = Math.Round(value, 1);
        var exact = Math.Round(part * scale / whole, 1) == part * scale / whole;
        return FormattableString.Invariant($"{part:0.##}{partUnit}÷{whole:0.##}{wholeUnit}{(exact ? "=" : "≈")}{rounded:0.#}{unit}");
    }

    public string Comparison(string fact, Comparison c)
    {
        var label = Label(fact);
        var value = Display(fact, c.Value);
        var isDate = c.Value is DateValue;
        return c.Op switch
        {
            ComparisonOp.Equals when c.Value is BoolValue => $"{label}：{value}",
            ComparisonOp.Equals => $"{label}为{value}",
            ComparisonOp.In => $"{label}为{string.Join(Wording.Or, c.Values.Select(v => Display(fact, v)))}",
            ComparisonOp.Min => $"{label}{(isDate ? "不早于" : "不少于")}{value}",
            ComparisonOp.Max => $"{label}{(isDate ? "不晚于" : "不超过")}{value}",
            ComparisonOp.Below => $"{label}{(isDate ? "早于" : "低于")}{value}",
            ComparisonOp.Above => $"{label}{(isDate ? "晚于" : "超过")}{value}",
            _ => label,
        };
    }
}
