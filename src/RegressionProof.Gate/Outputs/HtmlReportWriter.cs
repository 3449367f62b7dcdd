using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// <c>release-report.html</c>, the release captain's view: one self-contained page (its style and
/// script inline, allowed by hash in a Content-Security-Policy that loads nothing else) that opens
/// from disk or as a CI artifact, reads on a phone and prints. Above the fold the verdict, the
/// release and the counts; then one entry per card with its evidence, fixes, proofs, test results
/// and findings; then the findings about no card of the release, what changed since the previous
/// release and the trend (HtmlReportWriter.BetweenReleases.cs), the approvals and the rollback
/// plan. Every user text goes through <see cref="HtmlText"/>; only http(s) URLs become links.
/// </summary>
internal sealed partial class HtmlReportWriter
{
    /// <summary>The statuses a card can have, in the order the filter offers them.</summary>
    public static readonly string[] Statuses = ["failing", "unproven", "proven"];

    private readonly GateResult _result;
    private readonly SourceLinks? _links;
    private readonly TextWriter _html;
    private readonly ILookup<string, Finding> _findingsByCard;

    private HtmlReportWriter(GateResult result, SourceLinks? links, TextWriter html)
    {
        _result = result;
        _links = links;
        _html = html;
        _findingsByCard = result.Findings.Where(f => f.Card is not null).ToLookup(f => f.Card!, StringComparer.Ordinal);
    }

    private GateInput Input => _result.Input;

    public static string Write(GateResult result, SourceLinks? links = null)
    {
        using var html = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new HtmlReportWriter(result, links, html).Page();
        return html.ToString();
    }

    /// <summary>Streams the page: a release of 100,000 cards is never held whole in memory.</summary>
    public static void WriteTo(Stream stream, GateResult result, SourceLinks? links)
    {
        using var html = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        new HtmlReportWriter(result, links, html).Page();
    }

    private void Page()
    {
        var verdict = _result.Passed ? "PASS" : "FAIL";
        W("<!DOCTYPE html>");
        W("<html lang=\"en\">");
        W("<head>");
        W("<meta charset=\"utf-8\">");
        W("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        W($"<meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlAssets.ContentSecurityPolicy}\">");
        W($"<title>{verdict}: release {HtmlText.Cell(Input.Release.Version, SummaryWriter.MaxIdLength)} (verify-regression-safety)</title>");
        _html.Write("<style>");
        _html.Write(HtmlAssets.Style);
        W("</style>");
        W("</head>");
        W("<body>");

        // The sections in reading order; each stands on its own.
        Header(verdict);
        Filters();
        W("<main>");
        Cards();
        FindingsWithoutCard();
        SinceThePreviousRelease();
        Trend();
        ApprovalsAndRollback();
        W("</main>");
        W("<footer>Written by verify-regression-safety. The page loads nothing from the network; the filter and search need its inline script, and every card is shown without it.</footer>");

        _html.Write("<script>");
        _html.Write(HtmlAssets.Script);
        W("</script>");
        W("</body>");
        W("</html>");
        _html.Flush();
    }

    private void Header(string verdict)
    {
        var release = Input.Release;
        var counts = ReportCounts.Of(_result);
        W($"<header class=\"{(_result.Passed ? "pass" : "fail")}\"><div class=\"inner\">");
        W($"<h1 class=\"verdict\" id=\"verdict\"><span class=\"word\">{verdict}</span>: release {HtmlText.Cell(release.Version, SummaryWriter.MaxIdLength)} {(_result.Passed ? "passes" : "fails")} the gate</h1>");
        W("<dl class=\"release\">");
        W($"<dt>Version</dt><dd>{HtmlText.Encode(release.Version)}</dd>");
        W($"<dt>Class</dt><dd>{WireNames.Of(release.Class)}</dd>");
        W($"<dt>Lane</dt><dd>{WireNames.Of(release.Lane)}</dd>");
        W($"<dt>As of</dt><dd>{Input.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</dd>");
        W($"<dt>Baseline used</dt><dd>{HtmlText.Encode(ReleaseFacts.BaselineUsed(Input) ?? ReleaseFacts.NoBaseline)}</dd>");
        if (ScopeCheck.Describe(Input) is { } scope)
        {
            W($"<dt>Scope</dt><dd id=\"scope\">{HtmlText.Encode(scope["Scope: ".Length..])}</dd>");
        }

        W("</dl>");
        W("<ul class=\"counts\" id=\"counts\">");
        Count("cards", counts.Cards, "cards");
        Count("proven", counts.Proven, "proven");
        Count("failing", counts.Failing, "failing");
        Count("unproven", counts.Unproven, "unproven");
        Count("errors", counts.Errors, "errors");
        Count("warnings", counts.Warnings, "warnings");
        Count("fixes", Input.Fixes.Count, "fixes");
        Count("proofs", Input.Links.Count - Input.Fixes.Count, "proofs");
        if (Input.TestResults is { } tests)
        {
            Count("test-results", tests.All.Count, $"test results from {tests.Files.Count} files");
        }

        W("</ul>");
        W("</div></header>");
    }

    private void Count(string name, int value, string label) =>
        W($"<li data-count=\"{name}\"><b>{value.ToString(CultureInfo.InvariantCulture)}</b> {label}</li>");

    /// <summary>Hidden until the script shows it: without the script there is nothing to filter, and every card shows.</summary>
    private void Filters()
    {
        W("<nav id=\"filters\" hidden><div class=\"inner\">");
        W("<fieldset><legend>Status</legend>");
        W("<label><input type=\"radio\" name=\"status\" value=\"all\" checked> all</label>");
        foreach (var status in Statuses)
        {
            W($"<label><input type=\"radio\" name=\"status\" value=\"{status}\"> {status}</label>");
        }

        W("</fieldset>");
        W("<input type=\"search\" id=\"search\" placeholder=\"Search cards\" aria-label=\"Search cards\">");
        W("<span id=\"shown\" aria-live=\"polite\"></span>");
        W("</div></nav>");
    }

    private void Cards()
    {
        W("<section id=\"cards\">");
        W($"<h2>Cards ({_result.Cards.Count.ToString(CultureInfo.InvariantCulture)})</h2>");
        if (_result.Cards.Count == 0)
        {
            W("<p class=\"none\">The release file lists no card.</p>");
        }

        for (var i = 0; i < _result.Cards.Count; i++)
        {
            Card(_result.Cards[i], i + 1);
        }

        W("</section>");
    }

    private void Card(CardStatus status, int number)
    {
        var card = status.Card;
        W($"<article class=\"card\" id=\"card-{number.ToString(CultureInfo.InvariantCulture)}\" data-status=\"{status.Status}\">");
        W($"<h3><span class=\"mono\">{HtmlText.Encode(card.Id)}</span> {HtmlText.Encode(card.Title)} <span class=\"status {status.Status}\">{status.Status}</span></h3>");
        W($"<p class=\"meta\">priority {(card.Priority is { } priority ? WireNames.Of(priority) : "not set")}, reason {(card.Reason is { } reason ? WireNames.Of(reason) : "not set")}; owner {Person(card.Owner)}, backup {Person(card.Backup)}</p>");

        W("<h4>Evidence</h4>");
        Items(card.Evidence, evidence => HtmlText.Link(evidence, evidence), "no evidence link");

        var fixes = Input.FixesOf(card.Id).ToList();
        W($"<h4>Fixes ({fixes.Count.ToString(CultureInfo.InvariantCulture)})</h4>");
        Items(fixes, fix => $"{Symbol(fix)} at {Source(fix.Path, fix.Line, fix.Column)}", "no [Fixes] names this card");

        W($"<h4>Proofs ({status.Proofs.Count.ToString(CultureInfo.InvariantCulture)})</h4>");
        Items(status.Proofs, Proof, "no proof names this card");

        var findings = _findingsByCard[card.Id].ToList();
        W($"<h4>Findings ({findings.Count.ToString(CultureInfo.InvariantCulture)})</h4>");
        Items(findings, FindingText, "none");
        W("</article>");
    }

    private static string Person(string? name) => string.IsNullOrWhiteSpace(name) ? "not set" : HtmlText.Encode(name);

    private static string Symbol(ManifestLink link) =>
        $"<code title=\"{HtmlText.Encode(link.Symbol)}\">{HtmlText.Encode(link.Display)}</code>";

    /// <summary>file:line or file:line:column, a link to the source line when a repository URL is known.</summary>
    private string Source(string path, int line, int? column = null)
    {
        var text = line < 1 ? path
            : column is >= 1 ? $"{path}:{line.ToString(CultureInfo.InvariantCulture)}:{column.Value.ToString(CultureInfo.InvariantCulture)}"
            : $"{path}:{line.ToString(CultureInfo.InvariantCulture)}";
        return $"<span class=\"mono\">{HtmlText.Link(_links?.UrlOf(path, line), text)}</span>";
    }

    private string Proof(ManifestLink proof)
    {
        var text = new StringBuilder();
        text.Append("<b>").Append(HtmlText.Encode(ProofWords.Kind(proof.Kind))).Append("</b> ").Append(Symbol(proof)).Append(" at ").Append(Source(proof.Path, proof.Line, proof.Column));
        var details = Details(proof).Where(d => !string.IsNullOrEmpty(d.Value)).Select(d => $"{d.Name} {HtmlText.Link(d.Value, d.Value)}").ToList();
        if (details.Count > 0)
        {
            text.Append("<br>").Append(string.Join("; ", details));
        }

        if (proof.Evidence is { } evidence)
        {
            text.Append("<br>evidence ").Append(HtmlText.Link(evidence, evidence));
        }

        if (!Input.Counts(proof))
        {
            text.Append("<br><span class=\"level-error\">no longer counts</span>: its automation was due by ").Append(HtmlText.Encode(proof.AutomateBy));
        }

        if (LinkKinds.IsTest(proof.Kind))
        {
            text.Append(Results(proof));
        }

        return text.ToString();
    }

    /// <summary>A proof's arguments; one that is an http(s) URL (a panel, say) becomes a link.</summary>
    private static IEnumerable<(string Name, string? Value)> Details(ManifestLink proof) =>
    [
        ("test", proof.Test), ("level", proof.Level), ("framework", proof.Framework),
        ("signal", proof.Signal), ("probe", proof.Name), ("alert", proof.Rule),
        ("panel", proof.Panel), ("baseline", proof.Baseline), ("threshold", proof.Threshold),
        ("steps", proof.Steps), ("recorded on", proof.RecordedOn), ("automate by", proof.AutomateBy),
    ];

    private string Results(ManifestLink proof)
    {
        if (Input.TestResults is null)
        {
            return "<br><span class=\"none\">no test results were given (--test-results)</span>";
        }

        var rows = Input.ResultsOf(proof);
        if (rows.Count == 0)
        {
            return "<br><span class=\"result-did-not-run\">did not run</span>: no result for this test in the test results";
        }

        var text = new StringBuilder("<ul class=\"items results\">");
        foreach (var row in rows.OrderBy(r => r.Last.DisplayName, StringComparer.Ordinal).ThenBy(r => r.Last.File, StringComparer.Ordinal))
        {
            var word = ProofWords.Result(row);
            text.Append("<li><span class=\"result-").Append(word.Replace(' ', '-')).Append("\">").Append(word).Append("</span> <code>")
                .Append(HtmlText.Encode(ProofWords.TestName(row.Last))).Append("</code> (")
                .Append(string.Join(", then ", (row.PassedAfterRetry ? row.Attempts : [row.Last]).Select(a => HtmlText.Encode(a.Outcome) + " in <span class=\"mono\">" + HtmlText.Encode(a.File) + "</span>")))
                .Append(")</li>");
        }

        return text.Append("</ul>").ToString();
    }

    private string FindingText(Finding finding)
    {
        var level = finding.Level == FindingLevel.Error ? "error" : "warning";
        var text = $"<span class=\"level-{level}\">{level}</span> {HtmlText.Encode(finding.RuleId)} ({HtmlText.Encode(finding.Policy)}): {HtmlText.Encode(finding.Message)}. Fix: {HtmlText.Encode(finding.Fix)}.";
        return ReportLocation.Of(finding) is { } location
            ? $"{text} At {Source(location.Path, location.Line ?? 0, location.Column)}."
            : text;
    }

    /// <summary>Findings about the release as a whole (API, approvals, rollback) or about a card it does not list.</summary>
    private void FindingsWithoutCard()
    {
        var findings = _result.Findings.Where(f => f.Card is null || !Input.IsCardOfRelease(f.Card)).ToList();
        W("<section id=\"release-findings\">");
        W($"<h2>Findings without a card of the release ({findings.Count.ToString(CultureInfo.InvariantCulture)})</h2>");
        Items(findings, FindingText, "none");
        W("</section>");
    }

    private void ApprovalsAndRollback()
    {
        var release = Input.Release;
        W("<section id=\"approvals\">");
        W("<h2>Approvals and rollback</h2>");
        Items(
            ReleaseFacts.Approvals(release),
            approval => $"{HtmlText.Encode(approval.Role)}: {(approval.By is { } by ? HtmlText.Encode(by) : "<span class=\"level-error\">missing</span>")}{(approval.Required ? string.Empty : $" (not required for a {WireNames.Of(release.Class)} release)")}",
            "none");
        var plan = string.IsNullOrWhiteSpace(release.Rollback.Plan) ? "<span class=\"level-error\">none</span>" : HtmlText.Encode(release.Rollback.Plan);
        W($"<p>Rollback plan: {plan}. Tested: {ReleaseFacts.YesNo(release.Rollback.Tested)}. Staged rollout: {ReleaseFacts.YesNo(release.Rollback.StagedRollout)}.</p>");
        W("</section>");
    }

    private void Items<T>(IReadOnlyCollection<T> items, Func<T, string> item, string none)
    {
        if (items.Count == 0)
        {
            W($"<p class=\"none\">{none}</p>");
            return;
        }

        W("<ul class=\"items\">");
        foreach (var each in items)
        {
            W($"<li>{item(each)}</li>");
        }

        W("</ul>");
    }

    private void W(string line) => _html.WriteLine(line);
}
