using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// What <c>close-out</c> reports: the summary on stdout and the record it appends to
/// <c>release-log.md</c> (the verdict, the deploy and its traffic cycle, a row per card with its
/// status, monitoring evidence and probes, the findings, and the SHA-256 of the deployed build).
/// </summary>
internal static class CloseOutWriter
{
    /// <summary>The heading every close-out record starts with, then its moment: one record per run, appended.</summary>
    public const string Heading = "## Close-out as of ";

    public static string Summary(CloseOutInput input, IReadOnlyList<Finding> findings, string releaseLog)
    {
        var passed = GateResult.Passes(findings);
        var text = new StringBuilder();
        text.Append(passed ? "PASS" : "FAIL").Append(": release ").Append(Text.Printable(input.Release.Version))
            .Append(passed ? " is closed out" : " is not closed out").Append(" (").Append(Text.Printable(Deploy(input))).Append(")\n");
        var rows = Rows(input);
        text.Append(rows.Count).Append(" cards: ").Append(rows.Count(r => r.Shipped)).Append(" shipped, ")
            .Append(rows.Count(r => r.Monitoring.Count > 0)).Append(" with monitoring evidence, ")
            .Append(rows.Sum(r => r.ProbesKept)).Append(" of ").Append(rows.Sum(r => r.Probes)).Append(" probes in place; ")
            .Append(findings.Count(f => f.Level == FindingLevel.Error)).Append(" errors\n");
        text.Append(input.Deployed.Count).Append(" assemblies in the deployed build, against ").Append(Text.Printable(input.Manifest.Path)).Append("\n\n");

        var ids = rows.Select(r => Text.Cell(r.Card.Id, SummaryWriter.MaxIdLength)).ToList();
        var idWidth = Math.Max(4, ids.DefaultIfEmpty(string.Empty).Max(id => id.Length));
        text.Append("  ").Append("card".PadRight(idWidth)).Append("  status      monitoring  probes in place\n");
        for (var i = 0; i < rows.Count; i++)
        {
            // Rows start with "- ", never with user text (a line starting "::" is a workflow command).
            text.Append("- ").Append(ids[i].PadRight(idWidth)).Append("  ")
                .Append(Text.Cell(rows[i].Card.Status ?? "(none)", 10).PadRight(10)).Append("  ")
                .Append(rows[i].Monitoring.Count.ToString(CultureInfo.InvariantCulture).PadLeft(10)).Append("  ")
                .Append(rows[i].ProbesKept).Append(" of ").Append(rows[i].Probes).Append('\n');
        }

        SummaryWriter.AppendFindings(text, findings);
        text.Append("\nThe close-out is recorded in ").Append(Text.Printable(releaseLog)).Append('\n');
        return text.ToString();
    }

    /// <summary>The close-out record, as appended to the release log: a section of its own, never touching what is above it.</summary>
    public static string Record(CloseOutInput input, IReadOnlyList<Finding> findings)
    {
        var passed = GateResult.Passes(findings);
        var md = new StringBuilder();
        md.Append(Heading).Append(CloseOutCheck.Time(input.AsOf)).Append("\n\n");
        md.Append("**Close-out: ").Append(passed ? "PASS" : "FAIL").Append("**. Release ").Append(MarkdownText.Escape(input.Release.Version))
          .Append(", ").Append(MarkdownText.Escape(Deploy(input))).Append(", closed out by verify-regression-safety against ")
          .Append(MarkdownText.Escape(input.Manifest.Path.Replace('\\', '/'))).Append(".\n\n");

        md.Append("| card | status | monitoring evidence | probes in place |\n|---|---|---|---|\n");
        foreach (var row in Rows(input))
        {
            md.Append("| ").Append(MarkdownText.Cell(row.Card.Id, SummaryWriter.MaxIdLength))
              .Append(" | ").Append(row.Card.Status is { } status ? MarkdownText.Cell(status, SummaryWriter.MaxIdLength) : "**none**")
              .Append(" | ").Append(row.Monitoring.Count == 0 ? "**none**" : string.Join(", ", row.Monitoring.Select(MarkdownText.Link)))
              .Append(" | ").Append(row.ProbesKept).Append(" of ").Append(row.Probes).Append(" |\n");
        }

        md.Append("\n### Close-out findings\n\n");
        if (findings.Count == 0)
        {
            md.Append("None: every card is shipped, monitored over a full traffic cycle, and keeps its probes in place.\n");
        }
        else
        {
            ReleaseLogWriter.AppendFindings(md, findings);
        }

        md.Append("\n### Deployed artifacts\n\n| assembly | file | SHA-256 |\n|---|---|---|\n");
        foreach (var assembly in input.Deployed.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            foreach (var file in assembly.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                md.Append("| ").Append(MarkdownText.Escape(assembly.Name)).Append(" | ").Append(MarkdownText.Escape(file.Path)).Append(" | `").Append(file.Sha256).Append("` |\n");
            }
        }

        return md.ToString();
    }

    private static string Deploy(CloseOutInput input) => input.Release.Deploy is { } deploy
        ? $"deployed {CloseOutCheck.Time(deploy.At)}, traffic cycle {CloseOutCheck.Duration(deploy.TrafficCycle)} {(deploy.CycleEnds <= input.AsOf ? "complete" : "incomplete")} at {CloseOutCheck.Time(deploy.CycleEnds)}, as of {CloseOutCheck.Time(input.AsOf)}"
        : $"no deploy recorded, as of {CloseOutCheck.Time(input.AsOf)}";

    private static List<Row> Rows(CloseOutInput input) => input.Release.Cards
        .Select(card =>
        {
            var probes = input.ProbesOf(card.Id).ToList();
            return new Row(card, string.Equals(card.Status, CloseOutCheck.Shipped, StringComparison.Ordinal),
                card.Monitoring.Where(EvidenceCheck.IsHttpLink).Distinct(StringComparer.Ordinal).ToList(), probes.Count, probes.Count(input.IsDeployed));
        })
        .ToList();

    private sealed record Row(Card Card, bool Shipped, IReadOnlyList<string> Monitoring, int Probes, int ProbesKept);
}
