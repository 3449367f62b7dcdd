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
    /// <summary>
    /// The member hashes of each assembly that has them, by assembly name; an assembly the
    /// baseline lists without them (test code, or written by an earlier version) is absent.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> MemberHashes { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();
}
