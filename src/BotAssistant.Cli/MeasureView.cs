using BotAssistant.Policies;

namespace BotAssistant.Cli;

/// <summary>Everything `catalog show` prints about one measure, in a shape that also serializes to JSON.</summary>
internal sealed record MeasureView(
    string Id, string Name, string Place, string Document, string Clause, string Quote, string Audience,
    string? Summary, string Period, IReadOnlyList<string> Departments, IReadOnlyList<string> Conditions,
    string Amount, string? AmountText, IReadOnlyList<string> Limits, IReadOnlyList<string> Materials)
{
    public static MeasureView Of(Measure m, Catalog catalog)
    {
        var empty = catalog.NewFacts();
        var probe = PolicyEngine.Evaluate(m, empty, m.Period.From ?? m.Document.Date ?? new DateOnly(2023, 1, 1));
        var period = $"{m.Period.From?.ToString("yyyy-MM-dd") ?? "未规定"} 至 {m.EffectiveUntil?.ToString("yyyy-MM-dd") ?? "未规定"}"
            + (m.Period.Text is null ? "" : $"（{m.Period.Text}）");
        var limits = new List<string>();
        if (m.Limits.ExclusiveWith.Count > 0)
        {
            limits.Add("不能与以下同时享受：" + string.Join("、", m.Limits.ExclusiveWith));
        }

        limits.AddRange(new[] { m.Limits.Note }.OfType<string>());
        return new MeasureView(
            m.Id, m.Name, m.Place, $"{m.Document.Number} {m.Document.Title}", m.Clause, m.Quote,
            Commands.Name(m.Audience), m.Summary, period, m.Departments,
            PolicyEngine.DescribeConditions(m), probe.Amount.Formula, m.Amount.Text, limits,
            m.Materials.Select(x => $"{catalog.Materials.GetValueOrDefault(x.Id)?.Name ?? x.Id} [{Provenance(x.Source)}]"
                + (x.Note is null ? "" : $" — {x.Note}")).ToList());
    }

    public static void Print(MeasureView v, TextWriter o)
    {
        o.WriteLine($"{v.Name} ({v.Id}) — {v.Place}，对象：{v.Audience}");
        o.WriteLine($"来源：{v.Document} {v.Clause}");
        o.WriteLine($"原文：{v.Quote}");
        if (v.Summary is not null)
        {
            o.WriteLine($"概要：{v.Summary}");
        }

        o.WriteLine($"执行期：{v.Period}");
        o.WriteLine($"部门：{string.Join("、", v.Departments)}");
        o.WriteLine("条件：");
        foreach (var c in v.Conditions)
        {
            o.WriteLine($"  - {c}");
        }

        o.WriteLine($"金额：{v.Amount}" + (v.AmountText is null ? "" : $"（原文：{v.AmountText}）"));
        foreach (var l in v.Limits)
        {
            o.WriteLine($"限制：{l}");
        }

        o.WriteLine("材料：");
        foreach (var m in v.Materials)
        {
            o.WriteLine($"  - {m}");
        }
    }

    /// <summary>Where a requirement comes from, in the words staff read it: never a local example passed off as law.</summary>
    private static string Provenance(MaterialSource source) => source switch
    {
        MaterialSource.Stated => "文件写明",
        MaterialSource.Implied => "由条件推出",
        _ => "各地常见要求，并非本文件规定",
    };
}
