using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// What the reports say between releases, worked out once per gate result whichever writer asks
/// first: the change since the baseline (<see cref="ReleaseDelta"/>) and the trend
/// (<see cref="ReleaseTrend"/>). A release of 100,000 proofs is compared once, not per report.
/// </summary>
internal static class BetweenReleases
{
    /// <summary>What the reports say when no baseline was given, instead of leaving the section out.</summary>
    public const string NoPreviousRelease = "No previous release to compare with: no --baseline was given";

    /// <summary>
    /// How many items of one list (cards added, proofs removed, one assembly's API entries) the
    /// HTML report and the release log show before "and N more": the first run against an old
    /// baseline may add 100,000 proofs, and each card's entry shows its proofs anyway.
    /// </summary>
    public const int MaxListed = 200;

    private static readonly ConditionalWeakTable<GateResult, ReleaseDelta> Deltas = new();

    private static readonly ConditionalWeakTable<GateResult, IReadOnlyList<CoverageTrendEntry>> Trends = new();

    /// <summary>The change since the baseline, or null without one.</summary>
    public static ReleaseDelta? Delta(GateResult result) =>
        result.Input.Baseline is { } baseline
            ? Deltas.GetValue(result, r => ReleaseDelta.Of(r.Input, baseline, r.Findings.Where(f => f.RuleId == Policies.SuspectProof.RuleId)))
            : null;

    /// <summary>"2 added, 1 removed, 0 changed".</summary>
    public static string ApiCounts(ApiComparison comparison) =>
        string.Create(CultureInfo.InvariantCulture, $"{comparison.Added.Count} added, {comparison.Removed.Count} removed, {comparison.Changed.Count} changed");

    /// <summary>
    /// The text summary's line: "Since release 2.4.0: 1 card added, 0 retired; 2 proofs added, 0
    /// removed; public API changed in 1 assembly; 0 suspect proofs", or why there is nothing to compare.
    /// </summary>
    public static string Summary(GateResult result)
    {
        if (Delta(result) is not { } delta)
        {
            return NoPreviousRelease;
        }

        var since = delta.BaselineVersion is { Length: > 0 } version ? "Since release " + Text.Printable(version) : "Since the baseline";
        return string.Create(CultureInfo.InvariantCulture,
            $"{since}: {Count(delta.CardsAdded.Count, "card")} added, {delta.CardsRetired.Count} retired; {Count(delta.ProofsAdded.Count, "proof")} added, {delta.ProofsRemoved.Count} removed; public API changed in {Count(delta.Api.Count, "assembly", "assemblies")}; {Count(delta.SuspectProofs.Count, "suspect proof")}");
    }

    private static string Count(int count, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many ?? one + "s")}");

    /// <summary>The trend up to this release, oldest first: the baseline's, with this release last.</summary>
    public static IReadOnlyList<CoverageTrendEntry> Trend(GateResult result) => Trends.GetValue(result, ReleaseTrend.Of);
}
