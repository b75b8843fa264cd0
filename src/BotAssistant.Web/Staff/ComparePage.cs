using BotAssistant.Web.CatalogApi;

namespace BotAssistant.Web.Staff;

/// <summary>One kind of measure in the five places side by side, with the standards drawn to scale.</summary>
internal static class ComparePage
{
    public static HtmlWriter Render(IReadOnlyList<TopicView> topics, CompareView? view, DateOnly asOf)
    {
        var date = AsOfDate.Format(asOf);
        var w = new HtmlWriter();
        w.Add($"""
            <h1>五地对比{(view is null ? "" : "：" + view.TopicName)}</h1>
            <form method="get" action="{StaffLayout.Root}/compare"><input type="hidden" name="asOf" value="{date}">
            <label>措施类别 <select name="topic" aria-label="措施类别">
            """);
        foreach (var t in topics)
        {
            w.Add($"""<option value="{t.Key}"{(t.Key == view?.Topic ? Html.Trusted(" selected") : Html.Trusted(""))}>{t.Name}（{t.Measures}项）</option>""");
        }

        w.Add($"""</select></label> <button type="submit">对比</button></form>""");
        if (view is null)
        {
            return w;
        }

        Table(w, view, date);
        Chart(w, view);
        return w;
    }

    private static void Table(HtmlWriter w, CompareView view, string date)
    {
        w.Add($"""<table class="compare"><thead><tr>""");
        foreach (var p in view.Places)
        {
            w.Add($"""<th>{p.FullName}</th>""");
        }

        w.Add($"""</tr></thead><tbody><tr>""");
        foreach (var p in view.Places)
        {
            w.Add($"""<td data-place="{p.Place}">""");
            if (p.Measures.Count == 0)
            {
                w.Add($"""<span class="muted">文件中没有此类措施</span>""");
            }

            foreach (var m in p.Measures)
            {
                w.Add($"""<div class="card"><a href="{Fragments.MeasureLink(m.Link, date)}">{m.Name}</a><br>""");
                Fragments.Amount(w, m.Amount);
                w.Add($"""<br>""");
                Fragments.Period(w, m.Period);
                w.Add($"""<br><span class="muted">{m.DocumentNumber} {m.Clause}</span></div>""");
            }

            w.Add($"""</td>""");
        }

        w.Add($"""</tr></tbody></table>""");
    }

    /// <summary>Bars compare each measure's own standard (per person, or the ceiling) in 元; measures without a figure are listed, not drawn.</summary>
    private static void Chart(HtmlWriter w, CompareView view)
    {
        var measures = view.Places.SelectMany(p => p.Measures).ToList();
        var bars = measures.Where(m => m.Amount.Figure is > 0)
            .Select(m => new Bar(m.Place, m.Name, m.Amount.Figure!.Value, m.Amount.Headline))
            .ToList();
        w.Add($"""<section id="chart"><h2>金额对比</h2>""");
        if (bars.Count == 0)
        {
            w.Add($"""<p class="muted">这类措施在五地文件中都没有写具体金额。</p></section>""");
            return;
        }

        BarChart.Render(w, bars, view.Places.Select(p => p.Place).ToList(), $"{view.TopicName}金额对比");
        var unstated = measures.Where(m => m.Amount.Figure is not > 0).Select(m => $"{m.Place}·{m.Name}").ToList();
        w.Add($"""<p class="muted">按各项自身的标准比较（每人、每月或上限，单位见标签，已折算为元）{(measures.Any(m => m.Amount.IsLoan && m.Amount.Figure > 0) ? "；贷款为额度，需归还" : "")}。""");
        if (unstated.Count > 0)
        {
            w.Add($"""未写金额：{string.Join("、", unstated)}。""");
        }

        w.Add($"""</p></section>""");
    }
}
