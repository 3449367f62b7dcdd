using System;
using System.Collections.Generic;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Model;

/// <summary>One file the gate read, with its SHA-256 (for the release log).</summary>
internal sealed record ScannedFile(string Path, string Sha256)
{
    /// <summary>When the file was written (built), so test results of earlier builds can be told apart; null when not known.</summary>
    public DateTimeOffset? BuiltAt { get; init; }
}

/// <summary>
/// One assembly of the release: every copy of it that was scanned (test output folders, target
/// frameworks) merged into one, with the union of their links.
/// </summary>
/// <param name="PublicApi">Its public API as <see cref="ApiEntry"/> lines.</param>
/// <param name="PublicApiChecked">
/// Whether RPG008/RPG009 compare its public API: false for a test assembly unless its project opts
/// in (docs/gate.md, "Which assemblies' API is checked").
/// </param>
/// <param name="LegacyPublicApi">Its API in the lines of earlier coverage manifests (null: the same as <paramref name="PublicApi"/>).</param>
internal sealed record ScannedAssembly(
    string Name,
    IReadOnlyList<ScannedFile> Files,
    IReadOnlyList<ManifestLink> Links,
    IReadOnlyList<string> PublicApi,
    IReadOnlyList<string> Migrations,
    bool PublicApiChecked = true,
    IReadOnlyList<string>? LegacyPublicApi = null)
{
    /// <summary>Its classes that derive from others, so proofs on base test classes find the classes that run them.</summary>
    public IReadOnlyList<DeclaredClass> Classes { get; init; } = [];

    /// <summary>Whether it is a test assembly: its metadata references a test framework's assembly (RPG017 asks which ran).</summary>
    public bool IsTestAssembly { get; init; }

    /// <summary>The names of the assemblies it references, so RPG017 finds the test assemblies that cover an assembly.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>
    /// The hash of each member's compiled code by member ID, for the scope report (RPG016); null
    /// for test code, which the report leaves out.
    /// </summary>
    public IReadOnlyDictionary<string, string>? MemberHashes { get; init; }
}
