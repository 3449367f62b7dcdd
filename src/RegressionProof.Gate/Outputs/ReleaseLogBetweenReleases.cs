using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// The release log's "Since the previous release": the same <see cref="ReleaseDelta"/> as the HTML
/// report, in Markdown; every name and message escaped, each list cut at <see cref="BetweenReleases.MaxListed"/>.
/// </summary>
internal static class ReleaseLogBetweenReleases
{
    public static void Append(StringBuilder md, GateResult result)
    {
        md.Append("## Since the previous release\n\n");
        if (BetweenReleases.Delta(result) is not { } delta)
        {
            md.Append(BetweenReleases.NoPreviousRelease).Append(".\n\n");
            return;
        }

        md.Append("Compared with ").Append(MarkdownText.Escape(ReleaseFacts.BaselineUsed(result.Input))).Append(delta.IsEmpty ? ": nothing changed.\n\n" : ".\n\n");
        List(md, "Cards added", delta.CardsAdded, card => MarkdownText.Cell(card.Id, SummaryWriter.MaxIdLength) + " " + MarkdownText.Cell(card.Title, SummaryWriter.MaxTitleLength));
        List(md, "Cards retired", delta.CardsRetired, card => MarkdownText.Cell(card, SummaryWriter.MaxIdLength));
        List(md, "Proofs added", delta.ProofsAdded, Proof);
        List(md, "Proofs removed", delta.ProofsRemoved, Proof);
        md.Append("- Public API: ");
        if (delta.Api.Count == 0)
        {
            md.Append("no public API was added, removed or changed\n");
        }
        else
        {
            md.Append(delta.Api.Count).Append(delta.Api.Count == 1 ? " assembly" : " assemblies").Append(" changed\n");
            foreach (var api in delta.Api)
            {
                md.Append("  - ").Append(MarkdownText.Escape(api.Assembly)).Append(": ").Append(BetweenReleases.ApiCounts(api.Comparison)).Append('\n');
                var entries = api.Comparison.Added.Select(e => "added " + e.Identity)
                    .Concat(api.Comparison.Removed.Select(e => "removed " + e.Identity))
                    .Concat(api.Comparison.Changed.Select(c => "changed " + c))
                    .ToList();
                foreach (var entry in entries.Take(BetweenReleases.MaxListed))
                {
                    md.Append("    - ").Append(MarkdownText.Escape(entry)).Append('\n');
                }

                More(md, "    - ", entries.Count);
            }
        }

        if (delta.AssembliesAdded.Count > 0)
        {
            md.Append("- Assemblies added: ").Append(string.Join(", ", delta.AssembliesAdded.Take(BetweenReleases.MaxListed).Select(MarkdownText.Escape))).Append('\n');
        }

        if (delta.AssembliesRemoved.Count > 0)
        {
            md.Append("- Assemblies removed: ").Append(string.Join(", ", delta.AssembliesRemoved.Take(BetweenReleases.MaxListed).Select(MarkdownText.Escape))).Append('\n');
        }

        List(md, "Suspect proofs", delta.SuspectProofs, finding => $"{(finding.WaivedBy is null ? string.Empty : "waived ")}{(finding.Level == FindingLevel.Error ? "error" : "warning")} {finding.RuleId}: {MarkdownText.Escape(finding.Message)}");
        md.Append('\n');
    }

    /// <summary>A proof under its card, with its kind in plain words: <c>INTAKE-1: automated test Shop.Tests.T.M</c>.</summary>
    private static string Proof(ManifestLink proof) =>
        MarkdownText.Cell(proof.Card, SummaryWriter.MaxIdLength) + ": " + MarkdownText.Escape(ProofWords.Kind(proof.Kind) + " " + proof.Display);

    private static void List<T>(StringBuilder md, string title, IReadOnlyList<T> items, Func<T, string> item)
    {
        md.Append("- ").Append(title).Append(" (").Append(items.Count).Append(')').Append(items.Count == 0 ? ": none\n" : ":\n");
        foreach (var each in items.Take(BetweenReleases.MaxListed))
        {
            md.Append("  - ").Append(item(each)).Append('\n');
        }

        More(md, "  - ", items.Count);
    }

    private static void More(StringBuilder md, string prefix, int count)
    {
        if (count > BetweenReleases.MaxListed)
        {
            md.Append(prefix).Append("and ").Append(count - BetweenReleases.MaxListed).Append(" more (the coverage manifest has them all)\n");
        }
    }
}
