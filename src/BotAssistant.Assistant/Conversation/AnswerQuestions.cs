using BotAssistant.Assistant.Replies;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Conversation;

/// <summary>
/// Questions about an answer already given: "能同时领吗" (which measures combine under the documents' 不能重复享受),
/// and "为什么我不能拿…" / "还差什么条件" (the conditions that fail or are unknown, and what would change the verdict).
/// Both judge the measures again on the facts now known, so a correction made since is taken into account.
/// </summary>
public static class AnswerQuestions
{
    public static Reply Combination(TurnScope s, IReadOnlyList<Measure> shown)
    {
        var reply = new Reply();
        // The question is as much about what the documents forbid combining with these as about these themselves.
        var measures = shown.Concat(Partners(s, shown)).ToList();
        var result = PolicyEngine.Screen(s.Catalog, measures, s.Facts(), s.AsOf);
        // A measure the user does not qualify for is not part of any combination; saying so keeps the list honest.
        var ruledOut = result.Results.Where(r => r.Status == EligibilityStatus.NotEligible).Select(r => r.Measure).ToList();
        var open = measures.Except(ruledOut).ToList();
        if (open.Count < 2)
        {
            reply.Say(s.Texts.Say(open.Count == 0 ? "combine.nothing" : "combine.single", ("name", open.Count == 1 ? open[0].Name : "")));
            AddYearly(s, reply, measures);
            AddRuledOut(s, reply, ruledOut, result);
            s.State.Focus = measures.Select(m => m.Id).ToList();
            return reply;
        }

        var paired = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in open)
        {
            foreach (var b in open.Where(b => string.CompareOrdinal(a.Id, b.Id) < 0 && Exclusive(a, b)))
            {
                paired.Add(a.Id);
                paired.Add(b.Id);
                var decision = result.Exclusions.FirstOrDefault(d => (d.Recommended, d.Excluded) == (a.Id, b.Id) || (d.Recommended, d.Excluded) == (b.Id, a.Id));
                reply.Say(s.Texts.Say("combine.exclusive", ("a", a.Name), ("b", b.Name), ("source", s.Writer.Source(a)),
                    // Not yet computable which pays more: each one's standard lets the reader compare them now.
                    ("choice", decision is null
                        ? s.Texts.Say("combine.choose_unknown", ("a", a.Name), ("a_standard", s.Writer.StandardLine(s.Rule(a))),
                            ("b", b.Name), ("b_standard", s.Writer.StandardLine(s.Rule(b))))
                        : decision.Reason)));
            }
        }

        // Each with what it pays on the facts told and the clause that says so, so "能同时拿吗" is answered with the sums
        // it asks about, each traceable.
        MeasureResult Judged(Measure m) => result.Results.FirstOrDefault(r => r.Measure == m) ?? s.Rule(m);
        var free = open.Where(m => !paired.Contains(m.Id)).Select(m => $"{m.Name}（{s.Writer.AmountLine(Judged(m))}；{s.Writer.Source(m)}）").ToList();
        if (free.Count > 0)
        {
            reply.Say(s.Texts.Say(paired.Count == 0 ? "combine.all_free" : "combine.free", ("names", string.Join("、", free))));
        }

        var once = open.Where(m => m.Limits.Once).Select(m => $"“{m.Name}”").ToList();
        if (once.Count > 0)
        {
            reply.Say(s.Texts.Say("combine.once", ("names", string.Join("、", once))));
        }

        AddYearly(s, reply, measures);
        AddRuledOut(s, reply, ruledOut, result);
        s.State.Focus = measures.Select(m => m.Id).ToList();
        return reply;
    }

    /// <summary>
    /// A measure ruled out by the facts told is named with the condition that fails (生活费补贴: 不可同时领取失业保险金),
    /// since "能不能同时领" is often answered by that very condition.
    /// </summary>
    private static void AddRuledOut(TurnScope s, Reply reply, List<Measure> ruledOut, ScreeningResult result)
    {
        if (ruledOut.Count > 0)
        {
            string Why(Measure m) => result.Results.FirstOrDefault(r => r.Measure == m)?.FailedConditions is { Count: > 0 } failed
                ? "（" + string.Join("；", failed.Select(f => f.Wording)) + "）"
                : "";
            reply.Say(s.Texts.Say("combine.ruled_out", ("names", string.Join("、", ruledOut.Select(m => $"“{m.Name}”{Why(m)}")))));
        }
    }

    /// <summary>每人每年只享受一次: how often a measure may be had is part of whether it may be had again alongside.</summary>
    private static void AddYearly(TurnScope s, Reply reply, IEnumerable<Measure> measures)
    {
        var yearly = measures.Where(m => m.Limits.MaxPerYear is not null).ToList();
        if (yearly.Count > 0)
        {
            reply.Say(s.Texts.Say("combine.per_year", ("limits", string.Join("；", yearly.Select(m => s.Texts.Say("combine.per_year_line",
                ("name", m.Name), ("times", m.Limits.MaxPerYear!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("source", s.Writer.Source(m))))))));
        }
    }

    public static Reply WhyNot(TurnScope s, IReadOnlyList<Measure> measures)
    {
        var reply = new Reply();
        if (measures.Count == 0)
        {
            return reply.Say(s.Texts.Say("whynot.nothing"));
        }

        // A measure can qualify and still lose to the one it cannot be combined with; that is only seen with both judged.
        var result = PolicyEngine.Screen(s.Catalog, measures.Concat(Partners(s, measures)).ToList(), s.Facts(), s.AsOf);
        foreach (var r in result.Results.Where(r => measures.Contains(r.Measure)))
        {
            var name = r.Measure.Name;
            reply.Say(r.Status switch
            {
                EligibilityStatus.NotEligible => s.Texts.Say("whynot.failed", ("name", name),
                    ("reason", string.Join("；", r.FailedConditions.Select(f => f.ActualValue is null ? f.Wording : s.Texts.Say("whynot.given", ("condition", f.Wording), ("value", f.ActualValue))))),
                    ("whatif", r.WhatIf is { } w ? s.Texts.Say("whynot.whatif", ("text", w.Text)) : s.Texts.Say("whynot.no_whatif")))
                    // "还差啥": what is missing, and the rule the measure pays by once it is not (never a total for facts that fail).
                    + (r.Amount.None ? "" : s.Texts.Say("whynot.standard", ("amount", s.Writer.StandardLine(s.Rule(r.Measure))))),
                EligibilityStatus.Undetermined => s.Texts.Say("whynot.unknown", ("name", name),
                    ("missing", ScreeningWriter.Missing(s, r)))
                    + ScreeningWriter.RuledOut(s, r),
                _ when r.IsExcluded => s.Texts.Say("whynot.excluded", ("name", name),
                    ("other", s.Catalog.FindMeasure(r.ExcludedBy!)?.Name ?? r.ExcludedBy)),
                _ => s.Texts.Say("whynot.eligible", ("name", name), ("amount", s.Writer.AmountLine(r))),
            });

            // "不是最长3年吗…只能补3年吗": what the clause itself says of its term and limits is part of why.
            if (r.Status != EligibilityStatus.NotEligible && r.Measure.Limits.Note is { Length: > 0 } note)
            {
                reply.Say(s.Texts.Say("whynot.limits", ("name", name), ("note", note)));
            }
        }

        s.State.Focus = measures.Select(m => m.Id).ToList();
        return reply;
    }

    /// <summary>"找哪个部门": each measure's departments as the document names them, and the place's bureau and hotline.</summary>
    public static Reply Departments(TurnScope s, IReadOnlyList<Measure> measures)
    {
        var reply = new Reply();
        if (measures.Count == 0)
        {
            return reply.Say(s.Texts.Say("department.nothing", ("hotline", s.Options.Hotline)));
        }

        foreach (var m in measures.Take(s.Options.MaxMeasuresPerAnswer))
        {
            reply.Say(s.Texts.Say("department.line", ("place", s.Writer.PlaceName(m.Place)), ("name", m.Name),
                ("departments", m.Departments.Count > 0 ? string.Join("、", m.Departments) : s.Writer.Bureau(m.Place)),
                ("source", s.Writer.Source(m))));
        }

        var places = measures.Select(m => m.Place).Distinct().ToList();
        reply.Say(s.Texts.Say("department.footer", ("bureau", string.Join("、", places.Select(p => s.Writer.Bureau(p)))), ("hotline", s.Options.Hotline)));
        s.State.Focus = measures.Select(m => m.Id).ToList();
        return reply;
    }

    private static IEnumerable<Measure> Partners(TurnScope s, IReadOnlyList<Measure> measures) =>
        s.ForAudience(s.Catalog.Measures.Where(o => !measures.Contains(o) && measures.Any(m => Exclusive(m, o))));

    private static bool Exclusive(Measure a, Measure b) => a.Limits.ExclusiveWith.Contains(b.Id) || b.Limits.ExclusiveWith.Contains(a.Id);
}
