using System.Globalization;
using System.Text;

namespace MailCatcher.SoakBench;

/// <summary>A dependency-free SVG of the soak: resident memory on top, SMTP p99 and hub p99 latency below, both over time.</summary>
internal static class SoakPlot
{
    private const int Width = 800;
    private const int PanelHeight = 220;
    private const int Left = 60;
    private const int Right = 20;

    public static string Draw(IReadOnlyList<SoakSample> rows, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{PanelHeight * 2 + 80}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<text x=\"{Left}\" y=\"20\" font-size=\"14\">MailCatcher soak: {Escape(title)}</text>\n");
        var seconds = rows.Count == 0 ? 1 : Math.Max(1, rows[^1].Seconds);
        Panel(svg, rows, 40, seconds, "resident memory (MB)", [("RSS", "#1f77b4", r => r.ResidentMegabytes), ("database + WAL", "#999999", r => r.DatabaseMegabytes)]);
        Panel(svg, rows, 60 + PanelHeight, seconds, "latency (ms)", [("SMTP 250 p99", "#d62728", r => SoakSample.Percentile(r.Smtp, 0.99)), ("hub push p99", "#2ca02c", r => SoakSample.Percentile(r.Hub, 0.99)), ("API page p50", "#9467bd", r => SoakSample.Percentile(r.Api, 0.5))]);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, IReadOnlyList<SoakSample> rows, int top, double seconds, string label, (string Name, string Color, Func<SoakSample, double> Value)[] series)
    {
        var bottom = top + PanelHeight - 30;
        var max = series.SelectMany(s => rows.Select(s.Value)).Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.1;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{bottom}\" x2=\"{Width - Right}\" y2=\"{bottom}\" stroke=\"black\"/><line x1=\"{Left}\" y1=\"{top}\" x2=\"{Left}\" y2=\"{bottom}\" stroke=\"black\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 5}\" y=\"{top + 12}\">{Escape(label)}, 0 to {max:N0}; time 0 to {seconds / 60:N1} min</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 5}\" y=\"{top + 4}\" text-anchor=\"end\">{max:N0}</text><text x=\"{Left - 5}\" y=\"{bottom}\" text-anchor=\"end\">0</text>\n");
        for (var s = 0; s < series.Length; s++)
        {
            var points = rows.Where(r => double.IsFinite(series[s].Value(r)))
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{Left + (Width - Left - Right) * r.Seconds / seconds:F1},{bottom - (bottom - top) * series[s].Value(r) / max:F1}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{series[s].Color}\" stroke-width=\"1.5\" points=\"{string.Join(' ', points)}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right - 150}\" y=\"{top + 14 + 14 * s}\" fill=\"{series[s].Color}\">{Escape(series[s].Name)}</text>\n");
        }
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
