using System.Collections.Generic;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Model;

/// <summary>An earlier release's coverage manifest, read back as the baseline of this one.</summary>
internal sealed record Baseline(
    string Path,
    string? Version,
    IReadOnlyList<string> Cards,
    IReadOnlyList<ManifestLink> Links,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PublicApi,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Migrations);
