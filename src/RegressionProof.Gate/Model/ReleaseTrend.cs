using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Model;

/// <summary>
/// The trend the coverage manifest carries (<c>trend</c>, docs/gate.md, "Between releases"): per
/// release, oldest first, its cards, proven and manual cards, findings and waivers. Each run takes
/// the baseline's trend and appends this release, so keeping the last manifest as the next
/// baseline keeps the history too, without a folder of earlier reports.
/// </summary>
internal static class ReleaseTrend
{
    /// <summary>
    /// How many releases the trend keeps, the newest: two years of fortnightly releases, and a
    /// few kilobytes beside a manifest's links.
    /// </summary>
    public const int MaxEntries = 50;

    /// <summary>The baseline's trend (none without a baseline) with this release appended.</summary>
    public static IReadOnlyList<CoverageTrendEntry> Of(GateResult result) => Extend(result.Input.Baseline?.Trend ?? [], EntryOf(result));

    /// <summary>
    /// <paramref name="earlier"/> with <paramref name="release"/> last: an entry of the same version
    /// (the release gated again) is replaced, and only the newest <see cref="MaxEntries"/> are kept.
    /// </summary>
    public static IReadOnlyList<CoverageTrendEntry> Extend(IReadOnlyList<CoverageTrendEntry> earlier, CoverageTrendEntry release)
    {
        var entries = earlier.Where(entry => !string.Equals(entry.Version, release.Version, StringComparison.Ordinal)).Append(release).ToList();
        return entries.Count > MaxEntries ? entries.GetRange(entries.Count - MaxEntries, MaxEntries) : entries;
    }

    /// <summary>This release's figures, counted as the reports count them.</summary>
    public static CoverageTrendEntry EntryOf(GateResult result) => new()
    {
        Version = result.Input.Release.Version,
        AsOf = result.Input.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Verdict = result.Verdict,
        Cards = result.Cards.Count,
        Proven = result.Cards.Count(card => card.Status == "proven"),
        Manual = result.Cards.Count(card => ProvenByHandOnly(card.Proofs.Select(proof => proof.Kind))),
        Errors = result.Findings.Count(finding => finding.Level == FindingLevel.Error),
        Warnings = result.Findings.Count(finding => finding.Level == FindingLevel.Warning),
        Waived = result.Findings.Count(finding => finding.WaivedBy is not null),
    };

    /// <summary>
    /// The one release of a manifest written before the trend, counted from its cards, links and
    /// findings as <see cref="EntryOf"/> counts a release; null when the manifest does not say
    /// which release it was or when (no version, as-of or verdict).
    /// </summary>
    public static CoverageTrendEntry? FromEarlierManifest(CoverageManifest manifest, IReadOnlyList<CoverageCard> cards, IReadOnlyList<ManifestLink> links)
    {
        if (manifest.Release?.Version is not { } version || manifest.AsOf is not { } asOf || manifest.Verdict is not { } verdict)
        {
            return null;
        }

        var findings = manifest.Findings?.Where(finding => finding is not null).ToList() ?? [];
        var proofKinds = links.Where(link => LinkKinds.IsProof(link.Kind)).ToLookup(link => link.Card, link => link.Kind, StringComparer.Ordinal);
        return new CoverageTrendEntry
        {
            Version = version,
            AsOf = asOf,
            Verdict = verdict,
            Cards = cards.Count,
            Proven = cards.Count(card => card.Status == "proven"),
            Manual = cards.Count(card => ProvenByHandOnly(proofKinds[card.Id])),
            Errors = findings.Count(finding => finding.Level == "error"),
            Warnings = findings.Count(finding => finding.Level == "warning"),
            Waived = findings.Count(finding => finding.WaivedBy is not null),
        };
    }

    /// <summary>Whether a card has proofs and every one is a manual verification: the debt of automation the trend follows.</summary>
    public static bool ProvenByHandOnly(IEnumerable<string> proofKinds)
    {
        var any = false;
        foreach (var kind in proofKinds)
        {
            if (kind != LinkKinds.ManualVerification)
            {
                return false;
            }

            any = true;
        }

        return any;
    }
}
