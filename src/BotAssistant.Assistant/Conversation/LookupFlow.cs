using BotAssistant.Assistant.Replies;
using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Conversation;

/// <summary>Direct answers about named measures: amount, conditions, period and clause; the quote; the list for a place.</summary>
public static class LookupFlow
{
    /// <summary>The measures a message is about: named measures, else named topics in the place (all places when none is known).</summary>
    public static List<Measure> Named(TurnScope s, IReadOnlyList<string> places)
    {
        var topics = CompareFlow.Topics(s);
        var inPlaces = places.Count > 0 ? s.Catalog.Measures.Where(m => places.Contains(m.Place)).ToList() : s.Catalog.Measures.ToList();
        var chosen = ByName(s, places);
        var related = inPlaces.Where(m => topics.Contains(m.Topic) && !chosen.Contains(m)).ToList();
        var facts = s.Facts();

        // A measure named by its name answers the question; of its topic siblings in the place only those of its clause
        // that pay something come along (巫山 见习补贴 brings its 意外伤害保险补贴), not programme descriptions nor other
        // clauses' subsidies of the same kind. Another topic named in the message brings what pays under it.
        var chosenClauses = chosen.Select(Clause).ToHashSet();
        var chosenTopics = chosen.Select(m => m.Topic).ToHashSet();
        bool Sibling(Measure m) => !chosenTopics.Contains(m.Topic) || chosenClauses.Contains(Clause(m));
        // "想贷个8万块 没人给担保": a sibling the facts told already qualify for (10万元以下免反担保) answers the case, pay or not.
        bool Qualifies(Measure m) => ScreeningFlow.Relevance(m, s.Catalog, facts) > 0
            && PolicyEngine.Evaluate(m, facts, s.AsOf, explain: false).Status == EligibilityStatus.Eligible;
        var result = chosen.Count > 0 && places.Count > 0
            ? chosen.Concat(related.Where(m => (Pays(m) && Sibling(m)) || Qualifies(m))).ToList()
            : chosen.Concat(related).ToList();
        if (places.Count > 0)
        {
            result.AddRange(SameClauseForTheCase(s, facts, inPlaces, chosen.Count == 1 ? chosen : chosen.Count == 0 && related.Count == 1 ? related : [], result));
        }

        var forThem = s.ForAudience(result).ToList();
        forThem.AddRange(MoneyOfOtherParty(s, forThem, result));
        return forThem;
    }

    private static (string Document, string Clause) Clause(Measure m) => (m.Document.Id, m.Clause);

    private static bool Pays(Measure m) => m.Amount is not (NoAmount or NotStatedAmount);

    /// <summary>
    /// "车间能补多少 招这些人企业能补多少": a measure of the same clause as the one named (…一次性就业补贴…对就业帮扶车间
    /// 再…), for the same party, that pays for the case told (the hires given) is part of the answer too.
    /// </summary>
    private static IEnumerable<Measure> SameClauseForTheCase(TurnScope s, FactSet facts, List<Measure> inPlaces, List<Measure> named, List<Measure> shown)
    {
        var clauses = named.Select(m => (Clause(m), m.Audience)).ToHashSet();
        return inPlaces.Where(m => !shown.Contains(m) && clauses.Contains((Clause(m), m.Audience)) && Pays(m)
            && ScreeningFlow.Relevance(m, s.Catalog, facts) >= SameClauseRelevance).ToList();
    }

    /// <summary>
    /// "我弟能去参加见习不 见习有补贴没": where what is the user's pays nothing, the money of the same clause goes to another
    /// party (the 见习单位); that measure answers the money question.
    /// </summary>
    private static IEnumerable<Measure> MoneyOfOtherParty(TurnScope s, List<Measure> forThem, List<Measure> shown)
    {
        var asksMoney = s.Understanding.IsAbout(Intent.AskAmount) || s.Understanding.IsAbout(Intent.Screen);
        if (!asksMoney || forThem.Count == 0 || forThem.Any(Pays))
        {
            return [];
        }

        var theirs = forThem.Select(Clause).ToHashSet();
        return shown.Where(m => !forThem.Contains(m) && Pays(m) && theirs.Contains(Clause(m))).ToList();
    }

    /// <summary>How many of the told facts a same-clause measure must read to come along with the one named.</summary>
    private const int SameClauseRelevance = 2;

    /// <summary>The measures the message names by their own names, in the places asked about (no topic siblings).</summary>
    public static List<Measure> ByName(TurnScope s, IReadOnlyList<string> places)
    {
        var (clear, ambiguous) = CompareFlow.NamedEntities(s);
        var mentions = clear.Count > 0 ? clear : ambiguous;
        return mentions.Where(e => e.Kind == EntityKind.Measure).Select(e => s.Catalog.FindMeasure(e.Value)).OfType<Measure>().Distinct()
            .Where(m => places.Count == 0 || places.Contains(m.Place)).ToList();
    }

    public static Reply Answer(TurnScope s, List<Measure> measures, bool withQuote)
    {
        var facts = s.Facts();
        // One screening of the shown measures serves both the same-subsidy notes and the total.
        var screen = PolicyEngine.Screen(s.Catalog, measures, facts, s.AsOf);
        var excluded = Excluded(s, screen);
        var judged = measures.Select(m => Judged(s, m, facts)).ToList();
        var ruledOut = RuledOutSiblings(s, judged);
        var results = judged.Where(r => !ruledOut.Contains(r)).ToList();
        var reply = new Reply();
        var explained = false;
        var shownIds = results.Take(s.Options.MaxMeasuresPerAnswer).Select(r => r.Measure.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var r in results.Take(s.Options.MaxMeasuresPerAnswer))
        {
            var ended = r.Validity.Status == Validity.Ended;
            var instead = excluded.TryGetValue(r.Measure.Id, out var by)
                ? s.Texts.Say("lookup.excluded_by", ("recommended", s.Catalog.FindMeasure(by.Recommended)?.Name ?? by.Recommended),
                    ("amount", (by.RecommendedAmount.Value ?? by.RecommendedAmount.Max) is { } most ? AmountText(most) + by.RecommendedAmount.Unit : by.RecommendedAmount.Formula))
                : "";
            // One subsidy written in two clauses at one standard, both shown: the one it is paid by counts everyone and
            // carries the total; the other keeps its rule, since a second, smaller total for some of the same people reads
            // as a second answer to "一共多少". Alternatives at different standards (扩岗 1500 or 吸纳 1000) keep both.
            var countedElsewhere = by is not null && shownIds.Contains(by.Recommended) && SameStandard(r.Measure, s.Catalog.FindMeasure(by.Recommended))
                ? s.Texts.Say("lookup.counted_in_other", ("standard", s.Writer.StandardLine(s.Rule(r.Measure))),
                    ("other", s.Catalog.FindMeasure(by!.Recommended)?.Name ?? by.Recommended))
                : null;
            // A measure the facts fail shows the document's standard, not a formula with "招用人数（未知）" for a count told.
            var standard = countedElsewhere ?? (r.Status == EligibilityStatus.NotEligible ? s.Writer.StandardLine(r) : null);
            reply.Say(s.Writer.Block(r, s.AsOf, withQuote, explainEnded: ended && !explained, standard) + Verdict(s, r) + instead);
            explained |= ended;
        }

        if (ScreeningWriter.Total(s, screen) is { } total)
        {
            reply.Say(total);
        }

        if (ruledOut.Count > 0)
        {
            reply.Say(s.Texts.Say("lookup.not_for_this_case", ("names", string.Join("、", ruledOut.Select(r => $"“{r.Measure.Name}”")))));
        }

        if (RulesForThisCase(s, measures, facts) is { Count: > 0 } rules)
        {
            reply.Say(s.Texts.Say("lookup.also_applies", ("rules", ScreeningFlow.ServiceLines(s, rules))));
        }

        if (results.Count > s.Options.MaxMeasuresPerAnswer)
        {
            reply.Say(s.Texts.Say("lookup.more", ("names", string.Join("、", results.Skip(s.Options.MaxMeasuresPerAnswer).Select(r => r.Measure.Name)))));
        }

        reply.Say(s.Texts.Say("lookup.footer", ("hotline", s.Options.Hotline), ("bureau", s.Writer.Bureau(measures.Select(m => m.Place).Distinct().Count() == 1 ? measures[0].Place : s.Place))));
        s.State.Focus = measures.Select(m => m.Id).ToList();
        reply.Summary = Summaries.Of("lookup", s, results);
        return reply;
    }

    /// <summary>
    /// "招了个今年毕业的大学生 企业税费每年能减多少": of the measures a topic brings along, those the facts told already rule
    /// out are named, not shown with their figures beside one of the same topic that applies. A measure asked for by its
    /// own name is always shown in full.
    /// </summary>
    private static HashSet<MeasureResult> RuledOutSiblings(TurnScope s, List<MeasureResult> judged)
    {
        // A measure with no conditions applies to anyone and so says nothing of this case.
        var applying = judged.Where(r => r.Status == EligibilityStatus.Eligible && r.Measure.Conditions.Count > 0).Select(r => r.Measure.Topic).ToHashSet();
        var named = ByName(s, AssistantBrain.PlacesFor(s)).Select(m => m.Id).ToHashSet();
        return judged.Where(r => r.Status == EligibilityStatus.NotEligible && applying.Contains(r.Measure.Topic) && !named.Contains(r.Measure.Id)).ToHashSet();
    }

    private static string AmountText(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The measure judged on the user's facts; unless it applies, its amount is the rule rather than a total for their
    /// case, so "2000元/人 × 2人 = 4000元" is never shown next to "暂不符合", nor as a sum a case not yet settled would get.
    /// </summary>
    private static MeasureResult Judged(TurnScope s, Measure m, FactSet facts)
    {
        var r = PolicyEngine.Evaluate(m, facts, s.AsOf);
        return r.Status != EligibilityStatus.NotEligible ? r : r with { Amount = s.Rule(m).Amount };
    }

    /// <summary>
    /// Shown measures that apply but are another clause of a better-paying one shown too (（七）and（十二）, one subsidy
    /// per person): each says which one counts instead, so its own total for the same people never reads as money on top.
    /// </summary>
    /// <summary>Two clauses of one subsidy (same topic): unlike 吸纳 and 扩岗, whose separate figures are still worth seeing.</summary>
    private static bool SameSubsidy(TurnScope s, ExclusionDecision d) =>
        s.Catalog.FindMeasure(d.Recommended)?.Topic is { } topic && s.Catalog.FindMeasure(d.Excluded)?.Topic == topic;

    /// <summary>How many rules of the told case a lookup adds beside the measures asked about.</summary>
    private const int MaxRulesForThisCase = 2;

    /// <summary>
    /// "我们是以单位形式参保的个体工商户 吸纳补贴有没有份": a rule of the place that pays nothing itself but says who the
    /// asked measures reach (参照企业同等享受), met by what the user told of themselves, is said beside them: every
    /// condition it has reads a fact the user gave.
    /// </summary>
    private static List<Measure> RulesForThisCase(TurnScope s, List<Measure> shown, FactSet facts)
    {
        if (s.Place is not { } place)
        {
            return [];
        }

        return s.ForAudience(s.Catalog.ForPlace(place))
            .Where(m => m.Amount is NoAmount && m.Conditions.Count > 0 && !shown.Contains(m)
                && m.ConditionFacts.All(f => f is not ("place" or "role") && facts.Given.ContainsKey(f))
                && PolicyEngine.Evaluate(m, facts, s.AsOf, explain: false).Status == EligibilityStatus.Eligible)
            .Take(MaxRulesForThisCase).ToList();
    }

    private static bool SameStandard(Measure a, Measure? b) =>
        a.Amount is FixedAmount x && b?.Amount is FixedAmount y && x.Value == y.Value && x.Unit == y.Unit && x.Per == y.Per;

    private static Dictionary<string, ExclusionDecision> Excluded(TurnScope s, ScreeningResult screen) =>
        screen.Exclusions
            .Where(d => d.RecommendedAmount.IsDetermined && d.ExcludedAmount.IsDetermined && SameSubsidy(s, d))
            .GroupBy(d => d.Excluded).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>When the user told us enough to judge, say whether it applies; otherwise say nothing.</summary>
    private static string Verdict(TurnScope s, MeasureResult r)
    {
        // A rate's counts given (6 of 60 农民工) are the rate given.
        var read = r.Measure.ConditionFacts.Concat(r.Measure.Amount.Facts)
            .SelectMany(f => s.Catalog.Facts.GetValueOrDefault(f)?.Derived is { } d ? new[] { f, d.Numerator, d.Denominator } : [f]).ToHashSet();
        var given = s.Facts().Given.Keys.Any(k => k is not ("place" or "role") && read.Contains(k));
        if (!given)
        {
            return "";
        }

        // What a rate from the user's counts came to, where it is met: "劳务报酬占比达到30％（…70÷200=35%）".
        var held = r.Held.Count == 0 ? "" : s.Texts.Say("lookup.held", ("conditions", string.Join("；", r.Held.Select(h => $"{h.Wording}（{h.ActualValue}）"))));
        return r.Status switch
        {
            EligibilityStatus.Eligible => "\n" + s.Texts.Say("lookup.verdict_yes") + held,
            EligibilityStatus.NotEligible => "\n" + s.Texts.Say("lookup.verdict_no", ("reason",
                ScreeningWriter.Reason(s, r)), ("whatif", r.WhatIf?.Text ?? "")) + held,
            _ when held.Length > 0 => "\n" + held + s.Texts.Say("lookup.still_open", ("missing", ScreeningWriter.Missing(s, r))),
            _ => "",
        };
    }

    public static Reply List(TurnScope s)
    {
        var place = s.Place;
        if (place is null)
        {
            s.State.Screening = false;
            return Questions.Ask(s, "place");
        }

        // Money first: what pays a figure, then what the document leaves to 按规定, then services and procedures.
        var measures = s.ForAudience(s.Catalog.ForPlace(place))
            .OrderBy(m => m.Amount switch { NoAmount => 2, NotStatedAmount => 1, _ => 0 })
            .ToList();
        var reply = new Reply();
        var lines = measures.Select((m, i) => s.Texts.Say("list.line", ("n", i + 1), ("name", m.Name),
            ("amount", Short(s, m)), ("validity", PolicyEngine.ValidityOf(m, s.AsOf).Text)));
        reply.Say(s.Texts.Say("list.header", ("place", s.Writer.PlaceName(place)), ("count", measures.Count), ("asof", MeasureWriter.Date(s.AsOf))));
        reply.Say(string.Join("\n", lines));
        reply.Say(s.Texts.Say("list.footer"));
        reply.Summary = Summaries.Of("list", s, measures.Select(m => s.Rule(m)));
        return reply;
    }

    /// <summary>The per-person figure, for lists and tables.</summary>
    public static string Short(TurnScope s, Measure m)
    {
        var r = s.Rule(m);
        return r.Amount.None ? s.Texts.Say("amount.none_short")
            : r.Amount.NotStated ? s.Texts.Say("amount.not_stated_short")
            : m.Amount.Text ?? r.Amount.Formula;
    }
}
