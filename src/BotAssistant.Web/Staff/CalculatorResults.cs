using BotAssistant.Web.CatalogApi;

namespace BotAssistant.Web.Staff;

/// <summary>The engine's verdict per measure: status, amount and formula, what is still unknown, why not, what would change it.</summary>
internal static class CalculatorResults
{
    public static void Render(HtmlWriter w, EvaluationView result)
    {
        var eligible = result.Results.Count(r => r.Status == "eligible" && r.ExcludedBy is null);
        var open = result.Results.Count(r => r.Status == "undetermined");
        w.Add($"""<section id="result"><h2>结果（按 {result.AsOf} 判断）</h2><p>符合 {eligible} 项，尚待确认 {open} 项，共 {result.Results.Count} 项。</p>""");
        if (result.Facts.Count > 0)
        {
            w.Add($"""<p class="muted">已知：{string.Join("；", result.Facts.Select(f => f.Label + "：" + f.Display))}</p>""");
        }

        foreach (var r in result.Results)
        {
            One(w, r, result.AsOf);
        }

        if (result.Exclusions.Count > 0 || result.Limits.Count > 0)
        {
            w.Add($"""<h2>不能重复享受与次数限制</h2><ul>""");
            foreach (var text in result.Exclusions.Concat(result.Limits))
            {
                w.Add($"""<li>{text}</li>""");
            }

            w.Add($"""</ul>""");
        }

        w.Add($"""</section>""");
    }

    private static void One(HtmlWriter w, EvaluationResultView r, string asOf)
    {
        w.Add($"""
            <div class="card result" data-id="{r.Measure.Id}" data-status="{r.Status}">
            <strong><a href="{Fragments.MeasureLink(r.Measure.Link, asOf)}">{r.Measure.Place} {r.Measure.Name}</a></strong>
            <span class="badge status-{r.Status}">{r.StatusText}</span><br>
            金额：<span class="formula">{r.Amount.Formula}</span><br>执行期：
            """);
        Fragments.Period(w, r.Measure.Period);
        w.Add($"""<span class="muted">　{r.Measure.DocumentNumber} {r.Measure.Clause}</span>""");
        if (r.Missing.Count > 0)
        {
            w.Add($"""<br>还需了解：{string.Join("、", r.Missing.Select(m => m.Label))}""");
        }

        foreach (var f in r.Failed)
        {
            w.Add($"""<br>不满足：{f.Condition}{(f.Actual is null ? "" : $"（{f.Actual}）")}""");
        }

        if (r.WhatIf is not null)
        {
            w.Add($"""<br><span class="muted">{r.WhatIf}</span>""");
        }

        w.Add($"""</div>""");
    }
}
