using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// <c>release-log.md</c>, for the release captain: the verdict and the counts, the baseline used, the
/// approvals and the rollback plan, a table per card, the findings, what changed since the previous
/// release, the evidence links, the tests executed and the SHA-256 of every scanned artifact.
/// </summary>
internal static class ReleaseLogWriter
{
    /// <summary>The files passed over that the log names; a folder of thousands of coverage reports is counted, not listed.</summary>
    public const int MaxPassedOverNamed = 20;

    public static string Write(GateResult result)
    {
        var input = result.Input;
        var md = new StringBuilder();
        var releaseClass = input.Release.Class.ToString().ToLowerInvariant();
        var lane = input.Release.Lane == ReleaseLane.FastPatch ? "fast-patch" : "standard";
        md.Append("# Release log: ").Append(MarkdownText.Escape(input.Release.Version)).Append('\n').Append('\n');
        md.Append("**Verdict: ").Append(result.Passed ? "PASS" : "FAIL").Append("**. ")
          .Append(releaseClass).Append(" release, ").Append(lane).Append(" lane, decided as of ")
          .Append(input.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(" by verify-regression-safety")
          .Append(MarkdownText.Escape(SummaryWriter.Waivers(result))).Append(".\n\n");
        md.Append(MarkdownText.Escape(ReleaseLabelsCheck.Describe(input))).Append(".\n\n");
        var counts = ReportCounts.Of(result);
        md.Append(counts.Cards).Append(" cards: ").Append(counts.Proven).Append(" proven, ").Append(counts.Failing).Append(" failing, ")
          .Append(counts.Unproven).Append(" unproven; ").Append(counts.Errors).Append(" errors, ").Append(counts.Warnings).Append(" warnings.\n\n");
        md.Append("Baseline used: ").Append(ReleaseFacts.BaselineUsed(input) is { } baseline ? MarkdownText.Escape(baseline) : ReleaseFacts.NoBaseline).Append(".\n\n");
        if (ScopeCheck.Describe(input) is { } scope)
        {
            md.Append(MarkdownText.Escape(scope)).Append(".\n\n");
        }


        md.Append("## Approvals\n\n");
        foreach (var approval in ReleaseFacts.Approvals(input.Release))
        {
            md.Append("- ").Append(MarkdownText.Cell(approval.Role, SummaryWriter.MaxIdLength)).Append(": ")
              .Append(approval.By is { } by ? MarkdownText.Cell(by, SummaryWriter.MaxIdLength) : "**missing**")
              .Append(approval.Required ? string.Empty : " (not required for a " + releaseClass + " release)").Append('\n');
        }

        md.Append("\n## Rollback\n\n");
        md.Append("- Plan: ").Append(string.IsNullOrWhiteSpace(input.Release.Rollback.Plan) ? "**none**" : MarkdownText.Escape(input.Release.Rollback.Plan)).Append('\n');
        md.Append("- Mechanism: ").Append(input.Release.Rollback.Mechanism is { } mechanism ? WireNames.Of(mechanism) : "**not named**").Append('\n');
        md.Append("- Tested: ").Append(ReleaseFacts.YesNo(input.Release.Rollback.Tested)).Append('\n');
        md.Append("- Staged rollout: ").Append(ReleaseFacts.YesNo(input.Release.Rollback.StagedRollout)).Append("\n\n");

        md.Append("## Cards\n\n");
        md.Append("| card | title | priority | reason | owner / backup | status | proofs |\n");
        md.Append("|---|---|---|---|---|---|---|\n");
        foreach (var card in result.Cards)
        {
            var proofs = card.Proofs.Count == 0
                ? "none"
                : string.Join("<br>", card.Proofs.Select(p => MarkdownText.Escape($"{ProofWords.Kind(p.Kind)}: {p.Display}")));
            md.Append("| ").Append(MarkdownText.Cell(card.Card.Id, SummaryWriter.MaxIdLength))
              .Append(" | ").Append(MarkdownText.Cell(card.Card.Title, SummaryWriter.MaxTitleLength))
              .Append(" | ").Append(card.Card.Priority is { } priority ? WireNames.Of(priority) : string.Empty)
              .Append(" | ").Append(card.Card.Reason is { } reason ? WireNames.Of(reason) : string.Empty)
              .Append(" | ").Append(MarkdownText.Cell(card.Card.Owner, SummaryWriter.MaxIdLength))
              .Append(" / ").Append(MarkdownText.Cell(card.Card.Backup, SummaryWriter.MaxIdLength))
              .Append(" | ").Append(card.Status)
              .Append(" | ").Append(proofs).Append(" |\n");
        }

        md.Append("\n## Findings\n\n");
        if (result.Findings.Count == 0)
        {
            md.Append("None: every policy of the release path is met.\n");
        }
        else
        {
            AppendFindings(md, result.Findings);
        }

        if (ScopeCheck.Report(input) is { Unlinked.Count: > 0 } report)
        {
            md.Append("\n## Scope\n\nMembers changed since the baseline that are neither a fix nor a proof of a card of this release:\n\n");
            foreach (var change in report.Unlinked)
            {
                md.Append("- ").Append(MarkdownText.Escape(change.Member)).Append(" (").Append(MarkdownText.Escape(change.Assembly)).Append("): ").Append(ScopeCheck.Verb(change.Kind)).Append('\n');
            }
        }

        md.Append('\n');
        ReleaseLogBetweenReleases.Append(md, result);
        md.Append("## Evidence\n\n");
        foreach (var card in result.Cards)
        {
            var links = card.Card.Evidence.Concat(card.Proofs.Where(p => p.Evidence is not null).Select(p => p.Evidence!)).Distinct(StringComparer.Ordinal).ToList();
            md.Append("- ").Append(MarkdownText.Cell(card.Card.Id, SummaryWriter.MaxIdLength)).Append(": ")
              .Append(links.Count == 0 ? "none" : string.Join(", ", links.Select(MarkdownText.Link))).Append('\n');
        }

        md.Append("\n## Tests executed\n\n");
        if (input.TestResults is null)
        {
            md.Append("No test results were given (--test-results).\n");
        }
        else
        {
            md.Append(input.TestResults.All.Count).Append(" results from ").Append(input.TestResults.Files.Count).Append(" file(s), each test's last attempt counting")
              .Append(MarkdownText.Escape(SummaryWriter.PassedOver(input.TestResults)))
              .Append(input.TestResults.PassedOver.Count == 0 ? string.Empty : ": " + string.Join(", ", input.TestResults.PassedOver.Take(MaxPassedOverNamed).Select(MarkdownText.Escape)))
              .Append(input.TestResults.PassedOver.Count > MaxPassedOverNamed ? $" and {input.TestResults.PassedOver.Count - MaxPassedOverNamed} more" : string.Empty)
              .Append("; the proofs:\n\n");
            foreach (var card in result.Cards.Where(c => c.TestsExecuted.Count > 0))
            {
                foreach (var row in card.TestsExecuted)
                {
                    md.Append("- ").Append(MarkdownText.Cell(card.Card.Id, SummaryWriter.MaxIdLength)).Append(": ").Append(MarkdownText.Escape(ProofWords.TestName(row.Last)))
                      .Append(": ").Append(ProofWords.Result(row)).Append(" (").Append(MarkdownText.Escape(ProofWords.Attempts(row))).Append(")\n");
                }
            }
        }

        md.Append("\n## Artifacts\n\n");
        md.Append("| assembly | file | SHA-256 |\n|---|---|---|\n");
        foreach (var artifact in GatedArtifacts.Of(input))
        {
            md.Append("| ").Append(MarkdownText.Escape(artifact.Assembly)).Append(" | ").Append(MarkdownText.Escape(artifact.Path)).Append(" | `").Append(artifact.Sha256).Append("` |\n");
        }

        return md.ToString();
    }

    /// <summary>The findings as a list, each with its fix, place and waiver (shared with <c>close-out</c>'s record).</summary>
    public static void AppendFindings(StringBuilder md, IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
        {
            md.Append("- **").Append(finding.WaivedBy is null ? string.Empty : "waived ").Append(finding.Level == FindingLevel.Error ? "error" : "warning").Append("** ")
              .Append(finding.RuleId).Append(" (").Append(MarkdownText.Escape(finding.Policy)).Append("): ")
              .Append(MarkdownText.Escape(finding.Message)).Append(". Fix: ").Append(MarkdownText.Escape(finding.Fix)).Append('.');
            // Escaped text, not a code span: a code span shows "<" and "&" as they are, and a
            // path is user text like any other.
            if (ReportLocation.Of(finding) is { } location)
            {
                md.Append(" At ").Append(MarkdownText.Escape(location.Path))
                  .Append(location.Line is { } line ? $" line {line}{(location.Column is { } column ? $", column {column}" : string.Empty)}." : ".");
            }

            if (finding.WaivedBy is { } waiver)
            {
                md.Append(" **Waived** ").Append(MarkdownText.Escape(AuditedExceptionsCheck.Waived(waiver))).Append('.');
            }

            md.Append('\n');
        }
    }
}
