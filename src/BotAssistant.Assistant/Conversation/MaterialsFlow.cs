using BotAssistant.Assistant.Replies;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Conversation;

/// <summary>What to prepare for a measure, each paper with where the requirement comes from.</summary>
public static class MaterialsFlow
{
    public static Reply Materials(TurnScope s, List<Measure> measures)
    {
        var reply = new Reply();
        if (measures.Count == 0)
        {
            reply.Say(s.Texts.Say("materials.which"));
            return reply;
        }

        var facts = s.Facts();
        foreach (var m in measures.Take(s.Options.MaxMeasuresPerAnswer))
        {
            var lines = m.Materials.Select(req => Line(s, req)).ToList();
            var result = PolicyEngine.Evaluate(m, facts, s.AsOf, explain: false);
            reply.Say(s.Texts.Say("materials.header", ("title", s.Writer.Title(m))) + "\n"
                + (lines.Count > 0 ? string.Join("\n", lines) : s.Texts.Say("materials.none_listed"))
                + (m.Conditions.Count > 0 ? "\n" + s.Texts.Say("measure.conditions", ("conditions", s.Writer.Conditions(m))) : "")
                // A service pays nothing: what it does (档案转到哪里) is what the asker came for.
                + (m.Amount is NoAmount && !string.IsNullOrWhiteSpace(m.Summary) ? "\n" + s.Texts.Say("measure.content", ("summary", m.Summary)) : "")
                + "\n" + s.Texts.Say("materials.amount", ("amount", s.Writer.AmountLine(result)))
                + "\n" + s.Writer.Period(m, s.AsOf)
                + "\n" + s.Writer.Source(m));
        }

        reply.Say(s.Texts.Say("materials.footer", ("hotline", s.Options.Hotline), ("bureau", s.Writer.Bureau(measures[0].Place))));
        s.State.Focus = measures.Select(m => m.Id).ToList();
        reply.Summary = Summaries.Of("materials", s, measures.Select(m => PolicyEngine.Evaluate(m, facts, s.AsOf, explain: false)));
        return reply;
    }

    private static string Line(TurnScope s, MaterialRequirement req)
    {
        var name = s.Catalog.Materials.TryGetValue(req.Id, out var material) ? material.Name : req.Id;
        var source = req.Source switch
        {
            MaterialSource.Stated => s.Texts.Say("materials.stated"),
            MaterialSource.Implied when string.IsNullOrWhiteSpace(req.Note) => s.Texts.Say("materials.implied_plain"),
            MaterialSource.Implied => s.Texts.Say("materials.implied", ("note", req.Note)),
            _ => s.Texts.Say("materials.common"),
        };
        return s.Texts.Say("materials.line", ("name", name), ("source", source));
    }
}
