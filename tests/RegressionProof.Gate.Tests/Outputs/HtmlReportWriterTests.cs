using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>release-report.html: one self-contained page, user text as text, links only to http(s).</summary>
public sealed class HtmlReportWriterTests
{
    /// <summary>The hostile strings of the gate's other output tests, and markup aimed at HTML itself.</summary>
    public const string Hostile = "a|b`c\nd::error::x %0A <script>alert(1)</script> \u001b[31mred\u001b[0m [link](javascript:x) *bold* # h";

    public const string HostileTitle = "##[error]X ##vso[task.setvariable variable=X]1 </h3><img src=x onerror=alert(2)><script>alert(3)</script>\"'";

    public const string HostileOwner = "mallory \u009b31m \u202eevil\u202c \u2066iso\u2069 \u200f\u061c \" onmouseover=\"alert(4)";

    public const string HostilePath = "src/x\n# PASS <script>alert(1)</script> ::error::boom.cs";

    /// <summary>A failing release whose one card carries hostile text everywhere a user can write it.</summary>
    internal static GateResult HostileResult(SourceLinks? links = null)
    {
        var card = new Card("::warning file=x.cs,line=1::INJECTED", HostileTitle, CardPriority.P1, CardReason.Regression, HostileOwner, "bob",
            ["https://tracker.example/1?a=1&b=2", "javascript:alert(1)", "file:///etc/passwd", Hostile]);
        var release = Given.Release(cards: [card], approvals: [new Approval("release-captain", "<b>dana</b>")], rollback: new Rollback(Hostile, Tested: true, StagedRollout: false));
        var links2 = new[]
        {
            Given.Fix(card.Id) with { Display = Hostile, Symbol = "M:\"><script>alert(5)</script>", Path = HostilePath },
            Given.Manual(card.Id, "2026-12-01") with { Steps = Hostile, Display = Hostile, Evidence = "javascript:alert(6)" },
            Given.Fix("OLD-9") with { Display = Hostile, Path = "../../etc/passwd" },
        };
        var input = Given.Input(release, links2);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    private static GateResult Result(ReleaseFile release, IReadOnlyList<ManifestLink> links, TestResults? tests = null)
    {
        var input = Given.Input(release, links, tests: tests);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    [Fact]
    public void The_page_is_one_self_contained_document_whose_policy_allows_only_its_own_style_and_script()
    {
        var html = HtmlReportWriter.Write(HostileResult());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        var policy = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").Groups[1].Value;
        Assert.StartsWith("default-src 'none'; ", policy, StringComparison.Ordinal);
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"style-src '{Sha256(style)}'", policy, StringComparison.Ordinal);
        Assert.Contains($"script-src '{Sha256(script)}'", policy, StringComparison.Ordinal);

        // Nothing is loaded from anywhere: no src, no stylesheet link, no @import or url() in the style.
        Assert.Single(Regex.Matches(html, "<script"));
        Assert.Single(Regex.Matches(html, "<style"));
        Assert.DoesNotMatch("<[a-z]+ [^>]*\\bsrc=", html);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", style, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", style, StringComparison.Ordinal);
    }

    [Fact]
    public void Above_the_fold_come_the_verdict_the_release_and_the_counts()
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2"), Given.Card("INTAKE-3")]);
        var result = Result(release, [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1"), Given.Test("INTAKE-2"), Given.Test("INTAKE-2", "Shop.Tests.T.Other")]);

        var html = HtmlReportWriter.Write(result);

        var header = html[html.IndexOf("<header", StringComparison.Ordinal)..html.IndexOf("</header>", StringComparison.Ordinal)];
        Assert.Contains("<h1 class=\"verdict\" id=\"verdict\"><span class=\"word\">FAIL</span>: release 2.4.1 fails the gate</h1>", header, StringComparison.Ordinal);
        Assert.Contains("<dt>Version</dt><dd>2.4.1</dd>", header, StringComparison.Ordinal);
        Assert.Contains("<dt>Class</dt><dd>patch</dd>", header, StringComparison.Ordinal);
        Assert.Contains("<dt>Lane</dt><dd>standard</dd>", header, StringComparison.Ordinal);
        Assert.Contains("<dt>As of</dt><dd>2026-11-24</dd>", header, StringComparison.Ordinal);
        Assert.Contains("<dt>Baseline used</dt><dd>none: no --baseline was given", header, StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, string> { ["cards"] = "3", ["proven"] = "2", ["failing"] = "0", ["unproven"] = "1", ["errors"] = "1", ["warnings"] = "0", ["fixes"] = "1", ["proofs"] = "3" },
            Regex.Matches(header, "<li data-count=\"([a-z-]+)\"><b>([0-9]+)</b>").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value));
    }

    [Fact]
    public void The_baseline_used_is_named_by_its_release_and_file()
    {
        var input = Given.Input(Given.Release(), [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")], baseline: Given.Baseline([]) with { Path = "/home/ci/previous/coverage-manifest.json" });

        var html = HtmlReportWriter.Write(new GateResult(input, Gatekeeper.Decide(input)));

        Assert.Contains("<dt>Baseline used</dt><dd>release 2.4.0 (coverage-manifest.json)</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/home/ci", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_card_is_one_entry_with_its_status_owner_evidence_fixes_proofs_and_findings()
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2")]);
        var result = Result(release, [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1"), Given.Probe("INTAKE-1") with { Name = "checkout-total" }, Given.Fix("INTAKE-2")]);

        var html = HtmlReportWriter.Write(result);

        var cards = Regex.Matches(html, "<article class=\"card\" id=\"card-([0-9]+)\" data-status=\"([a-z]+)\">(.*?)</article>", RegexOptions.Singleline).ToList();
        Assert.Equal(["1:proven", "2:unproven"], cards.Select(c => c.Groups[1].Value + ":" + c.Groups[2].Value));
        var first = cards[0].Groups[3].Value;
        Assert.Contains("<span class=\"mono\">INTAKE-1</span> Title of INTAKE-1 <span class=\"status proven\">proven</span>", first, StringComparison.Ordinal);
        Assert.Contains("priority P1, reason regression; owner alice, backup bob", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://tracker.example/INTAKE-1\" rel=\"noopener noreferrer\">https://tracker.example/INTAKE-1</a>", first, StringComparison.Ordinal);
        Assert.Contains("<h4>Fixes (1)</h4>", first, StringComparison.Ordinal);
        Assert.Contains("<code title=\"M:Shop.Pricing.Apply\">Shop.Pricing.Apply</code> at <span class=\"mono\">src/Shop/Pricing.cs:7</span>", first, StringComparison.Ordinal);
        Assert.Contains("<b>automated test</b>", first, StringComparison.Ordinal);
        Assert.Contains("<b>synthetic probe</b>", first, StringComparison.Ordinal);
        Assert.Contains("signal error; probe checkout-total", first, StringComparison.Ordinal);
        Assert.Contains("<h4>Findings (0)</h4>", first, StringComparison.Ordinal);
        var second = cards[1].Groups[3].Value;
        Assert.Contains("<p class=\"none\">no proof names this card</p>", second, StringComparison.Ordinal);
        Assert.Matches("<li><span class=\"level-error\">error</span> RPG003 \\(regression proof\\): [^<]*INTAKE-2[^<]*\\. Fix: ", second);
    }

    [Fact]
    public void Each_test_proof_shows_its_results_in_plain_words_with_the_result_file()
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2"), Given.Card("INTAKE-3"), Given.Card("INTAKE-4")]);
        var tests = TestResults.From(
        [
            new TestOutcome("Shop.Tests.A.Passes", "Shop.Tests.A.Passes(x: 1)", "Passed", "results/a.trx"),
            new TestOutcome("Shop.Tests.A.Fails", "Fails", "Failed", "results/a.trx"),
            new TestOutcome("Shop.Tests.A.Skipped", "Skipped", "NotExecuted", "results/b.trx"),
        ]);
        var result = Result(release,
            [Given.Test("INTAKE-1", "Shop.Tests.A.Passes"), Given.Test("INTAKE-2", "Shop.Tests.A.Fails"), Given.Test("INTAKE-3", "Shop.Tests.A.Skipped"), Given.Test("INTAKE-4", "Shop.Tests.A.Missing")],
            tests);

        var html = HtmlReportWriter.Write(result);

        Assert.Contains("<li><span class=\"result-passed\">passed</span> <code>Shop.Tests.A.Passes(x: 1)</code> (Passed in <span class=\"mono\">results/a.trx</span>)</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><span class=\"result-failed\">failed</span> <code>Shop.Tests.A.Fails</code> (Failed in <span class=\"mono\">results/a.trx</span>)</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><span class=\"result-skipped\">skipped</span> <code>Shop.Tests.A.Skipped</code> (NotExecuted in <span class=\"mono\">results/b.trx</span>)</li>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"result-did-not-run\">did not run</span>: no result for this test in the test results", html, StringComparison.Ordinal);
        Assert.Contains("<li data-count=\"test-results\"><b>3</b> test results from 2 files</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_about_no_card_of_the_release_have_their_own_section()
    {
        var result = Result(Given.Release(approvals: [], rollback: new Rollback(null, Tested: false, StagedRollout: false)), [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1"), Given.Fix("OLD-1")]);

        var html = HtmlReportWriter.Write(result);

        var section = Regex.Match(html, "<section id=\"release-findings\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("RPG005 (approvals)", section, StringComparison.Ordinal);
        Assert.Contains("RPG006 (rollback)", section, StringComparison.Ordinal);
        Assert.Contains("OLD-1", section, StringComparison.Ordinal);
        Assert.Equal(result.Findings.Count(f => f.Card is null || f.Card == "OLD-1"), Regex.Matches(section, "<li>").Count);
        var approvals = Regex.Match(html, "<section id=\"approvals\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<li>release-captain: <span class=\"level-error\">missing</span></li>", approvals, StringComparison.Ordinal);
        Assert.Contains("Rollback plan: <span class=\"level-error\">none</span>. Tested: no. Staged rollout: no.", approvals, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_user_text_is_encoded_everywhere_and_never_becomes_markup()
    {
        var html = HtmlReportWriter.Write(HostileResult());

        // The page's own elements only: one script, no img, no attribute a user wrote.
        Assert.Single(Regex.Matches(html, "<script"));
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>dana</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror=alert", html.Replace("&lt;img src=x onerror=alert(2)&gt;", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotMatch("onmouseover=\"", html);
        Assert.Contains("&lt;/h3&gt;&lt;img src=x onerror=alert(2)&gt;&lt;script&gt;alert(3)&lt;/script&gt;&quot;&#39;", html, StringComparison.Ordinal);
        Assert.Contains("<code title=\"M:&quot;&gt;&lt;script&gt;alert(5)&lt;/script&gt;\">", html, StringComparison.Ordinal);

        // What the other formats guarantee holds here too: no CI log command, control or bidi
        // character from user text, and no line that starts with user text.
        foreach (var line in html.Split('\n'))
        {
            Assert.False(line.StartsWith("::", StringComparison.Ordinal), line);
            Assert.DoesNotContain("##[", line, StringComparison.Ordinal);
            Assert.DoesNotContain("##vso[", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("[\u0000-\u0008\u000b-\u001f\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\r]", line);
        }

        Assert.Contains("\\u0023#[error]X \\u0023#vso[task.setvariable variable=X]1", html, StringComparison.Ordinal);
        Assert.Contains("mallory \\u009B31m \\u202Eevil\\u202C", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_http_and_https_links_become_links_and_others_are_shown_as_text()
    {
        var html = HtmlReportWriter.Write(HostileResult());

        Assert.Equal(["https://tracker.example/1?a=1&amp;b=2"], Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("<li>javascript:alert(1)</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>file:///etc/passwd</li>", html, StringComparison.Ordinal);
        Assert.Contains("evidence javascript:alert(6)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_source_url_template_each_fix_and_proof_links_to_its_line_and_paths_outside_the_repository_stay_text()
    {
        var links = SourceLinks.From("https://github.com/o/r/blob/{commit}/{path}#L{line}", _ => null, () => "0123456789abcdef0123456789abcdef01234567");
        var release = Given.Release();
        var result = Result(release, [Given.Fix("INTAKE-1") with { Path = "src/My Shop/Pricing#1.cs" }, Given.Test("INTAKE-1"), Given.Fix("OLD-1") with { Path = "../../etc/passwd" }]);

        var html = HtmlReportWriter.Write(result, links);

        Assert.Contains(
            "<a href=\"https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/src/My%20Shop/Pricing%231.cs#L7\" rel=\"noopener noreferrer\">src/My Shop/Pricing#1.cs:7</a>",
            html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/src/Shop/Pricing.cs#L7\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("etc/passwd#L", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/../", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_proof_kind_has_plain_words_and_every_result_status_a_word()
    {
        var proofKinds = LinkKinds.All.Where(LinkKinds.IsProof).ToList();

        Assert.Equal(
            ["automated test", "automated migration test", "synthetic probe", "recurrence alert", "dashboard panel", "manual verification"],
            proofKinds.Select(ProofWords.Kind));
        Assert.Equal(["passed", "failed", "skipped", "did not run"], Enum.GetValues<TestStatus>().Select(ProofWords.Result));
    }

    [Theory]
    [InlineData("Shop.Tests.A.M", "Shop.Tests.A.M(x: 1)", "Shop.Tests.A.M(x: 1)")] // xunit
    [InlineData("Shop.Tests.A.M", "M(1)", "Shop.Tests.A.M(1)")] // NUnit
    [InlineData("Shop.Tests.A.M", "M (1)", "Shop.Tests.A.M(1)")] // MSTest
    [InlineData("Shop.Tests.A.M", "M", "Shop.Tests.A.M")]
    public void A_test_result_is_named_in_one_form_whatever_the_framework(string test, string display, string expected) =>
        Assert.Equal(expected, ProofWords.TestName(new TestOutcome(test, display, "Passed", "r.trx")));

    [Fact]
    public void The_page_is_byte_identical_for_the_same_inputs_and_the_streamed_file_matches()
    {
        var first = HtmlReportWriter.Write(HostileResult());
        using var stream = new MemoryStream();
        HtmlReportWriter.WriteTo(stream, HostileResult(), null);

        Assert.Equal(first, HtmlReportWriter.Write(HostileResult()));
        Assert.Equal(Encoding.UTF8.GetBytes(first), stream.ToArray());
    }

    private static string Sha256(string text) =>
        "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
