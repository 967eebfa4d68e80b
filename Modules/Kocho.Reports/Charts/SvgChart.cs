using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Kocho.Reports.Charts;

/// <summary>
/// Bar and line charts drawn on the server as SVG (no script, no CDN): role="img" with a title and description for
/// screen readers, series told apart by shape as well as colour, and printable as is. The page shows the data table beside it.
/// </summary>
public static class SvgChart
{
    private const int Width = 720, Height = 300, Left = 56, Right = 16, Top = 16, Bottom = 64;
    private static readonly string[] Colors = ["#1d4f91", "#b34700", "#2e7d32", "#6a1b9a"];

    public static IHtmlContent Render(ChartData chart)
    {
        var e = HtmlEncoder.Default;
        var s = new StringBuilder();
        var max = Math.Max(1, chart.Series.SelectMany(x => x.Values).DefaultIfEmpty(0).Max());
        var scale = NiceMax(max);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var n = Math.Max(1, chart.Labels.Count);
        var step = (double)plotWidth / n;
        s.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" aria-labelledby=\"{chart.Id}-title {chart.Id}-desc\" data-testid=\"chart-{chart.Id}\" xmlns=\"http://www.w3.org/2000/svg\">");
        s.Append($"<title id=\"{chart.Id}-title\">{e.Encode(chart.Title)}</title><desc id=\"{chart.Id}-desc\">{e.Encode(chart.Description)}</desc>");
        for (var i = 0; i <= 4; i++)
        {
            var value = scale * i / 4;
            var y = Top + plotHeight - plotHeight * value / scale;
            s.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ccc\"/>");
            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">{value:0.#}</text>");
        }
        var labelEvery = Math.Max(1, (int)Math.Ceiling(n / 14.0));
        for (var i = 0; i < chart.Labels.Count; i++)
        {
            if (i % labelEvery != 0) continue;
            var x = Left + step * (i + 0.5);
            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"end\" font-size=\"11\" fill=\"#222\" transform=\"rotate(-35 {x:0.#} {Height - Bottom + 16})\">{e.Encode(Shorten(chart.Labels[i]))}</text>");
        }
        var seriesCount = Math.Max(1, chart.Series.Count);
        for (var k = 0; k < chart.Series.Count; k++)
        {
            var series = chart.Series[k];
            var color = Colors[k % Colors.Length];
            if (chart.Kind == ChartKind.Bar)
            {
                var barWidth = step * 0.8 / seriesCount;
                for (var i = 0; i < series.Values.Count && i < n; i++)
                {
                    var h = plotHeight * series.Values[i] / scale;
                    var x = Left + step * i + step * 0.1 + barWidth * k;
                    s.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{Top + plotHeight - h:0.#}\" width=\"{Math.Max(1, barWidth - 1):0.#}\" height=\"{h:0.#}\" fill=\"{color}\"{(k % 2 == 1 ? " fill-opacity=\"0.55\" stroke=\"" + color + "\"" : "")}/>");
                }
            }
            else
            {
                var points = string.Join(' ', series.Values.Take(n).Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{Left + step * (i + 0.5):0.#},{Top + plotHeight - plotHeight * v / scale:0.#}")));
                s.Append($"<polyline points=\"{points}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2.5\"{(k % 2 == 1 ? " stroke-dasharray=\"6 4\"" : "")}/>");
                for (var i = 0; i < series.Values.Count && i < n; i++)
                {
                    var (x, y) = (Left + step * (i + 0.5), Top + plotHeight - plotHeight * series.Values[i] / scale);
                    if (k % 2 == 0) s.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3.5\" fill=\"{color}\"/>");
                    else s.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x - 3.5:0.#}\" y=\"{y - 3.5:0.#}\" width=\"7\" height=\"7\" fill=\"{color}\"/>");
                }
            }
        }
        for (var k = 0; k < chart.Series.Count; k++)
        {
            var x = Left + k * 180;
            s.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{Height - 14}\" width=\"12\" height=\"12\" fill=\"{Colors[k % Colors.Length]}\"{(k % 2 == 1 ? " fill-opacity=\"0.55\"" : "")}/>");
            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 16}\" y=\"{Height - 4}\" font-size=\"12\" fill=\"#222\">{e.Encode(chart.Series[k].Name)}</text>");
        }
        s.Append("</svg>");
        return new HtmlString(s.ToString());
    }

    private static double NiceMax(double max)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var f in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (f * magnitude >= max) return f * magnitude;
        }
        return 10 * magnitude;
    }

    private static string Shorten(string label) => label.Length > 10 ? label[..9] + "…" : label;
}
