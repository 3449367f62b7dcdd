using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Model;

// The coverage manifest (docs/schemas/coverage-manifest.v1.schema.json) as one set of records: the
// gate writes it through them and reads it back, as the next release's baseline, through the same
// ones (CoverageManifestJson). What a baseline must hold has no default; the rest may be left out,
// as manifests of earlier versions do.

/// <summary>The whole coverage manifest; the lists are sequences so that writing streams them.</summary>
internal sealed record CoverageManifest(
    string? Schema = null,
    CoverageRelease? Release = null,
    string? AsOf = null,
    string? Verdict = null,
    IEnumerable<CoverageCard>? Cards = null,
    IEnumerable<string>? Retired = null,
    IEnumerable<CoverageAssembly>? Assemblies = null,
    IEnumerable<ManifestLink>? Links = null,
    IEnumerable<CoverageFinding>? Findings = null,
    IEnumerable<CoverageException>? Exceptions = null,
    IEnumerable<CoverageTrendEntry>? Trend = null);

internal sealed record CoverageRelease(string? Version = null, string? Class = null, string? Lane = null);

internal sealed record CoverageCard(string Id, string? Title = null, string? Status = null, int? Fixes = null, int? Proofs = null);

/// <summary>
/// An assembly; <see cref="PublicApiFormat"/> is absent in manifests of earlier versions, and
/// <see cref="MemberHashes"/> (each member's code hash by member ID, for the scope report) there
/// and for test assemblies.
/// </summary>
internal sealed record CoverageAssembly(
    string Name,
    IEnumerable<CoverageFile>? Files = null,
    bool? PublicApiChecked = null,
    int? PublicApiFormat = null,
    IEnumerable<string>? PublicApi = null,
    IEnumerable<string>? Migrations = null,
    IReadOnlyDictionary<string, string>? MemberHashes = null);

internal sealed record CoverageFile(string Path, string Sha256);

/// <summary>A finding; its properties in the order the manifest writes them.</summary>
internal sealed record CoverageFinding
{
    public required string RuleId { get; init; }

    public required string Policy { get; init; }

    public required string Level { get; init; }

    /// <summary>Absent for a finding about no one card (an API change).</summary>
    public string? Card { get; init; }

    public required string Message { get; init; }

    public required string Fix { get; init; }

    public string? Path { get; init; }

    public int? Line { get; init; }

    /// <summary>The index in <c>exceptions</c> of the exception that waives the finding; absent when none does.</summary>
    public int? WaivedBy { get; init; }
}

/// <summary>
/// An audited exception of the release file and how it stood: <see cref="Standing"/> is
/// <c>applies</c>, <c>expired</c> or <c>no-approver</c>; <see cref="Waived"/> counts the findings
/// it waived. Absent in manifests of earlier versions.
/// </summary>
internal sealed record CoverageException
{
    public required string Check { get; init; }

    public string? Card { get; init; }

    public required string Reason { get; init; }

    public string? Approver { get; init; }

    public string? Rca { get; init; }

    public string? RcaDue { get; init; }

    public required string Expires { get; init; }

    public required string Standing { get; init; }

    public required int Waived { get; init; }

    public required bool RcaOverdue { get; init; }
}

/// <summary>
/// One release of the trend the manifest carries (<see cref="ReleaseTrend"/>): its figures as that
/// release's gate counted them. <see cref="Errors"/> and <see cref="Warnings"/> count every finding
/// of the level, waived or not, as the reports' counts do; <see cref="Waived"/> counts the findings
/// that audited exceptions waived; <see cref="Manual"/> the cards whose every proof is a manual
/// verification. Absent in manifests of earlier versions.
/// </summary>
internal sealed record CoverageTrendEntry
{
    public required string Version { get; init; }

    public required string AsOf { get; init; }

    public required string Verdict { get; init; }

    public required int Cards { get; init; }

    public required int Proven { get; init; }

    public required int Manual { get; init; }

    public required int Errors { get; init; }

    public required int Warnings { get; init; }

    public required int Waived { get; init; }
}

/// <summary>
/// A manifest link with the assembly it came from, as the coverage manifest writes it. A baseline
/// reads its links back as plain <see cref="ManifestLink"/>s (the assembly is not needed there).
/// </summary>
internal sealed record CoverageLink : ManifestLink
{
    [SetsRequiredMembers]
    public CoverageLink(string assembly, ManifestLink link)
        : base(link)
    {
        Assembly = assembly;
    }

    [JsonPropertyOrder(-1)]
    public string Assembly { get; init; }
}
