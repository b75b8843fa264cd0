using BotAssistant.Assistant.Dialogs;
using BotAssistant.Policies;

namespace BotAssistant.Assistant.Replies;

/// <summary>The sentences about one measure: amount with formula, conditions, period on the as-of date, source, department.</summary>
public sealed class MeasureWriter(DialogTexts texts, Catalog catalog)
{
    public string Title(Measure m) => texts.Say("measure.title", ("place", PlaceName(m.Place)), ("name", m.Name));

    /// <summary>The amount as far as the facts allow: the computed formula, or the document's own wording when nothing is known.</summary>
    public string AmountLine(MeasureResult r)
    {
        var a = r.Amount;
        var m = r.Measure;
        if (a.None)
        {
            // The engine keeps the note over the text, but the text is where the document's own terms are
            // (展期 "原则上不超过1年"), so both are said when a measure has both.
            var note = m.Amount.Text is { Length: > 0 } said && !a.Formula.Contains(said, StringComparison.Ordinal)
                ? $"{said}；{a.Formula}"
                : a.Formula;
            return texts.Say("amount.none", ("note", note));
        }

        if (a.NotStated)
        {
            // No figure, but often terms worth saying (稳岗贷 "利率原则上不超过4%"): the curated note, else the document's words.
            return (m.Amount.Note ?? m.Amount.Text) is { Length: > 0 } terms
                ? texts.Say("amount.not_stated_terms", ("terms", terms.TrimEnd('。', '；')), ("department", LeadDepartment(m)))
                : texts.Say("amount.not_stated", ("department", LeadDepartment(m)));
        }

        var line = a.IsDetermined || m.Amount.Text is null ? a.Formula : $"{m.Amount.Text}（{a.Formula}）";
        if (a.IsLoan && !line.Contains(texts.Say("amount.loan_marker"), StringComparison.Ordinal))
        {
            line += texts.Say("amount.loan_note");
        }
        else if (a.IsTaxDeduction)
        {
            line += texts.Say("amount.tax_note");
        }

        return line;
    }

    /// <summary>
    /// The standard a measure pays by, apart from anyone's facts: the document's own wording where it has one ("标准为2000元/人"),
    /// else the rule's formula. Said where a total would be wrong (the facts fail, or another clause pays for the same people).
    /// </summary>
    public string StandardLine(MeasureResult rule) =>
        rule.Measure.Amount.Text is { Length: > 0 } said && !rule.Amount.None && !rule.Amount.NotStated ? said : AmountLine(rule);

    public string Conditions(Measure m) => string.Join("；", PolicyEngine.DescribeConditions(m));

    /// <param name="explainEnded">Whether an ended period says what that means for the reader; once a reply is enough.</param>
    public string Period(Measure m, DateOnly asOf, bool explainEnded = true)
    {
        var validity = PolicyEngine.ValidityOf(m, asOf);
        // The document's own period wording only adds something when it names no end date the engine could state.
        var stated = validity.Until is null && m.Period.Text is { Length: > 0 } t ? t + "，" : "";
        return texts.Say(validity.Status == Validity.Ended && explainEnded ? "period.ended" : "period.line",
            ("stated", stated), ("validity", validity.Text), ("asof", Date(asOf)));
    }

    public string Source(Measure m) => texts.Say("measure.source",
        ("number", m.Document.Number == "无文号" ? $"《{m.Document.Title}》" : m.Document.Number), ("clause", m.Clause),
        ("department", LeadDepartment(m)));

    public string Quote(Measure m) => texts.Say("measure.quote", ("source", Source(m)), ("quote", m.Quote));

    /// <summary>The full block a lookup shows for one measure.</summary>
    /// <param name="amountLine">What to say of the amount instead of the computed line (another clause pays for these people).</param>
    public string Block(MeasureResult r, DateOnly asOf, bool withQuote, bool explainEnded = true, string? amountLine = null)
    {
        var m = r.Measure;
        var lines = new List<string> { $"{Title(m)}：{amountLine ?? AmountLine(r)}" };
        if (m.Amount is NoAmount && !string.IsNullOrWhiteSpace(m.Summary))
        {
            // A service pays nothing: what it gives (1次职业指导、3次岗位推荐, 档案转到哪里) is the answer.
            lines.Add(texts.Say("measure.content", ("summary", m.Summary)));
        }

        if (m.Conditions.Count > 0)
        {
            lines.Add(texts.Say("measure.conditions", ("conditions", Conditions(m))));
        }

        lines.Add(Period(m, asOf, explainEnded));
        lines.Add(withQuote ? Quote(m) : Source(m));
        if (m.Limits.Note is { Length: > 0 } note)
        {
            lines.Insert(lines.Count - 2, texts.Say("measure.limits", ("note", note)));
        }

        return string.Join("\n", lines);
    }

    public string LeadDepartment(Measure m) => m.Departments.Count > 0 ? m.Departments[0] : Bureau(m.Place);

    public string Bureau(string? place) =>
        place is not null && catalog.Places.TryGetValue(place, out var p) && p.Bureau is { } b ? b : texts.Say("bureau.generic");

    public string PlaceName(string place) => catalog.Places.TryGetValue(place, out var p) ? p.FullName : place;

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
