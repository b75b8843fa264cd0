using System.Text.Json.Nodes;
using BotAssistant.Assistant.Replies;
using BotAssistant.Bot.Schema;
using Entity = BotAssistant.Language.Entity;
using BotAssistant.Language;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Conversation;

/// <summary>One kind of measure across places: aligned text everywhere, an Adaptive Card table where the channel has cards.</summary>
public static class CompareFlow
{
    public static Reply Compare(TurnScope s, IReadOnlyList<string> topics)
    {
        var places = s.Understanding.Places.Count >= 2 ? s.Understanding.Places : s.Catalog.Places.Keys.ToList();
        var reply = new Reply();
        if (topics.Count == 0 && s.Understanding.Places.Count >= 2 && SituationRows(s, places) is { Count: > 0 } forCase)
        {
            // "平凉和泾源招大学生有啥不同": no kind of measure named, but a case; each place's measures for that case.
            return Table(s, reply, s.Texts.Say("compare.header_case", ("case", Case(s)), ("asof", MeasureWriter.Date(s.AsOf))), forCase);
        }

        if (topics.Count == 0)
        {
            reply.Say(s.Texts.Say("compare.which_topic"));
            foreach (var t in PopularTopics(s))
            {
                reply.Button(s.Texts.Say("compare.topic_button", ("topic", s.Catalog.Topics[t].Name)));
            }

            return reply;
        }

        var rows = new List<(string Place, Measure? Measure)>();
        foreach (var topic in topics)
        {
            foreach (var place in places)
            {
                var found = s.ForAudience(s.Catalog.ForPlace(place).Where(m => m.Topic == topic)).ToList();
                rows.AddRange(found.Count == 0 ? [(place, null)] : found.Select(m => (place, (Measure?)m)));
            }
        }

        var title = s.Texts.Say("compare.header", ("topic", string.Join("、", topics.Select(t => s.Catalog.Topics[t].Name))), ("asof", MeasureWriter.Date(s.AsOf)));
        return Table(s, reply, title, rows);
    }

    private static Reply Table(TurnScope s, Reply reply, string title, List<(string Place, Measure? Measure)> rows)
    {
        var shorts = rows.Select(r => r.Measure).OfType<Measure>().Distinct().ToDictionary(m => m.Id, m => LookupFlow.Short(s, m) + PerYearCap(s, m));
        reply.Say(title);
        reply.Say(string.Join("\n", rows.Select(r => r.Measure is null
            ? s.Texts.Say("compare.row_missing", ("place", s.Writer.PlaceName(r.Place)))
            : s.Texts.Say("compare.row", ("place", s.Writer.PlaceName(r.Place)), ("name", r.Measure.Name),
                ("amount", shorts[r.Measure.Id]), ("validity", PolicyEngine.ValidityOf(r.Measure, s.AsOf).Text),
                ("source", s.Writer.Source(r.Measure)))
                + (r.Measure.Conditions.Count > 0 ? "\n  " + s.Texts.Say("measure.conditions", ("conditions", s.Writer.Conditions(r.Measure))) : "")
                + (r.Measure.Limits.Note is { Length: > 0 } note ? "\n  " + s.Texts.Say("measure.limits", ("note", note)) : ""))));
        var footer = s.Texts.Say("compare.footer", ("hotline", s.Options.Hotline));
        reply.Say(footer);
        reply.Cards.Add(Card(s, title, rows, shorts));
        // The card is the table; beside it only what it is and where to ask. Plain text gets one short line a row,
        // the clauses once at the end, since a WeChat page holds a few hundred characters.
        reply.BesideCards = [s.Texts.Say("compare.beside_card", ("title", title.TrimEnd('：', ':'))), footer];
        reply.PlainText =
        [
            title,
            string.Join("\n", rows.Select(r => r.Measure is null
                ? s.Texts.Say("compare.row_missing", ("place", s.Writer.PlaceName(r.Place)))
                : s.Texts.Say("compare.row_plain", ("place", s.Writer.PlaceName(r.Place)), ("name", r.Measure.Name), ("amount", shorts[r.Measure.Id]),
                    ("ended", PolicyEngine.ValidityOf(r.Measure, s.AsOf).Status == Validity.Ended ? s.Texts.Say("compare.ended_mark") : "")))),
            s.Texts.Say("compare.sources", ("sources", string.Join("；", rows.Select(r => r.Measure).OfType<Measure>().GroupBy(m => m.Document)
                .Select(g => (g.Key.Number == "无文号" ? $"《{g.Key.Title}》" : g.Key.Number) + string.Concat(g.Select(m => m.Clause).Distinct()))))),
            footer,
        ];
        var measures = rows.Select(r => r.Measure).OfType<Measure>().ToList();
        s.State.Focus = measures.Select(m => m.Id).ToList();
        reply.Summary = Summaries.Of("compare", s, measures.Select(m => s.Rule(m)));
        return reply;
    }

    /// <summary>
    /// Each place's measures that read the case the user described (招大学生 → who is hired) and that the case does not
    /// already rule out there; a place with none gets a row saying so.
    /// </summary>
    private static List<(string Place, Measure? Measure)> SituationRows(TurnScope s, IReadOnlyList<string> places)
    {
        var facts = s.Facts();
        if (!facts.Given.Keys.Any(k => k is not ("place" or "role")))
        {
            return [];
        }

        var rows = new List<(string Place, Measure? Measure)>();
        foreach (var place in places)
        {
            var here = facts.With("place", place);
            var pool = s.ForAudience(s.Catalog.ForPlace(place)).Where(m => m.Amount is not NoAmount && ScreeningFlow.Relevance(m, s.Catalog, here) > 0).ToList();
            var open = PolicyEngine.Screen(s.Catalog, pool, here, s.AsOf).Results
                .Where(r => r.Status != EligibilityStatus.NotEligible).Select(r => r.Measure).ToList();
            rows.AddRange(open.Count == 0 ? [(place, null)] : open.Select(m => (place, (Measure?)m)));
        }

        return rows.Any(r => r.Measure is not null) ? rows : [];
    }

    /// <summary>The case compared, in the catalog's words (招用人员类别：毕业年度或离校2年内未就业高校毕业生).</summary>
    private static string Case(TurnScope s)
    {
        var facts = s.Facts();
        return string.Join("；", facts.Given.Where(kv => kv.Key is not ("place" or "role"))
            .Select(kv => s.Catalog.Facts.TryGetValue(kv.Key, out var d) ? $"{d.Label}：{d.Display(kv.Value)}" : null).OfType<string>());
    }

    /// <summary>
    /// Places differ in how often a measure can be had as much as in how much it pays (稷山 3次 a year, 巫山 1次), so a
    /// row that leaves the cap out compares only half of it.
    /// </summary>
    private static string PerYearCap(TurnScope s, Measure m) =>
        m.Limits.MaxPerYear is { } times ? s.Texts.Say("compare.per_year_cap", ("times", times.ToString(System.Globalization.CultureInfo.InvariantCulture))) : "";

    private static IEnumerable<string> PopularTopics(TurnScope s) =>
        s.Catalog.Measures.GroupBy(m => m.Topic).Where(g => g.Select(m => m.Place).Distinct().Count() >= 3)
            .OrderByDescending(g => g.Select(m => m.Place).Distinct().Count()).Take(4).Select(g => g.Key);

    /// <summary>
    /// One block a row: place, measure and amount on one line (what is compared is read together), then the period and
    /// the clause in small print.
    /// </summary>
    private static Attachment Card(TurnScope s, string title, List<(string Place, Measure? Measure)> rows, Dictionary<string, string> shorts)
    {
        var body = new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["wrap"] = true } };
        foreach (var (place, measure) in rows)
        {
            var items = new JsonArray
            {
                Block(measure is null
                    ? s.Texts.Say("compare.row_missing", ("place", s.Writer.PlaceName(place))).TrimStart('·', ' ')
                    : s.Texts.Say("compare.cell", ("place", s.Writer.PlaceName(place)), ("name", measure.Name), ("amount", shorts[measure.Id])), subtle: false),
            };
            if (measure is not null)
            {
                // What differs between places is as often who qualifies (连续缴纳6个月以上社保) and what cannot be had
                // together (不能重复享受) as the sum: both go under the amount.
                if (measure.Conditions.Count > 0)
                {
                    items.Add(Block(s.Texts.Say("measure.conditions", ("conditions", s.Writer.Conditions(measure))), subtle: true));
                }

                if (measure.Limits.Note is { Length: > 0 } note)
                {
                    items.Add(Block(s.Texts.Say("measure.limits", ("note", note)), subtle: true));
                }

                items.Add(Block($"{PolicyEngine.ValidityOf(measure, s.AsOf).Text}；{s.Writer.Source(measure)}", subtle: true));
            }

            body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.3",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["body"] = body,
        };
        return AdaptiveCards.ToAttachment(card);
    }

    private static JsonObject Block(string text, bool subtle) => subtle
        ? new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small", ["spacing"] = "None" }
        : new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };

    /// <summary>
    /// The kinds of measure a message names. A phrase that also names a group of people (返乡创业 → 返乡人员) says who
    /// the user is, not what they ask about, when another measure is named too ("返乡创业…一次性创业补贴给多少"), and when
    /// the user asks what they can get or is being screened: then it is a fact about them for the screening.
    /// </summary>
    public static IReadOnlyList<string> Topics(TurnScope s)
    {
        var (clear, ambiguous) = NamedEntities(s);
        var topics = clear.Select(e => TopicOf(s, e)).OfType<string>().Distinct().ToList();
        if (topics.Count > 0 || s.Understanding.IsAbout(Intent.Screen) || s.State.Screening)
        {
            return topics;
        }

        return ambiguous.Select(e => TopicOf(s, e)).OfType<string>().Distinct().ToList();
    }

    /// <summary>
    /// Topic and measure mentions, split into clear ones and those whose words also say who the user is
    /// (返乡创业 = 返乡人员, 小微企业 = the enterprise size, 营业执照 = a material); the latter count only when nothing else is named.
    /// </summary>
    public static (List<Entity> Clear, List<Entity> Ambiguous) NamedEntities(TurnScope s)
    {
        var u = s.Understanding;
        var others = u.Entities.Where(e => e.Kind is EntityKind.Group or EntityKind.EnterpriseSize or EntityKind.Material).ToList();
        var named = u.Entities.Where(e => e.Kind is EntityKind.Topic or EntityKind.Measure).ToList();
        // A story names many things in passing (实习, 房租, 招聘会); the measure it asks about is named where it asks.
        if (u.AskingSentences is { } asking && named.Where(e => asking.Any(a => e.Start >= a.Start && e.End <= a.End)).ToList() is { Count: > 0 } asked)
        {
            named = asked;
        }
        else if (named.Where(e => !u.SetAsideSentences.Any(a => e.Start >= a.Start && e.End <= a.End)).ToList() is { Count: > 0 } kept)
        {
            // No ask names a measure: the story's names count, but not those of a question it set aside (见习…以后再说).
            named = kept;
        }

        // A name inside a word for who the user is (低保 in 低保户) says who they are, like the same word would.
        var ambiguous = named.Where(t => others.Any(o => o.Start <= t.Start && t.Start + t.Length <= o.Start + o.Length)).ToList();
        return (named.Except(ambiguous).ToList(), ambiguous);
    }

    private static string? TopicOf(TurnScope s, Entity e) =>
        e.Kind == EntityKind.Topic ? e.Value : s.Catalog.FindMeasure(e.Value)?.Topic;
}
