using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>"Since the previous release" and the trend in the HTML report, the release log and the summary.</summary>
public sealed class BetweenReleasesOutputTests
{
    /// <summary>The tags the two sections may hold: user text never adds one.</summary>
    private static readonly HashSet<string> SectionTags =
    [
        "section", "h2", "h3", "p", "ul", "li", "span", "b", "code", "a", "br",
        "svg", "title", "desc", "line", "text", "g", "polyline", "circle",
        "details", "summary", "table", "caption", "thead", "tbody", "tr", "th", "td",
    ];

    private static CoverageTrendEntry Entry(string version, int cards) => new()
    {
        Version = version, AsOf = "2026-11-01", Verdict = "pass", Cards = cards, Proven = cards, Manual = 0, Errors = 0, Warnings = 0, Waived = 0,
    };

    /// <summary>
    /// Against 2.4.0: INTAKE-2 added, OLD-1 retired, a test and a manual verification of INTAKE-2
    /// added, OLD-1's probe removed, a method added to Shop, and INTAKE-1's fix moved without its proof.
    /// </summary>
    private static GateResult SinceBaseline()
    {
        var baseline = Given.Baseline([Given.Fix("INTAKE-1"), Given.Test("INTAKE-1"), Given.Probe("OLD-1")], cards: ["INTAKE-1", "OLD-1"],
            api: ["class Shop.Pricing | public"]) with { Trend = [Entry("2.3.0", 1), Entry("2.4.0", 2)] };
        var release = Given.Release(ReleaseClass.Minor, cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2")], retired: ["OLD-1"]);
        var input = Given.Input(release,
            [Given.Fix("INTAKE-1", fingerprint: "sha256:moved"), Given.Test("INTAKE-1"), Given.Test("INTAKE-2", "Shop.Tests.T.Second"), Given.Manual("INTAKE-2", "2026-12-01")],
            baseline: baseline, api: ["class Shop.Pricing | public", "method Shop.Pricing.Coupon() : void | public"]);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    private static GateResult WithoutBaseline()
    {
        var input = Given.Input(Given.Release(), [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")]);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the report has no section {id}");
        return html[start..(html.IndexOf("</section>", start, StringComparison.Ordinal) + "</section>".Length)];
    }

    private static string Text(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));

    [Fact]
    public void Without_a_baseline_each_report_says_there_is_no_previous_release_and_the_trend_starts_here()
    {
        var result = WithoutBaseline();

        var html = HtmlReportWriter.Write(result);
        Assert.Contains("<p class=\"none\">No previous release to compare with: no --baseline was given.</p>", Section(html, "since-previous"), StringComparison.Ordinal);
        var trend = Section(html, "trend");
        Assert.Contains("<h2>Trend (1 release)</h2>", trend, StringComparison.Ordinal);
        Assert.Equal(TrendChart.Series.Length, Regex.Matches(trend, "<circle ").Count);
        Assert.Contains("## Since the previous release\n\nNo previous release to compare with: no --baseline was given.\n\n## Evidence", ReleaseLogWriter.Write(result), StringComparison.Ordinal);
        Assert.Equal("No previous release to compare with: no --baseline was given", SummaryWriter.Write(result).Split('\n')[3]);
    }

    [Fact]
    public void The_html_report_lists_cards_and_proofs_added_and_removed_by_card_the_api_per_assembly_and_the_suspect_proofs()
    {
        var section = Text(Section(HtmlReportWriter.Write(SinceBaseline()), "since-previous"));

        Assert.Matches(@"Compared with release 2\.4\.0 \(baseline\.json\)\.", section);
        Assert.Matches(@"Cards added \(1\)\s+INTAKE-2\s+Title of INTAKE-2", section);
        Assert.Matches(@"Cards retired \(1\)\s+OLD-1\s+Proofs added", section);
        Assert.Matches(@"Proofs added \(2\)\s+INTAKE-2\s+manual verification\s+Shop\.Pricing\.Mask .*\s+automated test\s+Shop\.Tests\.T\.Second", section);
        Assert.Matches(@"Proofs removed \(1\)\s+OLD-1\s+synthetic probe\s+Shop\.Monitoring\.Probe\s+at\s+src/Shop/Pricing\.cs:7", section);
        Assert.Matches(@"Public API \(1 assembly changed\)\s+Shop\s*: 1 added, 0 removed, 0 changed\s+added\s+method Shop\.Pricing\.Coupon\(\) : void", section);
        Assert.Matches(@"Suspect proofs \(1\)\s+error\s+RPG013 \(suspect proof\): Shop\.Pricing\.Apply changed since the baseline", section);
    }

    [Fact]
    public void The_release_log_and_the_summary_say_the_same()
    {
        var result = SinceBaseline();

        var log = ReleaseLogWriter.Write(result);
        var section = log[log.IndexOf("## Since the previous release", StringComparison.Ordinal)..log.IndexOf("## Evidence", StringComparison.Ordinal)];
        Assert.Equal(
            """
            ## Since the previous release

            Compared with release 2.4.0 (baseline.json).

            - Cards added (1):
              - INTAKE-2 Title of INTAKE-2
            - Cards retired (1):
              - OLD-1
            - Proofs added (2):
              - INTAKE-2: manual verification Shop.Pricing.Mask
              - INTAKE-2: automated test Shop.Tests.T.Second
            - Proofs removed (1):
              - OLD-1: synthetic probe Shop.Monitoring.Probe
            - Public API: 1 assembly changed
              - Shop: 1 added, 0 removed, 0 changed
                - added method Shop.Pricing.Coupon() : void
            - Suspect proofs (1):
              - error RPG013: Shop.Pricing.Apply changed since the baseline, but no proof of INTAKE-1 was added or changed: the fix moved, its proof did not


            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            section);
        Assert.Contains("\nSince release 2.4.0: 1 card added, 1 retired; 2 proofs added, 1 removed; public API changed in 1 assembly; 1 suspect proof\n", SummaryWriter.Write(result), StringComparison.Ordinal);
    }

    [Fact]
    public void The_trend_is_a_chart_of_every_release_with_a_table_of_its_figures()
    {
        var trend = Section(HtmlReportWriter.Write(SinceBaseline()), "trend");

        Assert.Contains("<h2>Trend (3 releases)</h2>", trend, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"trend-chart\" id=\"trend-chart\" viewBox=\"0 0 720 240\" role=\"img\" aria-labelledby=\"trend-chart-title trend-chart-desc\"", trend, StringComparison.Ordinal);
        Assert.Contains("<title id=\"trend-chart-title\">Trend of 3 releases, 2.3.0 to 2.4.1</title>", trend, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"trend-chart-desc\">cards 1 to 2, proven 1 to 1, manual 0 to 0, errors 0 to 1; the table below has every figure.</desc>", trend, StringComparison.Ordinal);
        Assert.Equal(TrendChart.Series.Length, Regex.Matches(trend, "<polyline ").Count);
        Assert.Equal(3 * TrendChart.Series.Length, Regex.Matches(trend, "<circle ").Count);
        Assert.Equal(["2.3.0", "2.4.0", "2.4.1"], Regex.Matches(trend, "<tr><th scope=\"row\">([^<]*)</th>").Select(m => m.Groups[1].Value));
        Assert.Contains("<tr><th scope=\"row\">2.4.1</th><td>2026-11-24</td><td>fail</td><td>2</td><td>1</td><td>0</td><td>1</td><td>0</td><td>0</td></tr>", trend, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, new[] { 0 })]
    [InlineData(8, new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData(10, new[] { 0, 2, 4, 6, 9 })]
    [InlineData(50, new[] { 0, 7, 14, 21, 28, 35, 42, 49 })]
    public void Under_the_chart_at_most_eight_releases_are_named_the_last_always(int releases, int[] named)
    {
        var trend = Enumerable.Range(0, releases).Select(i => Entry($"v{i}", i)).ToList();

        var labels = Regex.Matches(TrendChart.Svg(trend), "<text class=\"release\"[^>]*>v([0-9]+)</text>").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(named, labels);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(3, 4)]
    [InlineData(10, 10)]
    [InlineData(11, 20)]
    [InlineData(21, 50)]
    [InlineData(51, 100)]
    [InlineData(100_001, 200_000)]
    [InlineData(int.MaxValue, int.MaxValue - 1)]
    public void The_charts_scale_ends_at_an_even_round_number(int largest, int top) =>
        Assert.Equal(top, TrendChart.NiceMaximum(largest));

    [Fact]
    public void Long_lists_are_cut_with_a_pointer_to_the_coverage_manifest()
    {
        var proofs = Enumerable.Range(0, BetweenReleases.MaxListed + 50).Select(i => Given.Test("INTAKE-1", $"Shop.Tests.T.Case{i:D4}")).ToList();
        var input = Given.Input(Given.Release(), proofs, baseline: Given.Baseline([], cards: []));
        var result = new GateResult(input, Gatekeeper.Decide(input));

        var html = Section(HtmlReportWriter.Write(result), "since-previous");
        var log = ReleaseLogWriter.Write(result);

        Assert.Equal(BetweenReleases.MaxListed, Regex.Matches(html, "<b>automated test</b>").Count);
        Assert.Contains("and 50 more (the coverage manifest has them all)", html, StringComparison.Ordinal);
        Assert.Equal(BetweenReleases.MaxListed, Regex.Matches(log, "\n  - INTAKE-1: automated test").Count);
        Assert.Contains("\n  - and 50 more (the coverage manifest has them all)\n", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_names_in_the_new_sections_are_text_in_html_and_in_markdown()
    {
        var hostile = HtmlReportWriterTests.Hostile;
        var title = HtmlReportWriterTests.HostileTitle;
        var card = new Card("::warning file=x.cs,line=1::INJECTED", title, CardPriority.P1, CardReason.Regression, "alice", "bob", ["https://tracker.example/1"]);
        var baseline = Given.Baseline([Given.Probe(title)], cards: ["INTAKE-1"], api: ["class Shop.Pricing | public"]) with
        {
            Version = hostile,
            Trend = [Entry(title, 1), Entry(hostile, 2)],
        };
        var release = Given.Release(ReleaseClass.Minor, cards: [card], retired: [hostile]);
        var input = Given.Input(release, [Given.Test(card.Id) with { Display = hostile, Path = HtmlReportWriterTests.HostilePath }],
            baseline: baseline, api: ["class Shop.Pricing | public", $"method Shop.Pricing.{title}() : void | public"]);
        var result = new GateResult(input, Gatekeeper.Decide(input));

        var html = HtmlReportWriter.Write(result);
        foreach (var id in new[] { "since-previous", "trend" })
        {
            var section = Section(html, id);
            Assert.Subset(SectionTags, Regex.Matches(section, "<([a-zA-Z][a-zA-Z0-9]*)").Select(m => m.Groups[1].Value).ToHashSet());
            Assert.DoesNotMatch("<[^>]*\\son[a-z]+=", section);
            Assert.DoesNotContain("##[", section, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(3)&lt;/script&gt;", Section(html, "since-previous"), StringComparison.Ordinal);
        Assert.Contains("<text class=\"release\"", Section(html, "trend"), StringComparison.Ordinal);
        Assert.Contains("&lt;/h3&gt;&lt;img src=x onerror=alert(2)&gt;", Section(html, "trend"), StringComparison.Ordinal);

        var log = ReleaseLogWriter.Write(result);
        var md = log[log.IndexOf("## Since the previous release", StringComparison.Ordinal)..log.IndexOf("## Evidence", StringComparison.Ordinal)];
        Assert.All(md.Split('\n'), line => Assert.False(line.StartsWith("::", StringComparison.Ordinal) || line.Contains("##[", StringComparison.Ordinal) || line.Contains('\u202e'), line));
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", md, StringComparison.Ordinal);
        Assert.Contains("&lt;/h3&gt;&lt;img src=x onerror=alert(2)&gt;&lt;script&gt;alert(3)&lt;/script&gt;", md, StringComparison.Ordinal);
        Assert.Contains("\\[link\\](javascript:x)", md, StringComparison.Ordinal);
        var summary = SummaryWriter.Write(result).Split('\n')[3];
        Assert.StartsWith("Since release a|b`c d::error::x %0A <script>", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", summary, StringComparison.Ordinal);
    }
}
