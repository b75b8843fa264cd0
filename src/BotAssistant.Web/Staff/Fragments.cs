using BotAssistant.Web.CatalogApi;

namespace BotAssistant.Web.Staff;

/// <summary>Bits every page shows the same way: a measure's amount, its period status.</summary>
internal static class Fragments
{
    public static void Amount(HtmlWriter w, AmountView a) =>
        w.Add($"""<span class="figure">{a.Headline}</span><br><span class="formula">{a.Formula}</span>""");

    public static void Period(HtmlWriter w, PeriodView p) =>
        w.Add($"""<span class="status-{p.Status}">{p.StatusText}</span>""");

    public static string MeasureLink(string link, string asOf) => Html.Url(link, ("asOf", asOf));

    /// <summary>One table of measure summaries, used by search results and the calculator's choice list.</summary>
    public static void SummaryTable(HtmlWriter w, IEnumerable<MeasureSummaryView> measures, string asOf, Func<MeasureSummaryView, string?>? extra = null)
    {
        w.Add($"""<table class="results"><thead><tr><th>措施</th><th>地区</th><th>金额</th><th>执行期</th><th>出处</th></tr></thead><tbody>""");
        foreach (var m in measures)
        {
            w.Add($"""<tr data-id="{m.Id}"><td><a href="{MeasureLink(m.Link, asOf)}">{m.Name}</a><br><span class="muted">{m.TopicName} · {m.Id}</span>""");
            if (extra?.Invoke(m) is { } note)
            {
                w.Add($"""<br><span class="muted">{note}</span>""");
            }

            w.Add($"""</td><td>{m.Place}</td><td>""");
            Amount(w, m.Amount);
            w.Add($"""</td><td>""");
            Period(w, m.Period);
            w.Add($"""</td><td>{m.DocumentNumber}<br>{m.Clause}</td></tr>""");
        }

        w.Add($"""</tbody></table>""");
    }
}
