using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// The trend as an inline SVG line chart, drawn here rather than by a script: it shows without
/// script, under the report's Content-Security-Policy (no image is loaded) and in print, where the
/// series differ by dash as well as by colour. It is one image to a screen reader (its title and
/// description say what it shows); the report's table beside it has the figures.
/// </summary>
internal static class TrendChart
{
    /// <summary>The series drawn, each with its class (ReleaseReport.css) and legend.</summary>
    public static readonly (string Name, Func<CoverageTrendEntry, int> Value)[] Series =
    [
        ("cards", e => e.Cards),
        ("proven", e => e.Proven),
        ("manual", e => e.Manual),
        ("errors", e => e.Errors),
    ];

    private const int Width = 720;
    private const int Height = 240;
    private const int Left = 48;
    private const int Right = 24;
    private const int Top = 36;
    private const int Bottom = 200;

    /// <summary>At most this many release labels under the axis, so that they do not overlap.</summary>
    private const int MaxLabels = 8;

    /// <summary>A version longer than this is cut under the axis (the table has it whole).</summary>
    private const int MaxLabelLength = 14;

    public static string Svg(IReadOnlyList<CoverageTrendEntry> trend)
    {
        var svg = new StringBuilder();
        var max = NiceMaximum(trend.SelectMany(e => Series.Select(s => s.Value(e))).DefaultIfEmpty(0).Max());
        svg.Append(Invariant($"<svg class=\"trend-chart\" id=\"trend-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"trend-chart-title trend-chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append("<title id=\"trend-chart-title\">").Append(Title(trend)).Append("</title>");
        svg.Append("<desc id=\"trend-chart-desc\">").Append(Description(trend)).Append("</desc>");

        // The scale: 0, half and the top, with their values.
        foreach (var value in new[] { 0, max / 2, max }.Distinct())
        {
            var y = Y(value, max);
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\"/>"));
            svg.Append(Invariant($"<text class=\"scale\" x=\"{Left - 6}\" y=\"{y + 4}\" text-anchor=\"end\">{value}</text>"));
        }

        // Every step-th release is named, and the last; a label too close before the last is left out.
        var step = Math.Max(1, (trend.Count + MaxLabels - 1) / MaxLabels);
        for (var i = 0; i < trend.Count; i++)
        {
            if ((i % step == 0 && trend.Count - 1 - i >= step) || i == trend.Count - 1)
            {
                svg.Append(Invariant($"<text class=\"release\" x=\"{X(i, trend.Count)}\" y=\"{Bottom + 18}\" text-anchor=\"middle\">"))
                    .Append(HtmlText.Cell(trend[i].Version, MaxLabelLength)).Append("</text>");
            }
        }

        for (var s = 0; s < Series.Length; s++)
        {
            var (name, value) = Series[s];
            svg.Append("<g class=\"series s-").Append(name).Append("\">");
            var points = string.Join(" ", trend.Select((e, i) => Invariant($"{X(i, trend.Count)},{Y(value(e), max)}")));
            if (trend.Count > 1)
            {
                svg.Append("<polyline points=\"").Append(points).Append("\"/>");
            }

            for (var i = 0; i < trend.Count; i++)
            {
                svg.Append(Invariant($"<circle cx=\"{X(i, trend.Count)}\" cy=\"{Y(value(trend[i]), max)}\" r=\"3.5\"><title>"))
                    .Append(HtmlText.Encode(trend[i].Version)).Append(Invariant($": {name} {value(trend[i])}</title></circle>"));
            }

            // The legend, in the series' own colour and dash, across the top.
            var x = Left + (s * 120);
            svg.Append(Invariant($"<line class=\"key\" x1=\"{x}\" y1=\"14\" x2=\"{x + 28}\" y2=\"14\"/><text class=\"legend\" x=\"{x + 34}\" y=\"18\">{name}</text>"));
            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// The top of the scale: up to 10, the largest figure rounded up to an even number; above, to
    /// 2, 5 or 10 times a power of ten. Always even, so that the middle line is a whole number.
    /// </summary>
    public static int NiceMaximum(int largest)
    {
        if (largest <= 10)
        {
            return Math.Max(2, largest + (largest % 2));
        }

        for (long power = 10; power <= int.MaxValue; power *= 10)
        {
            foreach (var factor in new long[] { 1, 2, 5 })
            {
                if (factor * power >= largest)
                {
                    return (int)Math.Min(factor * power, int.MaxValue - 1);
                }
            }
        }

        return int.MaxValue - 1;
    }

    private static string Title(IReadOnlyList<CoverageTrendEntry> trend) =>
        trend.Count == 1
            ? $"Trend of 1 release: {HtmlText.Cell(trend[0].Version, SummaryWriter.MaxIdLength)}"
            : Invariant($"Trend of {trend.Count} releases, {HtmlText.Cell(trend[0].Version, SummaryWriter.MaxIdLength)} to {HtmlText.Cell(trend[^1].Version, SummaryWriter.MaxIdLength)}");

    /// <summary>"cards 3 to 5, proven 3 to 4, …": where each series started and where it stands.</summary>
    private static string Description(IReadOnlyList<CoverageTrendEntry> trend) =>
        trend.Count == 0
            ? string.Empty
            : string.Join(", ", Series.Select(s => trend.Count == 1
                ? Invariant($"{s.Name} {s.Value(trend[0])}")
                : Invariant($"{s.Name} {s.Value(trend[0])} to {s.Value(trend[^1])}"))) + "; the table below has every figure.";

    private static int X(int index, int count) =>
        count <= 1 ? (Left + Width - Right) / 2 : Left + (int)Math.Round((double)index * (Width - Left - Right) / (count - 1));

    private static int Y(int value, int max) =>
        Bottom - (int)Math.Round((double)Math.Clamp(value, 0, max) * (Bottom - Top) / max);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
