using BotAssistant.Web.CatalogApi;

namespace BotAssistant.Web.Staff;

/// <summary>One measure with everything a caller may ask: figure, conditions, period, clause, materials, departments.</summary>
internal static class MeasurePage
{
    public static HtmlWriter Render(MeasureSheetView m, string shareUrl)
    {
        var asOf = m.Period.AsOf;
        var w = new HtmlWriter();
        w.Add($"""
            <h1>{m.Name} <span class="badge">{m.PlaceFullName}</span></h1>
            <p class="muted">{m.TopicName} · 编号 {m.Id}{(m.Synonyms.Count > 0 ? " · 又称：" + string.Join("、", m.Synonyms) : "")}</p>
            <section class="card" id="headline"><div class="big">{m.Amount.Headline}</div>
            <div>计算方式：<span class="formula">{m.Amount.Formula}</span></div>
            <div>执行期：<strong class="status-{m.Period.Status}" id="validity">{m.Period.StatusText}</strong>（按 {asOf} 判断）</div>
            <div>依据：{m.Document.Number} 第{m.Clause}项</div></section>
            <section id="source"><h2>出处与原文</h2>
            <p>{m.Document.Title}（{m.Document.Number}）{(m.Document.Issuer is null ? "" : "，" + m.Document.Issuer)}{(m.Document.Date is null ? "" : "，" + m.Document.Date)}，{m.Clause}</p>
            <blockquote>{m.Quote}</blockquote></section>
            <section id="audience"><h2>对象与条件</h2><p>申请对象：{m.AudienceText}</p>
            """);
        if (m.Summary is not null)
        {
            w.Add($"""<p>概要：{m.Summary}</p>""");
        }

        w.Add($"""<p>须同时满足：</p><ul>""");
        foreach (var c in m.Conditions)
        {
            w.Add($"""<li>{c}</li>""");
        }

        w.Add($"""</ul>{(m.Conditions.Count == 0 ? Html.Trusted("<p class=\"muted\">文件未列出具体条件。</p>") : Html.Trusted(""))}</section>""");
        Amount(w, m.Amount);
        Period(w, m.Period);
        Limits(w, m.Limits, asOf);
        Materials(w, m.Materials);
        w.Add($"""<section id="departments"><h2>负责部门</h2><p>{string.Join("、", m.Departments)}</p>""");
        if (m.Bureau is not null)
        {
            w.Add($"""<p class="muted">咨询：{m.Bureau}，或拨打12333</p>""");
        }

        w.Add($"""
            </section><section id="share"><h2>发给来电人的链接</h2>
            <p class="no-print"><input id="share-url" type="text" readonly value="{shareUrl}" size="60" aria-label="链接">
            <button type="button" onclick="navigator.clipboard&&navigator.clipboard.writeText(document.getElementById('share-url').value)">复制链接</button>
            <button type="button" onclick="window.print()">打印</button></p>
            <p class="print-url">{shareUrl}</p>
            <p class="no-print"><a href="{Html.Url(StaffLayout.Root + "/calculator", ("measure", m.Id), ("asOf", asOf))}">用计算器测算</a>　
            <a href="{Html.Url(StaffLayout.Root + "/compare", ("topic", m.Topic), ("asOf", asOf))}">五地对比：{m.TopicName}</a>　
            <a href="/api/catalog/measures/{Uri.EscapeDataString(m.Id)}?asOf={asOf}">JSON</a></p></section>
            """);
        return w;
    }

    private static void Amount(HtmlWriter w, AmountView a)
    {
        w.Add($"""<section id="amount"><h2>金额</h2><p><span class="figure">{a.Headline}</span>　<span class="formula">{a.Formula}</span></p>""");
        if (a.DocumentText is not null)
        {
            w.Add($"""<p class="muted">原文：{a.DocumentText}</p>""");
        }

        if (a.IsLoan)
        {
            w.Add($"""<p><strong>这是贷款额度，需按期归还，不是补贴。</strong></p>""");
        }

        if (a.Note is not null)
        {
            w.Add($"""<p class="muted">说明：{a.Note}</p>""");
        }

        w.Add($"""</section>""");
    }

    private static void Period(HtmlWriter w, PeriodView p) => w.Add($"""
        <section id="period"><h2>执行期</h2><p>起：{p.From ?? "文件未写"}　止：{p.Until ?? "文件未写"}</p>
        {(p.DocumentText is null ? Html.Trusted("") : Html.Trusted($"<p class=\"muted\">原文：{Html.Encode(p.DocumentText)}</p>"))}
        <p>按 {p.AsOf} 判断：<strong class="status-{p.Status}">{p.StatusText}</strong></p></section>
        """);

    private static void Limits(HtmlWriter w, LimitsView l, string asOf)
    {
        w.Add($"""<section id="limits"><h2>不能同时享受与次数限制</h2><ul>""");
        foreach (var x in l.ExclusiveWith)
        {
            w.Add($"""<li>不能与 <a href="{Fragments.MeasureLink(x.Link, asOf)}">{x.Name}</a>（{x.Id}）重复享受</li>""");
        }

        foreach (var n in l.Notices)
        {
            w.Add($"""<li>{n}</li>""");
        }

        if (l.Note is not null)
        {
            w.Add($"""<li>{l.Note}</li>""");
        }

        if (l.ExclusiveWith.Count == 0 && l.Notices.Count == 0 && l.Note is null)
        {
            w.Add($"""<li class="muted">文件未写限制。</li>""");
        }

        w.Add($"""</ul></section>""");
    }

    private static void Materials(HtmlWriter w, IReadOnlyList<MaterialView> materials)
    {
        w.Add($"""<section id="materials"><h2>申请材料</h2>""");
        if (materials.Count == 0)
        {
            w.Add($"""<p class="muted">目录未列材料，请以经办机构要求为准。</p></section>""");
            return;
        }

        w.Add($"""<table><thead><tr><th>材料</th><th>依据</th><th>说明</th></tr></thead><tbody>""");
        foreach (var x in materials)
        {
            w.Add($"""<tr><td>{x.Name}</td><td class="src-{x.Source}">{x.SourceText}</td><td>{x.Note ?? x.Description}</td></tr>""");
        }

        w.Add($"""
            </tbody></table><p class="muted">“文件明确要求”出自本文件；“由申请条件推知”是为证明某项条件通常要交的材料；
            “各地常见要求”参考外地公开做法，不是本文件或国家统一规定，请来电人以当地经办机构的清单为准。</p></section>
            """);
    }
}
