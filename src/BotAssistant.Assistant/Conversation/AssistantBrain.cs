using System.Globalization;
using BotAssistant.Assistant.Dialogs;
using BotAssistant.Assistant.Knowledge;
using BotAssistant.Assistant.Replies;
using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Conversation;

/// <summary>
/// One turn of the assistant, without I/O: message + state + date → reply (the state is updated in place).
/// Every message is first mined for facts; then the strongest reading decides what happens.
/// </summary>
public sealed class AssistantBrain(KnowledgeBase knowledge, DialogTexts texts, AssistantOptions options)
{
    private DialogTexts Texts => texts;

    public Reply Welcome(AssistantState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var reply = new Reply().Say(texts.Say("welcome"));
        foreach (var example in texts.Say("welcome.buttons").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            reply.Button(example);
        }

        return reply;
    }

    public Reply Respond(AssistantState state, string? text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        var snapshot = knowledge.Current;
        if (string.IsNullOrWhiteSpace(text))
        {
            return NotUnderstood(new Reply(), null);
        }

        var asOf = AsOf(state, today);
        var expected = Expected(snapshot.Catalog, state);
        var u = snapshot.Language.Understand(text, new UnderstandingContext(asOf, expected));
        var preface = new List<string>();
        if (u.Truncated)
        {
            preface.Add(texts.Say("input.truncated", ("max", u.Normalized.Length)));
        }

        if (AsOfRequest(u) is { } requested)
        {
            state.AsOf = requested.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            asOf = requested;
            preface.Add(texts.Say("asof.set", ("asof", MeasureWriter.Date(asOf))));
        }

        var scope = new TurnScope(snapshot, texts, state, u, asOf, options) { AsOfChanged = preface.Count > (u.Truncated ? 1 : 0) };
        var reply = Route(scope);
        reply.Paragraphs.InsertRange(0, preface.Concat(scope.Notes));
        return reply;
    }

    private Reply Route(TurnScope s)
    {
        var (turn, doubt) = Read(s);
        if (turn is null)
        {
            return doubt!;
        }

        foreach (var rule in Rules)
        {
            if (rule.When(turn) && rule.Then(this, turn) is { } reply)
            {
                return reply;
            }
        }

        return NotUnderstood(new Reply(), s);
    }

    /// <summary>
    /// What this message does, read once: the facts it gave are stored (a side trip to another place's measure does not
    /// move the user), then the rules below look only at this.
    /// </summary>
    private (TurnActs? Turn, Reply? Doubt) Read(TurnScope s)
    {
        var u = s.Understanding;
        var state = s.State;
        var pendingBefore = state.Pending;
        var extracted = s.Hires.AddToEarlier(
            s.Hires.Refine(s.Extractor.Extract(u, s.Role, state.Pending, state.Choices, s.AsOf, s.Place), u, s.Role, s.AsOf), u, state.Facts);
        if (Inconsistent(s, extracted) is { } doubt)
        {
            return (null, doubt);
        }

        var topics = CompareFlow.Topics(s);
        var answered = extracted.AnsweredPending || extracted.SkippedPending;
        // "对了，巫山那边见习补贴多少" in the middle of a 平凉 screening asks about 巫山; it does not move the user there.
        var sideTrip = state.Screening && pendingBefore is not null && !answered && topics.Count > 0 && s.Place is not null;
        var corrected = false;
        foreach (var (name, value) in extracted.Values)
        {
            if (!(sideTrip && name is "place" or "role"))
            {
                if (name is not ("place" or "role") && name != pendingBefore && state.Facts.GetValueOrDefault(name) != value.ToString())
                {
                    s.Volunteered.Add(name);
                    corrected |= state.Facts.ContainsKey(name);
                }

                state.Facts[name] = value.ToString()!;
            }
        }

        if (s.Role == "individual" && s.AsksForEmployer())
        {
            AsTheHire(s);
        }

        Follow(s);

        if (extracted.Unlike is { } unlike && pendingBefore is not null && texts.Questions.GetValueOrDefault(pendingBefore) is { About.Count: > 0 } asked)
        {
            s.Notes.Add(texts.Say("answer.unlike", ("said", unlike), ("asked", asked.About[0])));
        }

        if (extracted.SkippedPending && pendingBefore is not null && !state.Skipped.Contains(pendingBefore))
        {
            state.Skipped.Add(pendingBefore);
        }

        var situation = extracted.Values.Keys.Any(k => k is not ("place" or "role"));
        return (new TurnActs(s, extracted, topics, pendingBefore, answered, situation,
            Content: situation || topics.Count > 0 || u.Places.Count > 0) { Corrected = corrected }, null);
    }

    /// <summary>
    /// The dialogue policy: the first rule whose reading holds and that has something to say answers the turn. Read top
    /// to bottom it is the order of precedence a person would use: a changed date first, then another office's
    /// business, then control words, then the open question, then questions about the answer and side questions, then
    /// a new screening, lookups and lists, and last what was not understood.
    /// </summary>
    private static readonly IReadOnlyList<DialogueRule> Rules =
    [
        new("按2023年的政策算: the same question again on the new date",
            t => t.Scope.AsOfChanged && !t.Content, (b, t) => b.Redo(t.Scope)),
        new("医保报销, 养老金, 公积金 with no measure of ours: that office",
            t => !t.Answered && (t.Topics.Count == 0 || NamesOtherOfficeFirst(t)), (b, t) => b.Referral(t.U.Normalized) is { } r
                ? b.Resume(t.Scope, b.Referred(t.Scope, r))
                : null),
        new("a place we do not cover, not said as an answer (重庆户籍 answering 是否本市户籍 is one)",
            t => t.U.UncoveredPlaces.Any() && t.U.Places.Count == 0 && !t.Extracted.AnsweredPending,
            (b, t) => b.OutOfScope(t.Scope, t.U.UncoveredPlaces.First().Text)),
        new("上一步, 重新开始, 取消, 帮助 with nothing else said",
            t => !t.Content && !t.Answered, (b, t) => b.Control(t.Scope)),
        new("an answer to the open question, or more about the same case, keeps the screening going",
            t => t.State.Screening && t.PendingBefore is not null && (t.Answered || (t.Situation && !(t.State.Offered && t.U.Supposes))) && t.SameTopic && !t.AsksSomethingElse,
            (_, t) =>
            {
                t.State.Offered = false;
                return ScreeningFlow.Continue(t.Scope);
            }),
        new("不对 我家是低保户 after a result: a fact given before now says otherwise, so the result is judged again",
            t => t.Corrected && !t.State.Screening && t.State.LastWeighed.Count > 0 && t.Scope.Place is not null
                && !t.U.IsAbout(Intent.AskMaterials) && !t.U.IsAbout(Intent.AskDepartment) && !t.U.IsAbout(Intent.AskSource) && !t.U.IsAbout(Intent.ComparePlaces),
            (_, t) =>
            {
                t.State.Screening = true;
                return ScreeningFlow.Continue(t.Scope);
            }),
        new("能同时领吗, 为什么不能拿: about the answer given",
            t => t.U.Intent is Intent.AskCombination or Intent.AskWhyNot, (b, t) => AboutTheAnswer(t.Scope, t.Topics) is { } r ? b.Resume(t.Scope, r) : null),
        new("compare, materials, department, source, lookup: answered, then the screening resumes",
            _ => true, (b, t) => SideQuestion(t.Scope, t.Topics, t.Situation) is { } r ? b.Resume(t.Scope, r) : null),
        new("要是有企业招我，企业能拿啥: what a firm gets for taking this person on, shown at once (they cannot answer for the firm)",
            t => t.Scope.Role == "individual" && t.Scope.AsksForEmployer() && t.Scope.Place is not null && !t.State.Screening,
            (b, t) => ScreeningFlow.Candidates(t.Scope, t.Scope.Facts()) is { Count: > 0 } forFirm
                ? b.Resume(t.Scope, LookupFlow.Answer(t.Scope, forFirm, withQuote: false))
                : null),
        new("我能领什么, or a case told: a new screening",
            t => t.U.IsAbout(Intent.Screen) || t.Situation, (_, t) =>
            {
                // The same case told again, nothing new in it, while a question is open: that question was not answered,
                // and counts as asked once more, so a user repeating themselves is not asked it for ever.
                if (!(t.State.Screening && t.PendingBefore is not null && t.Scope.Volunteered.Count == 0 && !t.Answered))
                {
                    StartScreening(t.State, []);
                }

                return ScreeningFlow.Continue(t.Scope);
            }),
        new("不对，我是在平凉 after an answer about 巫山: the same kind of measure in the place meant",
            t => t.U.Places.Count == 1 && !t.U.IsAbout(Intent.ListMeasures) && !t.State.Screening, (_, t) => MovedPlace(t.Scope)),
        new("平凉有哪些政策, or a place alone that is not the one already screened while a question is open: the list",
            t => t.U.IsAbout(Intent.ListMeasures) || (t.U.Places.Count == 1 && t.Extracted.Values.Count <= 2 && !RestatesPlace(t)),
            (b, t) => b.Resume(t.Scope, LookupFlow.List(t.Scope))),
        new("天气, 股票: what we cover",
            t => t.U.IsAbout(Intent.OutOfScope) && !t.U.IsAbout(Intent.ProvideInformation), (b, t) => b.OutOfScope(t.Scope, null)),
        new("an open question not answered: asked again",
            t => t.State.Screening && t.PendingBefore is not null, (b, t) => b.Retry(t.Scope, t.PendingBefore!)),
        new("你好", t => t.U.IsAbout(Intent.Greet), (b, t) => b.Welcome(t.State)),
        new("anything else out of scope", t => t.U.IsAbout(Intent.OutOfScope), (b, t) => b.OutOfScope(t.Scope, null)),
    ];

    /// <summary>
    /// "我去年毕业…要是有企业招我，企业能拿啥补贴": the person asking is the one a firm would hire, so their own facts are
    /// the hire's (facts.yaml from_self), and the firm would take on one person.
    /// </summary>
    /// <summary>Facts the user's other facts settle (facts.yaml follows): 在职 means no 失业保险金 is being drawn.</summary>
    private static void Follow(TurnScope s)
    {
        foreach (var def in s.Catalog.Facts.Values.Where(d => d.Follows.Count > 0 && !s.State.Facts.ContainsKey(d.Name)))
        {
            if (def.FollowsValue(s.State.Facts.GetValueOrDefault) is { } value)
            {
                s.State.Facts[def.Name] = value;
            }
        }
    }

    private static void AsTheHire(TurnScope s)
    {
        foreach (var def in s.Catalog.Facts.Values.Where(d => d.FromSelf.Count > 0 && !s.State.Facts.ContainsKey(d.Name)))
        {
            if (def.FromSelfValue(s.State.Facts.GetValueOrDefault) is { } value)
            {
                s.State.Facts[def.Name] = value;
            }
        }

        s.State.Facts.TryAdd("hired_count", "1");
    }

    /// <summary>The place the screening is in, said again in reply to its open question: not an answer, not a new request.</summary>
    private static bool RestatesPlace(TurnActs t) =>
        t.State.Screening && t.PendingBefore is not null && t.PendingBefore != "place" && t.U.Places[0] == t.Scope.Place;

    private static Reply? MovedPlace(TurnScope s)
    {
        if (FocusTopics(s) is not { Count: > 0 } focusTopics)
        {
            return null;
        }

        var moved = s.ForAudience(s.Catalog.ForPlace(s.Understanding.Places[0]).Where(m => focusTopics.Contains(m.Topic))).ToList();
        return moved.Count > 0 ? LookupFlow.Answer(s, moved, withQuote: false) : null;
    }

    /// <summary>How many named measures' standards a reply that doubts the figures may state: the ones asked about, not a list.</summary>
    private const int MaxStandardsBesideACheck = 3;

    /// <summary>
    /// "见习生10个，留用了12个", "-3个人", "150岁": what cannot be true is said back and nothing is kept or computed from it;
    /// the other facts of the message are kept, and the open question is asked again.
    /// </summary>
    private Reply? Inconsistent(TurnScope s, Facts.ExtractedFacts extracted)
    {
        var catalog = s.Catalog;
        var merged = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        foreach (var (name, raw) in s.State.Facts)
        {
            if (catalog.Facts.TryGetValue(name, out var def) && FactValue.Parse(def.Type, raw) is { } v)
            {
                merged[name] = v;
            }
        }

        // The same doubted figure said again ("说是交了十四个月") is checked against the one it did not fit.
        var insists = extracted.Values.Any(kv => s.State.Doubted.GetValueOrDefault(kv.Key) == kv.Value.ToString());
        foreach (var (name, raw) in s.State.Doubted.Where(d => insists && !merged.ContainsKey(d.Key) && !extracted.Values.ContainsKey(d.Key)))
        {
            if (catalog.Facts.TryGetValue(name, out var def) && FactValue.Parse(def.Type, raw) is { } v)
            {
                merged[name] = v;
            }
        }

        foreach (var (name, value) in extracted.Values)
        {
            merged[name] = value;
        }

        var problems = FactChecks.Find(catalog, merged)
            .Where(p => extracted.Values.ContainsKey(p.Fact) || (p.Other is not null && extracted.Values.ContainsKey(p.Other)))
            .ToList();
        var parts = PartsOverWholes(s.Understanding);
        if (problems.Count == 0 && parts.Count == 0)
        {
            foreach (var name in extracted.Values.Keys)
            {
                s.State.Doubted.Remove(name);
            }

            return null;
        }

        var reply = new Reply();
        foreach (var (whole, part, again) in parts)
        {
            reply.Say(texts.Say(again ? "check.whole_again" : "check.part_whole", ("part", part), ("whole", whole)));
        }

        foreach (var p in problems)
        {
            var def = catalog.Facts[p.Fact];
            reply.Say(p.Other is { } other && p.Less > 0
                // 16岁 yet 3年 served: no length at all fits, which "不会超过0年" would say badly.
                ? texts.Say(p.OtherValue!.Value - p.Less <= 0 ? "check.at_most_none" : "check.at_most_less", ("label", def.Label), ("value", Number(p.Value, def.Unit)),
                    ("other", catalog.Facts[other].Label), ("other_value", Number(p.OtherValue!.Value, catalog.Facts[other].Unit)),
                    ("bound", Number(Math.Max(0, p.OtherValue!.Value - p.Less), def.Unit)))
                : p.Other is { } other2
                ? texts.Say("check.at_most", ("label", def.Label), ("value", Number(p.Value, def.Unit)),
                    ("other", catalog.Facts[other2].Label), ("other_value", Number(p.OtherValue!.Value, catalog.Facts[other2].Unit)))
                // A time since a date still to come (明年才毕业, yet 已经离校): the date is what does not fit, not a figure.
                : p.Value < 0 && def.Unit is "年" or "月" ? texts.Say("check.date_to_come", ("label", def.Label))
                : texts.Say("check.range", ("label", def.Label), ("value", Number(p.Value, def.Unit)),
                    ("min", Number(p.Min ?? 0, def.Unit)), ("max", Number(p.Max ?? p.Value, def.Unit))));
        }

        var doubtful = problems.SelectMany(p => p.Other is null ? [p.Fact] : new[] { p.Fact, p.Other }).ToHashSet();
        if (parts.Count > 0)
        {
            // Which figures the part and the whole fed is not known: none of this message's figures is kept.
            doubtful.UnionWith(extracted.Values.Where(kv => kv.Value is NumberValue or SplitValue).Select(kv => kv.Key));
        }

        foreach (var (name, value) in extracted.Values.Where(kv => !doubtful.Contains(kv.Key)))
        {
            s.State.Facts[name] = value.ToString()!;
        }

        foreach (var name in doubtful)
        {
            s.State.Facts.Remove(name);
            if (merged.TryGetValue(name, out var aside))
            {
                s.State.Doubted[name] = aside.ToString()!;
            }
        }

        // The standard a named measure pays is the document's whatever the figures: said with its clause, so the
        // question is half answered while the figures are checked; no total is computed from them.
        if (s.Place is not null && CompareFlow.Topics(s).Count > 0)
        {
            foreach (var m in LookupFlow.Named(s, PlacesFor(s)).Where(m => m.Amount is not (NoAmount or NotStatedAmount)).Take(MaxStandardsBesideACheck))
            {
                reply.Say(texts.Say("check.standard", ("name", m.Name), ("amount", s.Writer.AmountLine(s.Rule(m))), ("source", s.Writer.Source(m))));
            }
        }

        reply.Say(texts.Say("check.ask_again"));
        // The figures asked for again are what the next message is expected to bring, open question or none.
        var resumed = Resume(s, reply);
        resumed.ExpectsInput = true;
        return resumed;
    }

    /// <summary>
    /// "一共交了3万 其中单位交了4万", "一共50个工人 其中农民工60个": a figure said as part of the one before it (其中,
    /// 当中) cannot be larger than it. Money is compared with money, people with people.
    /// </summary>
    /// <summary>
    /// Figures said as parts of a whole that add up to more than it: "一共10个人 其中县内6个 省外7个" (parts of kinds
    /// that do not overlap are summed), "招了3个 其中5个签了合同" (a single part), and a whole said again larger than
    /// first said ("招了2个…3个都签了合同"). The whole of a 其中 is the last figure before it in its sentence.
    /// </summary>
    private static List<(string Whole, string Part, bool Again)> PartsOverWholes(Understanding u)
    {
        var text = u.Normalized;
        var found = new List<(string, string, bool)>();
        var figures = u.Entities.Where(e => e.Number is not null && Family(e) is not null).OrderBy(e => e.Start).ToList();
        foreach (var marker in PartMarkers(text))
        {
            var whole = figures.LastOrDefault(e => e.End <= marker && marker - e.End <= WholeReach && !SentenceBetween(text, e.End, marker));
            if (whole is null)
            {
                continue;
            }

            var parts = figures.Where(e => e.Start >= marker && Family(e) == Family(whole) && !SentenceBetween(text, marker, e.Start)).ToList();
            var disjoint = parts.Count > 1 && (parts.All(p => Labelled(u, p)) || DistinctTerms(u, parts));
            var sum = disjoint ? parts.Sum(p => p.Number!.Value) : parts.Select(p => p.Number!.Value).DefaultIfEmpty(0).Max();
            if (sum > whole.Number)
            {
                found.Add((whole.Text, disjoint ? string.Join("、", parts.Select(p => PartText(u, p))) + $"，合计{sum:0.##}" : parts.First(p => p.Number == sum).Text, false));
            }
        }

        var hires = figures.Where(e => e.Kind == EntityKind.Count && !Facts.QuantityFrames.SaysWhole(text, e)).ToList();
        foreach (var again in figures.Where(e => e.Kind == EntityKind.Count && text.Length > e.End && text[e.End] is '都' or '全'))
        {
            // A none (一个都没裁) counts nobody the 都 could gather; a figure the staff was said to be (职工一共四十五个人 …
            // 四十五个人全都留下来了) restates the staff.
            var before = hires.Where(h => h.End <= again.Start && h.Number > 0).ToList();
            var total = before.Sum(h => h.Number!.Value);
            var staffAgain = figures.Any(e => e.Kind == EntityKind.EmployeeCount && e.End <= again.Start && e.Number == again.Number);
            if (before.Count > 0 && again.Number > total && !staffAgain)
            {
                found.Add((string.Join("、", before.Select(h => h.Text)), again.Text + text[again.End], true));
            }
        }

        // "介绍成了12个 县内8个 省内县外3个 省外4个": a count, then several of it each with its own place or kind, said
        // without 其中, are its parts just the same.
        // "一共帮10个进城务工的农民介绍了工作 县内的6个 省外的8个": a whole of one kind of people is divided by where they went.
        foreach (var whole in figures.Where(e => e.Kind == EntityKind.Count && !LabelledBy(u, e, EntityKind.Destination)))
        {
            var ofAKind = LabelledBy(u, whole, EntityKind.Group);
            var parts = figures.Where(e => e.Start > whole.End && e.Start - whole.End <= WholeReach && Family(e) == Family(whole)
                && (ofAKind ? LabelledBy(u, e, EntityKind.Destination) : Labelled(u, e)) && !SentenceBetween(text, whole.End, e.Start)).ToList();
            var sum = parts.Sum(p => p.Number!.Value);
            if (parts.Count > 1 && sum > whole.Number && !found.Any(f => f.Item1 == whole.Text))
            {
                found.Add((whole.Text, string.Join("、", parts.Select(p => PartText(u, p))) + $"，合计{sum:0.##}", false));
            }
        }

        // "招了3个 签合同的有5个": those of the hires who did something (签合同的, 交了社保的) are some of them; so are
        // those of a kind the hires are said to be ("招了3个，应届生5个").
        var hired = figures.FirstOrDefault(e => e.Kind == EntityKind.Count && e.Value == "hired");
        foreach (var some in figures.Where(e => hired is not null && e.Kind == EntityKind.Count && e.Start > hired.End && e.Number > hired.Number
                     && (e.Value == "signed" || SaidOfSomeWhoDid(text, e.Start) || OfAKindSaidFirst(u, e))
                     && !found.Any(f => f.Item1 == hired.Text)))
        {
            found.Add((hired!.Text, some.Text, false));
        }

        return found;
    }

    /// <summary>签合同的有5个, 交了社保的是5个: a count of the ones who did what the clause names.</summary>
    private static bool SaidOfSomeWhoDid(string text, int at) =>
        at >= 2 && text[at - 2] == '的' && text[at - 1] is '有' or '是';

    /// <summary>
    /// How far before 其中 its whole may be: the figure it divides is said just before it (一共10个人 其中…); a figure
    /// far back in a story told in spaces is of something else, and a whole said as 几个 has no figure to exceed.
    /// </summary>
    private const int WholeReach = 24;

    /// <summary>Where 其中 or 当中 ends in the message.</summary>
    private static IEnumerable<int> PartMarkers(string text)
    {
        foreach (var word in new[] { "其中", "当中" })
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 2, StringComparison.Ordinal))
            {
                yield return at + 2;
            }
        }
    }

    private static bool SentenceBetween(string text, int from, int to) =>
        text.AsSpan(from, Math.Max(0, to - from)).IndexOfAny("。！？!?\n") >= 0;

    /// <summary>
    /// "其中3个签的一年合同 4个签的两年合同": parts each followed in their clause by a different term are different people.
    /// </summary>
    private static bool DistinctTerms(Understanding u, List<Entity> parts)
    {
        var terms = parts.Select(p => u.Entities.FirstOrDefault(e => e.Kind == EntityKind.Duration && e.Start >= p.End
            && e.Start - p.End <= TermReach && !SentenceBetween(u.Normalized, p.End, e.Start))?.Number).ToList();
        return terms.All(t => t is not null) && terms.Distinct().Count() == terms.Count;
    }

    /// <summary>How far after a part its own term may be said: 3个签的一年合同.</summary>
    private const int TermReach = 6;

    /// <summary>A part said with its kind (县内6个, 大学生4个): parts of different kinds do not overlap.</summary>
    private static bool Labelled(Understanding u, Entity part) =>
        LabelledBy(u, part, EntityKind.Destination) || LabelledBy(u, part, EntityKind.Group);

    private static bool LabelledBy(Understanding u, Entity part, EntityKind kind) =>
        u.Entities.Any(e => e.Kind == kind && (e.End <= part.Start && part.Start - e.End <= 1 || e.Start == part.End));

    /// <summary>应届生5个, 应届生有5个: the kind said right before the count, as one says how many of the hires are of it.</summary>
    private static bool OfAKindSaidFirst(Understanding u, Entity count) =>
        u.All(EntityKind.Group).Any(g => g.End == count.Start || (g.End == count.Start - 1 && u.Normalized[g.End] is '有' or '是'));

    private static string PartText(Understanding u, Entity part) =>
        u.Entities.FirstOrDefault(e => e.Kind is EntityKind.Destination or EntityKind.Group && e.End <= part.Start && part.Start - e.End <= 1) is { } label
            ? label.Text + part.Text : part.Text;

    private static string? Family(Entity e) => e.Kind switch
    {
        EntityKind.Count or EntityKind.EmployeeCount => "people",
        EntityKind.Money => "money",
        _ => null,
    };

    /// <summary>The domain whose word comes first in the message (the one asked about), or null.</summary>
    /// <summary>
    /// "单位给交住房公积金 公积金咋提取 买房能贷多少": another office's business named before any word of ours (贷 here is
    /// the 公积金 loan) is what the message is about.
    /// </summary>
    private static bool NamesOtherOfficeFirst(TurnActs t)
    {
        var text = t.U.Normalized;
        // In a story, what it asks is in its asking sentences: "爷爷住院医保报了一部分 … 雨露计划一年给多少" tells of 医保
        // and asks about 雨露计划.
        var asks = t.U.AskingSentences;
        bool Asked(int at) => asks is not { Count: > 0 } || asks.Any(a => at >= a.Start && at < a.End);
        var ours = t.U.Entities.Where(e => e.Kind is EntityKind.Topic or EntityKind.Measure && Asked(e.Start)).Select(e => e.Start).DefaultIfEmpty(int.MaxValue).Min();
        return t.Scope.Texts.Referrals.SelectMany(r => r.Words)
            .SelectMany(w => Occurrences(text, w))
            .Any(i => Asked(i) && i <= ours);
    }

    private static IEnumerable<int> Occurrences(string text, string word)
    {
        for (var at = GappedPhrase.IndexOf(text, word); at >= 0; at = GappedPhrase.IndexOf(text, word, at + 1))
        {
            yield return at;
        }
    }

    /// <summary>The office in charge, then any measure of the user's place that bears on it (失业人员代缴基本医疗保险费).</summary>
    private Reply Referred(TurnScope s, Referral r)
    {
        var reply = new Reply().Say(texts.Say("scope.referral", ("domain", r.Name), ("office", r.Office), ("hotline", r.Hotline)));
        var related = s.Place is { } place
            ? s.Catalog.Measures.Where(m => m.Place == place && r.Related.Any(w => m.Name.Contains(w, StringComparison.Ordinal))).Take(2).ToList()
            : [];
        foreach (var m in related)
        {
            reply.Say(texts.Say("scope.related", ("title", s.Writer.Title(m)), ("summary", m.Summary ?? m.Name), ("source", s.Writer.Source(m))));
        }

        return reply;
    }

    private Referral? Referral(string text) =>
        texts.Referrals
            .Select(r => (Referral: r, At: r.Words.Select(w => GappedPhrase.IndexOf(text, w)).Where(i => i >= 0).DefaultIfEmpty(-1).Min()))
            .Where(x => x.At >= 0)
            .OrderBy(x => x.At)
            .Select(x => x.Referral)
            .FirstOrDefault();

    private static string Number(decimal value, string? unit) =>
        value.ToString("0.##", CultureInfo.InvariantCulture) + (unit is null or "%" ? unit ?? "" : unit);

    /// <summary>"能同时领吗", "为什么我不能拿…": about the measures named, else those of the last answer.</summary>
    private static Reply? AboutTheAnswer(TurnScope s, IReadOnlyList<string> topics)
    {
        var u = s.Understanding;
        if (u.Intent is not (Intent.AskCombination or Intent.AskWhyNot))
        {
            return null;
        }

        var state = s.State;
        var named = topics.Count > 0 ? LookupFlow.Named(s, PlacesFor(s)) : [];
        if (u.Intent == Intent.AskCombination)
        {
            var shown = named.Count > 1 ? named
                : Measures(s, state.LastResult.Count > 1 ? state.LastResult : state.Focus.Count > 1 ? state.Focus : state.LastWeighed);
            if (named.Count == 1 && shown.Count < 2)
            {
                // "考了四个证 技能提升补贴都能领吗": several of one thing under one measure is asked of that measure's own
                // limits (每人每年最多3次), which its answer states with the amount.
                return LookupFlow.Answer(s, named, withQuote: false);
            }

            return AnswerQuestions.Combination(s, shown);
        }

        var notApplying = state.LastWeighed.Where(id => !state.LastResult.Contains(id)).ToList();
        return AnswerQuestions.WhyNot(s, named.Count > 0 ? named : Measures(s, notApplying.Count > 0 ? notApplying : state.Focus));
    }

    /// <summary>Compare, materials, source and lookups: answered at once, and a running screening resumes after them.</summary>
    private static Reply? SideQuestion(TurnScope s, IReadOnlyList<string> topics, bool situation)
    {
        var u = s.Understanding;
        var state = s.State;
        // One named place means "分别多少" is about that place's tiers, not a comparison of places.
        if ((u.IsAbout(Intent.ComparePlaces) && u.Places.Count != 1) || (u.Places.Count >= 2 && topics.Count > 0))
        {
            return CompareFlow.Compare(s, topics.Count > 0 ? topics : FocusTopics(s));
        }

        // A story that asks whether it pays and how much, and what to prepare or where to go, is answered on the first: the
        // measure with its amount, conditions and department for this case; the papers are one question away.
        var storyAsksAmount = u.AskingSentences is not null && topics.Count > 0 && (u.IsAbout(Intent.AskAmount) || u.IsAbout(Intent.Screen));
        if (u.IsAbout(Intent.AskMaterials) && !storyAsksAmount)
        {
            var named = topics.Count > 0 ? LookupFlow.Named(s, PlacesFor(s)) : [];
            return MaterialsFlow.Materials(s, named.Count > 0 ? named : Measures(s, state.Focus.Count > 0 ? state.Focus : state.LastResult));
        }

        if (u.IsAbout(Intent.AskDepartment) && !u.IsAbout(Intent.AskAmount) && !storyAsksAmount)
        {
            var named = topics.Count > 0 ? LookupFlow.Named(s, PlacesFor(s)) : [];
            return AnswerQuestions.Departments(s, named.Count > 0 ? named : Measures(s, state.Focus.Count > 0 ? state.Focus : state.LastResult));
        }

        if (topics.Count == 0)
        {
            if (u.IsAbout(Intent.AskSource) && state.Focus.Count > 0)
            {
                return LookupFlow.Answer(s, Measures(s, state.Focus), withQuote: true);
            }

            // "留用一半以上呢": new facts about the measure just discussed; "那能先领多少": its amount asked again.
            var followUp = state.Focus.Count > 0 && !u.IsAbout(Intent.Screen)
                && ((situation && (!state.Screening || (state.Offered && u.Supposes))) || (!situation && u.Intent == Intent.AskAmount));
            return followUp ? LookupFlow.Answer(s, Measures(s, state.Focus), withQuote: false) : null;
        }

        var places = PlacesFor(s);
        var measures = LookupFlow.Named(s, places);
        if (measures.Count == 0 && places.Count == 1 && situation)
        {
            // "毕业回来开了个照相馆 招了两个人 县里那个1.5万的创业扶持能拿不": the word names nothing of this place, but the case
            // told does; it is screened there rather than compared across places it is not in.
            return null;
        }

        if (measures.Count == 0 || (places.Count == 0 && measures.Select(m => m.Place).Distinct().Count() > 1))
        {
            var compare = CompareFlow.Compare(s, topics);
            if (measures.Count == 0 && places.Count == 1 && topics.Count > 0)
            {
                // "临夏的一次性吸纳就业补贴": say plainly that this document has none, then what the others have.
                compare.Paragraphs.Insert(0, s.Texts.Say("lookup.none_in_place",
                    ("place", s.Writer.PlaceName(places[0])), ("topic", s.Catalog.Topics[topics[0]].Name)));
            }

            return compare;
        }

        var answer = LookupFlow.Answer(s, measures, withQuote: u.IsAbout(Intent.AskSource));
        if (places.Count != 1 || u.IsAbout(Intent.AskSource) || (!situation && state.Screening))
        {
            return answer;
        }

        // The rule first, then the one question that settles it for this user: whoever asks about a measure of one
        // place is weighing it for a case (theirs, or a caller's), and the answer they need is whether it pays and how much.
        StartScreening(state, topics);
        state.Offered = !situation;
        // The question settles what was asked about: a measure named by its name, not the siblings shown beside it.
        var asked = LookupFlow.ByName(s, places).Where(measures.Contains).ToList();
        state.Candidates.AddRange((asked.Count > 0 ? asked : measures).Select(m => m.Id));
        if (ScreeningFlow.NextFact(s) is not { } next)
        {
            state.Screening = false;
            return answer;
        }

        var question = Questions.Ask(s, next);
        question.Question.Insert(0, s.Texts.Say(situation ? "lookup.to_confirm" : "lookup.to_check"));
        answer.Question.AddRange(question.Question);
        answer.Skip = question.Skip;
        answer.Actions.AddRange(question.Actions);
        answer.ExpectsInput = true;
        return answer;
    }

    /// <summary>The places this turn is about: those it names, else the conversation's place.</summary>
    internal static IReadOnlyList<string> PlacesFor(TurnScope s) =>
        s.Understanding.Places.Count > 0 ? s.Understanding.Places : s.Place is { } p ? [p] : [];

    private static List<Measure> Measures(TurnScope s, IEnumerable<string> ids) =>
        ids.Select(s.Catalog.FindMeasure).OfType<Measure>().ToList();

    private static List<string> FocusTopics(TurnScope s) =>
        Measures(s, s.State.Focus).Select(m => m.Topic).Distinct().ToList();

    private static void StartScreening(AssistantState state, IReadOnlyList<string> topics)
    {
        state.ResetScreening();
        state.Topics.AddRange(topics);
        state.Screening = true;
    }

    /// <summary>"按2023年的政策算" on its own: the last answer again, judged on the new date.</summary>
    private Reply Redo(TurnScope s)
    {
        var state = s.State;
        if (state.Screening && state.Pending is { } pending)
        {
            return Questions.Ask(s, pending);
        }

        if (state.LastResult.Count > 0 || (state.Topics.Count > 0 && state.Focus.Count > 0))
        {
            return ScreeningFlow.Continue(s);
        }

        return state.Focus.Count > 0 ? LookupFlow.Answer(s, Measures(s, state.Focus), withQuote: false) : Welcome(state);
    }

    /// <summary>After a side answer, the screening's open question is asked again.</summary>
    private Reply Resume(TurnScope s, Reply side)
    {
        if (!s.State.Screening || s.State.Pending is not { } pending || side.ExpectsInput)
        {
            return side;
        }

        if (s.State.Offered)
        {
            s.State.ResetScreening();
            return side;
        }

        var question = Questions.Ask(s, pending);
        side.Actions.Clear();
        side.Question.Add(texts.Say("screen.resume"));
        side.Question.AddRange(question.Question);
        side.Skip = question.Skip;
        side.Actions.AddRange(question.Actions);
        side.ExpectsInput = true;
        return side;
    }

    private Reply? Control(TurnScope s)
    {
        var u = s.Understanding;
        var state = s.State;
        switch (u.Intent)
        {
            case Intent.Restart:
                state.ResetAll();
                return Welcome(state).Say(texts.Say("restart.done"));
            case Intent.Cancel:
                state.ResetScreening();
                return new Reply().Say(texts.Say("cancel.done", ("hotline", options.Hotline)));
            case Intent.Back:
                return Back(s);
            case Intent.Help:
                return Welcome(state).Say(texts.Say("help"));
            default:
                return null;
        }
    }

    /// <summary>"上一步": forget the answer to the previous question and ask it again.</summary>
    private static Reply Back(TurnScope s)
    {
        var state = s.State;
        var asked = state.Asked;
        if (state.Pending is { } pending && asked.Count > 0 && asked[^1] == pending)
        {
            asked.RemoveAt(asked.Count - 1);
        }

        if (asked.Count == 0)
        {
            return state.Pending is { } p ? Questions.Ask(s, p) : new Reply().Say(s.Texts.Say("back.nothing"));
        }

        var previous = asked[^1];
        state.Facts.Remove(previous);
        state.Skipped.Remove(previous);
        state.Screening = true;
        var reply = Questions.Ask(s, previous);
        reply.Question.Insert(0, s.Texts.Say("back.done"));
        return reply;
    }

    private Reply Retry(TurnScope s, string pending)
    {
        s.State.PendingAttempts++;
        if (s.State.PendingAttempts < 2)
        {
            return Questions.Ask(s, pending, retry: true);
        }

        // Asked twice without an answer: treat as unknown rather than trap the user.
        if (!s.State.Skipped.Contains(pending))
        {
            s.State.Skipped.Add(pending);
        }

        var next = ScreeningFlow.Continue(s);
        (next.Question.Count > 0 ? next.Question : next.Paragraphs).Insert(0, texts.Say("question.skipped"));
        return next;
    }

    private Reply OutOfScope(TurnScope s, string? place)
    {
        // "重庆的…", "甘肃有什么…": the province is not covered as a whole, but some of its places are.
        var within = place is null ? [] : s.Catalog.Places.Values.Where(p => InProvince(p, place) || Contains(s, place, p.Key)).ToList();
        if (within.Count > 0)
        {
            var narrowed = new Reply().Say(texts.Say("scope.province",
                ("place", place), ("covered", string.Join("、", within.Select(p => p.FullName))), ("hotline", options.Hotline)));
            foreach (var p in within)
            {
                narrowed.Button(texts.Say("scope.province_button", ("place", p.Key)));
            }

            return s.State.Screening ? Resume(s, narrowed) : narrowed;
        }

        var reply = new Reply().Say(place is null
            ? texts.Say("scope.topic", ("hotline", options.Hotline))
            : texts.Say("scope.place", ("place", place), ("hotline", options.Hotline)));
        return s.State.Screening ? Resume(s, reply) : reply;
    }

    /// <summary>运城 contains 稷山 (the lexicon's related names): the city is not covered, one of its counties is.</summary>
    private static bool Contains(TurnScope s, string named, string covered) =>
        s.Understanding.All(EntityKind.UncoveredPlace).Any(e => e.Text == named && e.Subject.Split(',').Contains(covered));

    private static bool InProvince(Place covered, string named)
    {
        var stem = named.TrimEnd('省', '市').Replace("回族自治区", "", StringComparison.Ordinal).Replace("自治区", "", StringComparison.Ordinal);
        return stem.Length >= 2 && covered.Province is { } province && province.StartsWith(stem, StringComparison.Ordinal);
    }

    private Reply NotUnderstood(Reply reply, TurnScope? s)
    {
        reply.Say(texts.Say("not_understood"));
        var place = s?.Place;
        foreach (var example in texts.Say(place is null ? "not_understood.buttons" : "not_understood.buttons_place")
                     .Replace("{place}", place, StringComparison.Ordinal)
                     .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            reply.Button(example);
        }

        return reply;
    }

    private DateOnly AsOf(AssistantState state, DateOnly today) =>
        Parse(state.AsOf) ?? Parse(options.AsOf) ?? today;

    private static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>"按2023年的政策算", "按2023年10月算": the policies are judged on that date from now on.</summary>
    private DateOnly? AsOfRequest(Understanding u)
    {
        var text = u.Normalized;
        // The cue must lead the date ("按2023年", "截至2023年10月"): a date inside a story ("去年按要求办了登记",
        // "我去年毕业") is about the user, not about the day the policies are judged on.
        // The cut is needed only for a date with a cue before it, which few messages have.
        IReadOnlyList<BotAssistant.Language.Segmentation.Token>? words = null;
        var date = u.All(EntityKind.Date).FirstOrDefault(d => texts.AsOfCues.Any(cue => LeadsDate(text, cue, d, () => words ??= knowledge.Current.Language.Segmenter.Cut(text))));
        if (date is null
            || !DateOnly.TryParseExact(date.Value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return null;
        }

        // A whole year means its last day; a month, its last day.
        return date.Precision == DatePrecision.Year ? new DateOnly(first.Year, 12, 31) : first.AddMonths(1).AddDays(-1);
    }

    /// <summary>The cue just before the date, as a word of its own: the 以 of 所以今年 is part of 所以, not "以今年为准".</summary>
    private static bool LeadsDate(string text, string cue, Entity date, Func<IReadOnlyList<BotAssistant.Language.Segmentation.Token>> words)
    {
        var from = Math.Max(0, date.Start - cue.Length - 2);
        var at = text.IndexOf(cue, from, date.Start - from, StringComparison.Ordinal);
        return at >= 0 && !words().Any(w => w.Start < at + cue.Length && at < w.End && w.Length > cue.Length);
    }

    private ExpectedAnswer? Expected(Catalog catalog, AssistantState state)
    {
        if (state.Pending is not { } fact || !catalog.Facts.TryGetValue(fact, out var def))
        {
            return null;
        }

        var asked = texts.Questions.GetValueOrDefault(fact) is { } q
            ? string.Concat(q.Ask, q.Retry, string.Concat(q.AskByRole.Values), def.Label)
            : def.Label;
        return def.Type switch
        {
            FactType.Bool => ExpectedAnswer.YesNo(fact) with { Question = asked },
            FactType.Number => ExpectedAnswer.Number(fact),
            FactType.Enum => ExpectedAnswer.Choice(fact, [.. (texts.Questions.GetValueOrDefault(fact)?.Choices is { Count: > 0 } c ? c : def.Values).Select(v => v.Value)]),
            _ => new ExpectedAnswer(fact, ExpectedKind.Text, []),
        };
    }
}
