using BotAssistant.Web.CatalogApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BotAssistant.Web.Staff;

/// <summary>The frame of every staff page: navigation, the as-of date, styles for screen and for print.</summary>
public static class StaffLayout
{
    public const string Root = "/staff";

    private const string Css = """
        :root { --ink:#1a1a1a; --muted:#5b6470; --line:#d5dae1; --accent:#0b5cad; --ok:#1d7a3a; --warn:#a15c00; --bad:#b3261e; }
        * { box-sizing: border-box; }
        body { margin:0; font: 15px/1.6 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif; color:var(--ink); background:#f6f7f9; }
        header { background:#fff; border-bottom:1px solid var(--line); padding:.5rem 1rem; display:flex; flex-wrap:wrap; gap:1rem; align-items:center; }
        header .brand { font-weight:700; color:var(--accent); text-decoration:none; }
        nav a { margin-right:.9rem; color:var(--ink); text-decoration:none; }
        nav a.here { font-weight:700; border-bottom:2px solid var(--accent); }
        header form { margin-left:auto; }
        main { max-width:1100px; margin:0 auto; padding:1rem; }
        h1 { font-size:1.4rem; margin:.4rem 0 .8rem; } h2 { font-size:1.1rem; margin:1.2rem 0 .4rem; border-left:4px solid var(--accent); padding-left:.5rem; }
        section, .card { background:#fff; border:1px solid var(--line); border-radius:6px; padding:.8rem 1rem; margin-bottom:1rem; }
        table { border-collapse:collapse; width:100%; background:#fff; } th, td { border:1px solid var(--line); padding:.4rem .5rem; text-align:left; vertical-align:top; }
        th { background:#eef1f5; font-weight:600; }
        .muted { color:var(--muted); font-size:.9em; } .figure { font-weight:700; font-size:1.05em; }
        .big { font-size:1.6rem; font-weight:700; } .formula { font-family: ui-monospace,Consolas,monospace; background:#f1f4f8; padding:.1rem .3rem; border-radius:3px; }
        .status-inForce, .status-eligible { color:var(--ok); } .status-ended, .status-notEligible { color:var(--bad); } .status-notYet, .status-undetermined { color:var(--warn); }
        .badge { display:inline-block; border:1px solid currentColor; border-radius:3px; padding:0 .35rem; font-size:.85em; }
        blockquote { margin:.3rem 0; padding:.5rem .8rem; background:#fbfaf5; border-left:4px solid #c9b458; }
        input, select, button { font:inherit; padding:.25rem .4rem; } input[type=search] { width:min(36rem,100%); }
        button, .button { background:var(--accent); color:#fff; border:0; border-radius:4px; padding:.3rem .8rem; cursor:pointer; text-decoration:none; }
        .fields { display:grid; grid-template-columns: repeat(auto-fill, minmax(320px,1fr)); gap:.5rem 1rem; }
        .fields label { display:block; } .fields .name { display:block; font-size:.9em; }
        .error { background:#fdecea; border:1px solid var(--bad); color:var(--bad); padding:.5rem .8rem; border-radius:4px; }
        .compare .formula { font-family:inherit; background:none; padding:0; color:var(--muted); font-size:.9em; }
        .src-stated { color:var(--ok); } .src-implied { color:var(--accent); } .src-common { color:var(--warn); }
        ul { margin:.2rem 0; padding-left:1.3rem; }
        @media print {
          header nav, header form, form, .no-print, button { display:none !important; }
          body { background:#fff; font-size:11pt; } main { max-width:none; padding:0; }
          section, .card { border:0; padding:0; margin-bottom:.6rem; page-break-inside:avoid; }
          a { color:var(--ink); text-decoration:none; } .print-url { display:block !important; }
          th { background:#eee !important; -webkit-print-color-adjust:exact; print-color-adjust:exact; }
        }
        .print-url { display:none; }
        """;

    public static ContentHttpResult Page(HttpRequest request, string title, string nav, DateOnly asOf, HtmlWriter body, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        var w = new HtmlWriter();
        w.Add($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,"><title>{title} · 就业补贴政策查询（热线工作台）</title><style>{Html.Trusted(Css)}</style></head>
            <body><header><a class="brand" href="{Root}">就业补贴政策查询</a><nav>
            """);
        foreach (var (key, label, href) in new[] { ("search", "检索", Root), ("compare", "五地对比", Root + "/compare"), ("calculator", "计算器", Root + "/calculator") })
        {
            w.Add($"""<a href="{Html.Url(href, ("asOf", request.Query["asOf"].ToString()))}" class="{(key == nav ? "here" : "")}">{label}</a>""");
        }

        w.Add($"""<a href="/api/catalog/openapi.json">API</a></nav>""");
        AsOfForm(w, request, asOf);
        w.Add($"""</header><main>""").Add(Html.Trusted(body.ToString()));
        w.Add($"""<p class="muted">依据文件原文整理，金额和条件以经办机构审核为准；政策咨询可拨打12333。判断日期：{AsOfDate.Format(asOf)}</p></main></body></html>""");
        return TypedResults.Content(w.ToString(), "text/html", System.Text.Encoding.UTF8, status);
    }

    /// <summary>A refusal as a page: bad dates, unknown ids and bad answers get 400/404, never a server error.</summary>
    public static ContentHttpResult Error(HttpRequest request, string nav, DateOnly asOf, int status, string message)
    {
        var body = new HtmlWriter().Add($"""<h1>{(status == 404 ? "未找到" : "输入有误")}</h1><p class="error" role="alert">{message}</p><p><a href="{Root}">返回检索</a></p>""");
        return Page(request, status == 404 ? "未找到" : "输入有误", nav, asOf, body, status);
    }

    /// <summary>Changing the date keeps every other parameter of the page, so a measure or calculation is re-judged in place.</summary>
    private static void AsOfForm(HtmlWriter w, HttpRequest request, DateOnly asOf)
    {
        w.Add($"""<form method="get" action="{request.PathBase}{request.Path}"><label>判断日期 <input type="date" name="asOf" value="{AsOfDate.Format(asOf)}"></label> """);
        foreach (var (key, values) in request.Query.Where(q => q.Key != "asOf"))
        {
            foreach (var value in values)
            {
                w.Add($"""<input type="hidden" name="{key}" value="{value}">""");
            }
        }

        w.Add($"""<button type="submit">更新</button></form>""");
    }
}
