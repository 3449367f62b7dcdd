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
    /// <summary>The SHA-256 of the file's bytes as read; null for a baseline built in code.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The file as the reports name it: relative to where the gate runs, with <c>/</c>; its file name until the gate sets it.</summary>
    public string Name { get; init; } = System.IO.Path.GetFileName(Path);

    /// <summary>
    /// The SHA-256 of every file of each assembly the baseline lists (<c>assemblies[].files</c>), so
    /// RPG017 can tell an assembly that was not rebuilt differently from one that changed.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> FileHashes { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>The cards the baseline's release file retired, so this release's report names only those retired since.</summary>
    public IReadOnlyList<string> Retired { get; init; } = [];

    /// <summary>
    /// The releases up to the baseline's, oldest first (<see cref="ReleaseTrend"/>): the manifest's
    /// own trend, or, for a manifest written before the trend, its one release counted from its
    /// cards, links and findings; empty when even that cannot be told (no version or as-of).
    /// </summary>
    public IReadOnlyList<CoverageTrendEntry> Trend { get; init; } = [];

    /// <summary>
    /// The member hashes of each assembly that has them, by assembly name; an assembly the
    /// baseline lists without them (test code, or written by an earlier version) is absent.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> MemberHashes { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();
}
