using BotAssistant.Policies;
using BotAssistant.Web.CatalogApi;

namespace BotAssistant.Web.Staff;

/// <summary>What the staff member chose and typed; answers are the f.&lt;fact&gt; query parameters.</summary>
internal sealed record CalculatorForm(string? Measure, string? Place, string? Audience, string AsOf, IReadOnlyList<KeyValuePair<string, string?>> Answers)
{
    public string? Answer(string fact) => Answers.LastOrDefault(a => a.Key == fact).Value;
}

internal sealed record CalculatorInput(IReadOnlyList<Measure> Measures, IReadOnlyList<FactFieldView> Fields, string? Error);

/// <summary>
/// Pick a measure or a place and audience, answer what is known, and see the bot's own verdict. A plain GET form,
/// so a calculation is a link that can be reopened or printed; an unanswered field is unknown, never "no" or 0.
/// </summary>
internal static class CalculatorPage
{
    public const string FactPrefix = "f.";

    public static IReadOnlyList<KeyValuePair<string, string?>> Answers(IQueryCollection query) => query
        .Where(q => q.Key.StartsWith(FactPrefix, StringComparison.Ordinal) && q.Key.Length > FactPrefix.Length)
        .Select(q => new KeyValuePair<string, string?>(q.Key[FactPrefix.Length..], q.Value.ToString()))
        .ToList();

    public static HtmlWriter Render(Catalog catalog, CalculatorForm form, CalculatorInput? input, EvaluationView? result)
    {
        var w = new HtmlWriter();
        w.Add($"""<h1>计算器</h1>""");
        Choice(w, catalog, form);
        if (input is null)
        {
            return w;
        }

        Facts(w, form, input);
        if (result is not null)
        {
            CalculatorResults.Render(w, result);
        }

        return w;
    }

    private static void Choice(HtmlWriter w, Catalog catalog, CalculatorForm form)
    {
        w.Add($"""
            <section class="no-print"><form method="get" action="{StaffLayout.Root}/calculator"><input type="hidden" name="asOf" value="{form.AsOf}">
            <label>按措施 <select name="measure" aria-label="措施"><option value="">请选择</option>
            """);
        foreach (var place in catalog.Places.Values)
        {
            w.Add($"""<optgroup label="{place.FullName}">""");
            foreach (var m in catalog.ForPlace(place.Key))
            {
                w.Add($"""<option value="{m.Id}"{Selected(m.Id == form.Measure)}>{m.Name}（{m.Id}）</option>""");
            }

            w.Add($"""</optgroup>""");
        }

        w.Add($"""
            </select></label> <button type="submit">选择</button></form>
            <form method="get" action="{StaffLayout.Root}/calculator"><input type="hidden" name="asOf" value="{form.AsOf}">
            或 按地区全部：<select name="place" aria-label="地区"><option value="">地区</option>
            """);
        foreach (var place in catalog.Places.Values)
        {
            w.Add($"""<option value="{place.Key}"{Selected(place.Key == form.Place)}>{place.FullName}</option>""");
        }

        w.Add($"""</select> <select name="audience" aria-label="对象"><option value="">所有对象</option>""");
        foreach (var a in new[] { Audience.Individual, Audience.Employer, Audience.Institution })
        {
            w.Add($"""<option value="{Labels.Key(a)}"{Selected(Labels.Key(a) == form.Audience)}>{Labels.Of(a)}</option>""");
        }

        w.Add($"""</select> <button type="submit">选择</button></form></section>""");
    }

    private static void Facts(HtmlWriter w, CalculatorForm form, CalculatorInput input)
    {
        var what = input.Measures.Count == 1 ? input.Measures[0].Place + " " + input.Measures[0].Name : $"{form.Place}的{input.Measures.Count}项措施";
        w.Add($"""
            <section><h2>来电人的情况：{what}</h2>
            <form method="get" action="{StaffLayout.Root}/calculator" id="facts"><input type="hidden" name="asOf" value="{form.AsOf}">
            """);
        foreach (var (key, value) in new[] { ("measure", form.Measure), ("place", form.Place), ("audience", form.Audience) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                w.Add($"""<input type="hidden" name="{key}" value="{value}">""");
            }
        }

        if (input.Error is not null)
        {
            w.Add($"""<p class="error" role="alert">{FactInput.InvalidMessage}：{input.Error}</p>""");
        }

        w.Add($"""<p class="muted">不清楚的可以不填，按“未知”计算，不会当作“否”或0。</p><div class="fields">""");
        foreach (var f in input.Fields)
        {
            Field(w, f, form.Answer(f.Name));
        }

        w.Add($"""
            </div><p><button type="submit">计算</button>
            <a href="{Html.Url(StaffLayout.Root + "/calculator", ("measure", form.Measure), ("place", form.Place), ("audience", form.Audience), ("asOf", form.AsOf))}">清空</a></p></form></section>
            """);
    }

    private static void Field(HtmlWriter w, FactFieldView f, string? value)
    {
        var name = FactPrefix + f.Name;
        w.Add($"""<label><span class="name">{f.Label}{(f.Unit is null ? "" : $"（{f.Unit}）")}</span>""");
        switch (f.Type)
        {
            case "enum":
                w.Add($"""<select name="{name}"><option value="">不知道</option>""");
                foreach (var c in f.Choices)
                {
                    w.Add($"""<option value="{c.Key}"{Selected(c.Key == value)}>{c.Label}</option>""");
                }

                w.Add($"""</select>""");
                break;
            case "bool":
                w.Add($"""
                    <select name="{name}"><option value="">不知道</option><option value="true"{Selected(value == "true")}>是</option>
                    <option value="false"{Selected(value == "false")}>否</option></select>
                    """);
                break;
            case "date":
                w.Add($"""<input type="date" name="{name}" value="{value}">""");
                break;
            default:
                w.Add($"""<input type="number" step="any" name="{name}" value="{value}" min="{f.Min}" max="{f.Max}"> {f.Unit}""");
                break;
        }

        if (f.DerivedFrom is not null)
        {
            w.Add($"""<span class="muted"> {f.DerivedFrom}</span>""");
        }

        w.Add($"""</label>""");
    }

    private static RawHtml Selected(bool selected) => Html.Trusted(selected ? " selected" : "");
}
