using System.Globalization;

namespace BotAssistant.Web.Staff;

public sealed record Bar(string Group, string Label, decimal Value, string Text);

/// <summary>A horizontal bar chart as inline SVG: no script, prints as vectors, works on any office browser.</summary>
internal static class BarChart
{
    private const int LabelWidth = 300;
    private const int BarArea = 420;
    private const int ValueWidth = 200;
    private const int Row = 30;
    private static readonly string[] Colors = ["#0b5cad", "#1d7a3a", "#a15c00", "#7b3fa0", "#b3261e"];

    public static void Render(HtmlWriter w, IReadOnlyList<Bar> bars, IReadOnlyList<string> groups, string title)
    {
        if (bars.Count == 0)
        {
            return;
        }

        var max = bars.Max(b => b.Value);
        var width = LabelWidth + BarArea + ValueWidth;
        var height = bars.Count * Row + 10;
        w.Add($"""<svg class="chart" role="img" aria-label="{title}" viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg"><title>{title}</title>""");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = 5 + i * Row;
            var length = max == 0 ? 0 : (double)(b.Value / max) * BarArea;
            var color = Colors[Math.Max(0, groups.ToList().IndexOf(b.Group)) % Colors.Length];
            w.Add($"""
                <g class="bar" data-value="{b.Value}"><text x="{LabelWidth - 8}" y="{F(y + Row / 2.0 + 5)}" text-anchor="end" font-size="13">{b.Group} · {Shorten(b.Label)}</text>
                <rect x="{LabelWidth}" y="{y + 4}" width="{F(Math.Max(length, 1))}" height="{Row - 10}" fill="{color}" rx="2"></rect>
                <text x="{F(LabelWidth + length + 6)}" y="{F(y + Row / 2.0 + 5)}" font-size="13">{b.Text}</text></g>
                """);
        }

        w.Add($"""</svg>""");
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Shorten(string s) => s.Length <= 16 ? s : s[..15] + "…";
}
