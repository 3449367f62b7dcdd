using System.Collections.Generic;
using RegressionProof.Contract;

namespace RegressionProof.Manifest;

/// <summary>The manifest of one compilation: every link in it, sorted.</summary>
public sealed record ManifestDocument
{
    /// <summary>The only schema this version reads and writes.</summary>
    public const string SchemaV1 = ManifestContract.ManifestSchema;

    /// <summary>The name of the <c>AssemblyMetadataAttribute</c> that carries the manifest JSON.</summary>
    public const string MetadataKey = ManifestContract.MetadataKey;

    public string Schema { get; init; } = SchemaV1;

    /// <summary>The assembly's simple name.</summary>
    public required string Assembly { get; init; }

    /// <summary>
    /// Whether the gate checks the assembly's public API against the baseline (false for a test
    /// project unless it opts in with <c>RegressionProofCheckPublicApi</c>); null in a manifest
    /// written before the field existed, when the gate decides from the assembly's references.
    /// </summary>
    public bool? PublicApiChecked { get; init; }

    public required IReadOnlyList<ManifestLink> Links { get; init; }
}
