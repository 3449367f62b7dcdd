using System.Collections.Generic;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Model;

/// <summary>An earlier release's coverage manifest, read back as the baseline of this one.</summary>
/// <param name="LegacyPublicApi">
/// The names of the assemblies whose API the baseline lists in the lines of earlier versions
/// (without descriptions); they are compared with the same lines of this release.
/// </param>
internal sealed record Baseline(
    string Path,
    string? Version,
    IReadOnlyList<string> Cards,
    IReadOnlyList<ManifestLink> Links,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PublicApi,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Migrations,
    IReadOnlySet<string>? LegacyPublicApi = null)
{
    /// <summary>The cards the baseline's release file retired, so this release's report names only those retired since.</summary>
    public IReadOnlyList<string> Retired { get; init; } = [];

    /// <summary>
    /// The releases up to the baseline's, oldest first (<see cref="ReleaseTrend"/>): the manifest's
    /// own trend, or, for a manifest written before the trend, its one release counted from its
    /// cards, links and findings; empty when even that cannot be told (no version or as-of).
    /// </summary>
    public IReadOnlyList<CoverageTrendEntry> Trend { get; init; } = [];
}
