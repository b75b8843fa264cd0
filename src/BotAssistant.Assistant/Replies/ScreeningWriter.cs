using BotAssistant.Assistant.Conversation;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Replies;

/// <summary>The result of a screening: what applies (amount, formula, period, source), what may, what does not and why.</summary>
public static class ScreeningWriter
{
    public static Reply Result(TurnScope s, ScreeningResult result, int candidateCount)
    {
        var w = s.Writer;
        var reply = new Reply();
        var eligible = result.Results.Where(r => r.Status == EligibilityStatus.Eligible && !r.IsExcluded).ToList();
        var maybe = result.Results.Where(r => r.Status == EligibilityStatus.Undetermined).ToList();
        var not = result.Results.Where(r => r.Status == EligibilityStatus.NotEligible).ToList();
        reply.Say(s.Texts.Say("screen.header", ("asof", MeasureWriter.Date(s.AsOf))));

        if (eligible.Count > 0)
        {
            reply.Say(s.Texts.Say("screen.eligible_title") + "\n" + string.Join("\n", eligible.Select((r, i) => Line(s, r, i + 1))));
            if (s.Understanding.IsAbout(Language.Intent.AskSource))
            {
                // "文件里有没有说法 哪一条": whoever asks for the clause is given its words, not only its number.
                reply.Say(string.Join("\n", eligible.Take(s.Options.MaxMeasuresPerAnswer).Select(r => w.Quote(r.Measure))));
            }
        }
        else
        {
            reply.Say(s.Texts.Say("screen.none_eligible"));
        }

        foreach (var decision in result.Exclusions)
        {
            reply.Say(s.Texts.Say("screen.exclusion", ("reason", decision.Reason)));
        }

        if (Total(s, result) is { } total)
        {
            reply.Say(total);
        }

        if (maybe.Count > 0)
        {
            reply.Say(s.Texts.Say("screen.maybe_title") + "\n" + string.Join("\n", maybe.Take(s.Options.MaxMeasuresPerAnswer).Select(r =>
                s.Texts.Say("screen.maybe_line", ("name", r.Measure.Name), ("amount", w.AmountLine(r)), ("validity", r.Validity.Text), ("missing", Missing(s, r))) + RuledOut(s, r))));
        }

        if (not.Count > 0)
        {
            reply.Say(s.Texts.Say("screen.not_title") + "\n" + string.Join("\n", not.Take(s.Options.MaxMeasuresPerAnswer).Select(r =>
                s.Texts.Say("screen.not_line", ("name", r.Measure.Name), ("reason", Reason(s, r)),
                    ("whatif", r.WhatIf is { } wi ? s.Texts.Say("screen.whatif", ("text", wi.Text)) : "")))));
        }

        var ended = eligible.Concat(maybe).Any(r => r.Validity.Status == Validity.Ended);
        if (ended)
        {
            reply.Say(s.Texts.Say("screen.ended_note"));
        }

        reply.Say(CorrectionExample(s) is { } example
            ? s.Texts.Say("screen.facts", ("facts", FactSummary(s)), ("example", example))
            : s.Texts.Say("screen.facts_plain", ("facts", FactSummary(s))));
        reply.Say(s.Texts.Say("screen.footer", ("hotline", s.Options.Hotline), ("bureau", w.Bureau(s.Place))));
        // What people ask next, as buttons (a numbered menu on WeChat), so nobody has to guess the words.
        reply.NextSteps.AddRange(s.Texts.Say("screen.next_steps").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        s.State.LastResult = eligible.Concat(maybe).Select(r => r.Measure.Id).ToList();
        s.State.LastWeighed = result.Results.Select(r => r.Measure.Id).ToList();
        // Follow-ups ("需要什么材料", "原文呢") are about what applies, else what may, else what was weighed.
        s.State.Focus = (eligible.Count > 0 ? eligible : maybe.Count > 0 ? maybe : result.Results.ToList()).Select(r => r.Measure.Id).ToList();
        reply.Summary = Summaries.Of("screening", s, result.Results);
        return reply;
    }

    /// <summary>
    /// Two or more of the measures shown pay (or deduct) this user a known sum in the same unit: their total, with a measure that
    /// cannot be had with another left out as the documents' 不能重复享受 says (the higher one counts).
    /// </summary>
    public static string? Total(TurnScope s, ScreeningResult screen)
    {
        var paying = screen.Results
            .Where(r => r.Status == EligibilityStatus.Eligible && !r.IsExcluded && (r.Amount.Value ?? r.Amount.Max) is > 0 && r.Amount.IsDetermined && !r.Amount.IsLoan)
            .ToList();
        // Tax deducted and cash paid are not one sum; deductions add up among themselves (每年一共能扣减多少).
        if (paying.Count < 2 || paying.Select(r => r.Amount.Unit).Distinct().Count() > 1 || paying.Select(r => r.Amount.IsTaxDeduction).Distinct().Count() > 1)
        {
            return null;
        }

        var unit = paying[0].Amount.Unit;
        // "最高1500元" and "最高600元": what they come to is at most their sum (俺俩一共最多能拿多少).
        var capped = paying.Any(r => r.Amount.Value is null);
        decimal Most(MeasureResult r) => r.Amount.Value ?? r.Amount.Max!.Value;
        var terms = string.Join(" + ", paying.Select(r => $"{r.Measure.Name} {AmountText(Most(r))}{unit}"));
        var text = s.Texts.Say(capped ? "lookup.total_most" : "lookup.total", ("terms", terms), ("total", AmountText(paying.Sum(Most)) + unit));
        foreach (var d in screen.Exclusions.Where(d => paying.Any(p => p.Measure.Id == d.Recommended)))
        {
            text += s.Texts.Say("lookup.total_excluded", ("excluded", s.Catalog.FindMeasure(d.Excluded)?.Name ?? d.Excluded),
                ("recommended", s.Catalog.FindMeasure(d.Recommended)?.Name ?? d.Recommended));
        }

        return text;
    }

    private static string AmountText(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One measure that applies; a rate from the user's counts that met its condition is shown with its sum (5÷28≈17.9%).</summary>
    private static string Line(TurnScope s, MeasureResult r, int index) => s.Texts.Say("screen.eligible_line",
        ("n", index), ("name", r.Measure.Name), ("amount", s.Writer.AmountLine(r)),
        ("validity", r.Validity.Text), ("source", s.Writer.Source(r.Measure)))
        + (r.Held.Count == 0 ? "" : s.Texts.Say("lookup.held", ("conditions", string.Join("；", r.Held.Select(h => $"{h.Wording}（{h.ActualValue}）")))));

    /// <summary>
    /// An open measure's ways in that are already closed ("按离校5年内高校毕业生这一条已不符合（您的离校年限：6年）"), or "":
    /// the user learns which alternative is left to prove.
    /// </summary>
    public static string RuledOut(TurnScope s, MeasureResult r) => r.RuledOut.Count == 0 ? ""
        : s.Texts.Say("answer.ruled_out", ("reason", string.Join("；", r.RuledOut.Select(f => RuledOutWording(s, f)))));

    /// <summary>
    /// A closed yes/no way in said as what it asked and what the user answered ("低保家庭、零就业家庭或特困人员（您说的是：否）"),
    /// never as the bare requirement "是否低保…：是", which reads as if the user had said yes.
    /// </summary>
    private static string RuledOutWording(TurnScope s, FailedCondition f)
    {
        if (f.Condition is FactTest t && s.Catalog.Facts.GetValueOrDefault(t.Fact) is { Type: FactType.Bool } def
            && s.Facts().TryGet(t.Fact, out var value) && value is BoolValue said)
        {
            var asked = def.Label.StartsWith("是否", StringComparison.Ordinal) ? def.Label[2..] : def.Label;
            return s.Texts.Say("answer.ruled_out_yes_no", ("asked", asked), ("said", s.Texts.Say(said.Value ? "button.yes" : "button.no")));
        }

        return f.ActualValue is null || IsYesNo(s, f.Condition) ? f.Wording : $"{f.Wording}（{f.ActualValue}）";
    }

    /// <summary>The failed conditions; what the user said is added for figures and categories, where it explains the gap.</summary>
    public static string Reason(TurnScope s, MeasureResult r) =>
        string.Join("；", r.FailedConditions.Select(f => f.ActualValue is null || IsYesNo(s, f.Condition) ? f.Wording : $"{f.Wording}（{f.ActualValue}）"));

    private static bool IsYesNo(TurnScope s, Condition c) => c switch
    {
        FactTest t => s.Catalog.Facts.GetValueOrDefault(t.Fact)?.Type == FactType.Bool,
        AllOf a => a.Items.All(i => IsYesNo(s, i)),
        AnyOf a => a.Items.All(i => IsYesNo(s, i)),
        Not n => IsYesNo(s, n.Inner),
        _ => false,
    };

    /// <summary>
    /// What is still to be said for an open measure; a figure comes with the measure's own condition on it
    /// ("已缴纳社会保险的月数（为其缴纳失业、工伤、职工养老保险费1个月以上）"), so the user knows the bar before answering.
    /// </summary>
    public static string Missing(TurnScope s, MeasureResult r) =>
        string.Join("、", r.MissingFacts.Distinct().Select(f => s.Catalog.Facts.GetValueOrDefault(f) is not { } d ? f
            : d.Type == FactType.Number && ConditionOn(r.Measure.Conditions, f) is { } text ? s.Texts.Say("answer.missing_bar", ("label", d.Label), ("condition", text))
            : d.Label));

    /// <summary>The author's wording of the smallest condition that tests <paramref name="fact"/>, or null.</summary>
    private static string? ConditionOn(IEnumerable<Condition> conditions, string fact)
    {
        foreach (var c in conditions)
        {
            var found = c switch
            {
                FactTest t when t.Fact == fact => t.Text,
                AllOf a => ConditionOn(a.Items, fact) ?? (Tests(a, fact) ? a.Text : null),
                AnyOf a => ConditionOn(a.Items, fact) ?? (Tests(a, fact) ? a.Text : null),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static bool Tests(Condition c, string fact) => c switch
    {
        FactTest t => t.Fact == fact,
        AllOf a => a.Items.Any(i => Tests(i, fact)),
        AnyOf a => a.Items.Any(i => Tests(i, fact)),
        Not n => Tests(n.Inner, fact),
        _ => false,
    };

    /// <summary>
    /// How a correction is said, shown on a fact this user gave (a figure one higher, or another of a category's values),
    /// so the example never speaks of a contract to someone who has none. Null when no such fact was given.
    /// </summary>
    private static string? CorrectionExample(TurnScope s)
    {
        foreach (var (name, value) in s.Facts().Given)
        {
            if (name is "place" or "role" || !s.Catalog.Facts.TryGetValue(name, out var d) || d.Derived is not null)
            {
                continue;
            }

            var other = value switch
            {
                NumberValue { AtLeast: false } n when d.Max is null || n.Value + 1 <= d.Max => new NumberValue(decimal.Floor(n.Value) + 1),
                EnumValue e when d.Values.FirstOrDefault(v => v.Key != e.Key) is { Key: { } key } => new EnumValue(key),
                _ => (FactValue?)null,
            };
            if (other is not null)
            {
                return s.Texts.Say("screen.correction_example", ("label", d.Label), ("value", d.Display(other)));
            }
        }

        return null;
    }

    /// <summary>What the result rests on, so the user can spot a wrong answer and correct it.</summary>
    public static string FactSummary(TurnScope s, IReadOnlyCollection<string>? only = null)
    {
        var facts = s.Facts();
        return string.Join("；", facts.Given.Where(kv => only is null || only.Contains(kv.Key)).Select(kv => s.Catalog.Facts.TryGetValue(kv.Key, out var d) ? $"{d.Label}：{d.Display(kv.Value)}" : null)
            .OfType<string>());
    }
}
