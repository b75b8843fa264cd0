using BotAssistant.Policies;
using BotAssistant.Web.CatalogApi;

namespace BotAssistant.Web.Staff;

/// <summary>The search box and ranked results: place, amount and period at a glance, one click to the measure.</summary>
internal static class SearchPage
{
    private static readonly string[] Examples = ["稷山 场地租赁", "实习补贴 留用率", "退伍 税", "平凉 扩岗", "创业担保贷款", "技能提升补贴"];

    public static HtmlWriter Render(Catalog catalog, string? query, SearchView? view, DateOnly asOf)
    {
        var date = AsOfDate.Format(asOf);
        var w = new HtmlWriter();
        w.Add($"""
            <h1>政策检索</h1>
            <form method="get" action="{StaffLayout.Root}" role="search"><input type="hidden" name="asOf" value="{date}">
            <input type="search" name="q" value="{query}" placeholder="地区 + 关键词，如：稷山 场地租赁" autofocus aria-label="检索词">
            <button type="submit">检索</button></form>
            <p class="muted no-print">例：
            """);
        foreach (var e in Examples)
        {
            w.Add($"""<a href="{Html.Url(StaffLayout.Root, ("q", e), ("asOf", date))}">{e}</a>　""");
        }

        w.Add($"""</p>""");
        if (view is null)
        {
            Browse(w, catalog, date);
            return w;
        }

        w.Add($"""<p class="muted">分词：{string.Join(" / ", view.Words)}{(view.Places.Count > 0 ? "；地区：" + string.Join("、", view.Places) : "")}；共 {view.Results.Count} 项</p>""");
        if (view.Results.Count == 0)
        {
            w.Add($"""<p class="card">没有找到相关措施。可换个说法（如“见习补贴”“稳岗返还”），或去掉地区再试。</p>""");
            return w;
        }

        var matched = view.Results.ToDictionary(r => r.Measure.Id, r => "命中：" + string.Join("、", r.Matched));
        Fragments.SummaryTable(w, view.Results.Select(r => r.Measure), date, m => matched[m.Id]);
        return w;
    }

    /// <summary>With no query: every place and every kind of measure one click away.</summary>
    private static void Browse(HtmlWriter w, Catalog catalog, string date)
    {
        w.Add($"""<section><h2>按地区</h2><p>""");
        foreach (var p in catalog.Places.Values)
        {
            w.Add($"""<a href="{Html.Url(StaffLayout.Root, ("q", p.Key), ("asOf", date))}">{p.FullName}（{catalog.ForPlace(p.Key).Count()}项）</a>　""");
        }

        w.Add($"""</p></section><section><h2>按类别对比五地</h2><p>""");
        foreach (var t in TopicComparison.Topics(catalog))
        {
            w.Add($"""<a href="{Html.Url(StaffLayout.Root + "/compare", ("topic", t.Key), ("asOf", date))}">{t.Name}</a>（{t.Measures}）　""");
        }

        w.Add($"""</p></section>""");
    }
}
