using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>The human summary on stdout: the verdict and the counts, a line per card, then the findings.</summary>
internal static class SummaryWriter
{
    /// <summary>Longer card IDs are cut in the table (the coverage manifest keeps them whole).</summary>
    public const int MaxIdLength = 64;

    /// <summary>Longer titles are cut in the table.</summary>
    public const int MaxTitleLength = 160;

    public static string Write(GateResult result)
    {
        var input = result.Input;
        var text = new StringBuilder();

        // The verdict and the counts first: they are what a reader of a long CI log looks for.
        text.Append(result.Passed ? "PASS" : "FAIL").Append(": release ").Append(Text.Printable(input.Release.Version))
            .Append(result.Passed ? " passes the gate" : " fails the gate").Append(" (")
            .Append(WireNames.Of(input.Release.Class)).Append(", ").Append(WireNames.Of(input.Release.Lane)).Append(" lane, as of ")
            .Append(input.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(')').Append(Waivers(result)).Append('\n');
        var counts = ReportCounts.Of(result);
        text.Append(counts.Cards).Append(" cards: ").Append(counts.Proven).Append(" proven, ").Append(counts.Failing).Append(" failing, ")
            .Append(counts.Unproven).Append(" unproven; ").Append(counts.Errors).Append(" errors, ").Append(counts.Warnings).Append(" warnings\n");
        text.Append(input.Assemblies.Count).Append(" assemblies, ").Append(input.Links.Count).Append(" links")
            .Append(input.TestResults is null ? string.Empty : $", {input.TestResults.All.Count} test results from {input.TestResults.Files.Count} files ({input.TestResults.Runs} runs; each test's last attempt counts{PassedOver(input.TestResults)})").Append('\n');
        text.Append(BetweenReleases.Summary(result)).Append('\n');
        text.Append(Text.Printable(ReleaseLabelsCheck.Describe(input))).Append('\n');
        if (ScopeCheck.Describe(input) is { } scope)
        {
            text.Append(Text.Printable(scope)).Append('\n');
        }

        text.Append('\n');
        AppendCardsAndFindings(text, result);
        return text.ToString();
    }

    /// <summary>The per-card table and the findings (shared with <c>check</c>, whose header and verdict differ).</summary>
    public static void AppendCardsAndFindings(StringBuilder text, GateResult result)
    {

        // Rows start with "- ", never with user text: a line that starts with "::" is a GitHub
        // workflow command. Cells are cut so one enormous ID cannot widen every row.
        var ids = result.Cards.Select(c => Text.Cell(c.Card.Id, MaxIdLength)).ToList();
        var idWidth = Math.Max(4, ids.DefaultIfEmpty(string.Empty).Max(id => id.Length));
        text.Append("  ").Append("card".PadRight(idWidth)).Append("  status    fixes  proofs  title\n");
        for (var i = 0; i < result.Cards.Count; i++)
        {
            var card = result.Cards[i];
            text.Append("- ").Append(ids[i].PadRight(idWidth)).Append("  ")
                .Append(card.Status.PadRight(8)).Append("  ")
                .Append(card.Fixes.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(5)).Append("  ")
                .Append(card.Proofs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(6)).Append("  ")
                .Append(Text.Cell(card.Card.Title, MaxTitleLength)).Append('\n');
        }

        AppendFindings(text, result.Findings);
    }

    /// <summary>The findings, a line each after a blank line (shared with <c>close-out</c>); nothing when there are none.</summary>
    public static void AppendFindings(StringBuilder text, IReadOnlyList<Finding> findings)
    {
        if (findings.Count > 0)
        {
            text.Append('\n');
            foreach (var finding in findings)
            {
                text.Append(finding.WaivedBy is null ? string.Empty : "waived ").Append(finding.Level == FindingLevel.Error ? "error " : "warning ").Append(finding.RuleId)
                    .Append(" [").Append(finding.Policy).Append("] ");
                if (ReportLocation.Of(finding) is { } location)
                {
                    text.Append(Text.Printable(location.Path)).Append(location.Line is { } line ? $"({line}{(location.Column is { } column ? $",{column}" : string.Empty)}): " : ": ");
                }

                text.Append(Text.Printable(finding.Message)).Append(". Fix: ").Append(Text.Printable(finding.Fix)).Append('.');
                if (finding.WaivedBy is { } waiver)
                {
                    text.Append(" Waived ").Append(Text.Printable(AuditedExceptionsCheck.Waived(waiver))).Append('.');
                }

                text.Append('\n');
            }
        }
    }

    /// <summary>"; 2 findings waived by exceptions", or nothing: a release that passes only by waivers says so.</summary>
    public static string Waivers(GateResult result) => result.Findings.Count(f => f.WaivedBy is not null) switch
    {
        0 => string.Empty,
        1 => "; 1 finding waived by an exception",
        var count => $"; {count} findings waived by exceptions",
    };

    /// <summary>"; passed over 2 files that are not test results", or nothing.</summary>
    public static string PassedOver(TestResults results) => results.PassedOver.Count switch
    {
        0 => string.Empty,
        1 => "; passed over 1 file that is not test results",
        var count => $"; passed over {count} files that are not test results",
    };
}
