using BotAssistant.Assistant.Replies;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Conversation;

/// <summary>
/// Screening: pick the candidate measures for the user's place, role and topic, ask the planner's next question,
/// and once every candidate is settled (or the question budget is spent) show what applies and why.
/// </summary>
public static class ScreeningFlow
{
    /// <summary>Facts about where and who, not about the situation: knowing them alone does not make a measure relevant.</summary>
    private static readonly HashSet<string> FrameFacts = ["place", "role"];

    public static Reply Continue(TurnScope s)
    {
        s.State.Screening = true;
        if (s.Place is null)
        {
            return Questions.Ask(s, "place");
        }

        var facts = s.Facts();
        var candidates = Candidates(s, facts);
        if (s.Role is null && candidates.Select(m => m.Audience).Distinct().Count() > 1)
        {
            return Questions.Ask(s, "role");
        }

        candidates = Settle(s, candidates);
        var skipped = s.State.Skipped.ToHashSet();
        var next = s.State.Asked.Count >= s.Options.MaxQuestions ? null : QuestionPlanner.NextFact(candidates, facts, s.Catalog, skipped);

        // The same question again means the last answer did not answer it; a second time, let it go as unknown. A message
        // that told us something else instead is kept, said back, and is not a failed attempt.
        var keptOther = next is not null && next == s.State.Pending && s.Volunteered.Count > 0;
        if (next is not null && next == s.State.Pending && !keptOther && ++s.State.PendingAttempts >= 2)
        {
            s.State.Skipped.Add(next);
            skipped.Add(next);
            next = QuestionPlanner.NextFact(candidates, facts, s.Catalog, skipped);
        }

        if (next is not null)
        {
            var first = s.State.Asked.Count == 0;
            var question = Questions.Ask(s, next);
            if (first && AlreadyEligible(s, candidates, facts) is { Length: > 0 } settled)
            {
                // What the first message already settles is said at once: a one-message user never waits through questions for it.
                question.Paragraphs.Insert(0, settled);
            }

            if (first && Services(s, facts) is { Count: > 0 } ready)
            {
                // So are the services the facts already qualify for (零就业家庭: 就业援助, 公益性岗位安置), which no answer changes.
                question.Paragraphs.Insert(0, s.Texts.Say("screen.services_first", ("services", ServiceLines(s, ready))));
            }

            if (keptOther)
            {
                question.Paragraphs.Insert(0, s.Texts.Say("screen.noted", ("facts", ScreeningWriter.FactSummary(s, s.Volunteered)))
                    + NotedAmounts(s, candidates, facts));
            }

            return question;
        }

        s.State.Screening = false;
        s.State.Pending = null;
        s.State.Choices.Clear();
        var reply = ScreeningWriter.Result(s, PolicyEngine.Screen(s.Catalog, candidates, facts, s.AsOf), candidates.Count);
        if (Services(s, facts) is { Count: > 0 } services)
        {
            reply.Paragraphs.Insert(Math.Max(0, reply.Paragraphs.Count - 2), s.Texts.Say("screen.services", ("services", ServiceLines(s, services))));
        }

        return reply;
    }

    /// <summary>Each no-money measure as its name, what it gives and its clause, for a sentence that lists them.</summary>
    internal static string ServiceLines(TurnScope s, IEnumerable<Measure> services) =>
        string.Join("；", services.Select(m => $"{m.Name}{(m.Summary is { Length: > 0 } what ? "：" + what.TrimEnd('。') : "")}（{s.Writer.Source(m)}）"));

    /// <summary>
    /// "上一年度一共交了12万的失业保险" told while another question is open: a figure it completes is said at once
    /// (120000元 × 60% = 72000元), the open question still deciding whether it is paid.
    /// </summary>
    private static string NotedAmounts(TurnScope s, List<Measure> candidates, FactSet facts)
    {
        var told = s.Volunteered.ToHashSet();
        // 留用的是5个: a count a rate of the amount is computed from changes the amount as much as the rate would.
        bool Feeds(string fact) => told.Contains(fact)
            || (s.Catalog.Facts.GetValueOrDefault(fact)?.Derived is { } d && (told.Contains(d.Numerator) || told.Contains(d.Denominator)));
        var completed = candidates.Where(m => m.Amount.Facts.Any(Feeds))
            .Select(m => PolicyEngine.Evaluate(m, facts, s.AsOf))
            .Where(r => r.Status != EligibilityStatus.NotEligible && r.Amount.IsDetermined && (r.Amount.Value ?? r.Amount.Max) is > 0)
            .ToList();
        return completed.Count == 0 ? ""
            : s.Texts.Say(completed.All(r => r.Status == EligibilityStatus.Eligible) ? "screen.noted_amount_settled" : "screen.noted_amount", ("amounts", string.Join("；", completed.Select(r => $"“{r.Measure.Name}”{s.Writer.AmountLine(r)}"))));
    }

    /// <summary>The candidates the facts given already make eligible for a known sum, as one sentence, or "".</summary>
    private static string AlreadyEligible(TurnScope s, List<Measure> candidates, FactSet facts)
    {
        var settled = PolicyEngine.Screen(s.Catalog, candidates, facts, s.AsOf).Results
            .Where(r => r.Status == EligibilityStatus.Eligible && !r.IsExcluded && r.Amount.IsDetermined && (r.Amount.Value ?? r.Amount.Max) is > 0)
            .ToList();
        return settled.Count == 0 ? ""
            : s.Texts.Say("screen.already", ("measures", string.Join("；", settled.Select(r =>
                s.Texts.Say("screen.already_line", ("name", r.Measure.Name), ("amount", s.Writer.AmountLine(r)), ("validity", r.Validity.Text), ("source", s.Writer.Source(r.Measure)))))));
    }

    /// <summary>
    /// Services and placements (职业指导, 岗位推荐, 公益性岗位安置) pay nothing, so a screening does not weigh them, but a
    /// person the facts given already qualify for one should hear of it ("零就业家庭…政府能给帮点啥").
    /// </summary>
    private static List<Measure> Services(TurnScope s, FactSet facts) =>
        s.ForAudience(s.Catalog.ForPlace(s.Place!)).Where(m => m.Amount is NoAmount && Relevance(m, s.Catalog, facts) > 0
                && PolicyEngine.Evaluate(m, facts, s.AsOf, explain: false).Status == EligibilityStatus.Eligible)
            .Take(s.Options.MaxMeasuresPerAnswer).ToList();

    /// <summary>The planner's next question for this screening, or null when every candidate is settled.</summary>
    public static string? NextFact(TurnScope s)
    {
        if (s.Place is null || s.State.Asked.Count >= s.Options.MaxQuestions)
        {
            return null;
        }

        var facts = s.Facts();
        return QuestionPlanner.NextFact(Candidates(s, facts), facts, s.Catalog, s.State.Skipped.ToHashSet());
    }

    /// <summary>
    /// The measures a screening weighs: the named topics in the place, else the place's measures for this role that the
    /// user's situation touches, those reading the most of the facts given, so a graduate is not asked about 稳岗返还.
    /// The set is settled once, from what the user said before the first situation question (<see cref="Settle"/>):
    /// answers decide which of these apply, never which are weighed, so the result does not depend on the order the
    /// answers came in.
    /// </summary>
    public static List<Measure> Candidates(TurnScope s, FactSet facts)
    {
        var chosen = s.State.Candidates.Select(s.Catalog.FindMeasure).OfType<Measure>().Where(m => m.Place == s.Place).ToList();
        if (chosen.Count > 0)
        {
            return chosen;
        }

        var inPlace = s.Catalog.ForPlace(s.Place!).ToList();
        if (s.State.Topics.Count > 0)
        {
            var topical = inPlace.Where(m => s.State.Topics.Contains(m.Topic)).ToList();
            if (topical.Count > 0)
            {
                return s.ForAudience(topical).ToList();
            }
        }

        var pool = s.ForAudience(inPlace).Where(m => m.Amount is not NoAmount).ToList();
        var scored = pool.Select(m => (Measure: m, Score: Relevance(m, s.Catalog, facts))).ToList();
        var best = scored.Count > 0 ? scored.Max(x => x.Score) : 0;
        // With much said, near matches stay in ("招了3个应届生，签了一年合同" touches 扩岗 and 吸纳 alike); with little
        // said, only the closest do ("应届生去乡镇工作" is about the 乡镇 measure, not every graduate measure).
        // A measure the facts given already qualify for is reported whatever else is closer: dropping it would hide
        // a subsidy the user has earned because it asks for less than its neighbours.
        // A measure granted by the same sentence as a chosen one ("…给予岗位补贴和社保补贴") is weighed with it.
        var floor = best >= 3 ? best - 1 : best;
        if (best == 0)
        {
            return pool;
        }

        var chosenNow = scored.Where(x => x.Score >= floor || (x.Score > 0 && PolicyEngine.Evaluate(x.Measure, facts, s.AsOf, explain: false).Status == EligibilityStatus.Eligible))
            .Select(x => x.Measure).ToList();
        var grants = chosenNow.Select(GrantingSentence).ToHashSet();
        return scored.Where(x => chosenNow.Contains(x.Measure) || (x.Score > 0 && grants.Contains(GrantingSentence(x.Measure))))
            .Select(x => x.Measure).ToList();
    }

    private static (string, string) GrantingSentence(Measure m)
    {
        var quote = m.Quote.Trim();
        var end = quote.IndexOf('。');
        return (m.Document.Id, end < 0 ? quote : quote[..end]);
    }

    /// <summary>
    /// Fixes the screening's measures the first time it is about to ask about the situation (again when the user has
    /// since moved to another place, whose measures are others).
    /// </summary>
    private static List<Measure> Settle(TurnScope s, List<Measure> candidates)
    {
        if (!s.State.Candidates.Any(id => s.Catalog.FindMeasure(id)?.Place == s.Place))
        {
            s.State.Candidates.Clear();
            s.State.Candidates.AddRange(candidates.Select(m => m.Id));
        }

        return candidates;
    }

    /// <summary>How many of the situation facts given a measure reads.</summary>
    public static int Relevance(Measure m, Catalog catalog, FactSet facts) =>
        SituationFacts(m, catalog).Count(f => !FrameFacts.Contains(f) && facts.Given.ContainsKey(f));

    /// <summary>What the amount is computed from (counts, months, base, tier), not what only selects a rate.</summary>
    public static IEnumerable<string> AmountInputs(Measure m, Catalog catalog)
    {
        IEnumerable<string> direct = m.Amount switch
        {
            RateAmount r => [r.BaseFact],
            _ => m.Amount.Facts,
        };
        return direct.SelectMany(f => catalog.Facts.GetValueOrDefault(f)?.Derived is { } d ? new[] { f, d.Numerator, d.Denominator } : [f]);
    }

    /// <summary>The facts a measure reads, a derived fact standing also for its inputs (留用率 ← 留用人数, 见习人数).</summary>
    private static IEnumerable<string> SituationFacts(Measure m, Catalog catalog) =>
        m.ConditionFacts.Concat(m.Amount.Facts)
            .SelectMany(f => catalog.Facts.GetValueOrDefault(f)?.Derived is { } d ? new[] { f, d.Numerator, d.Denominator } : [f])
            .Distinct();
}
