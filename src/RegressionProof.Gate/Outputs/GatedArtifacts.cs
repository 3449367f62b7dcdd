using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>One scanned file of an assembly of the release, with the SHA-256 taken when it was scanned.</summary>
internal sealed record GatedArtifact(string Assembly, string Path, string Sha256);

/// <summary>
/// The artifacts the verdict is about, in one order: the release log's table and the verification
/// summary's subjects list the same files with the same digests (taken once, by the scanner, from
/// the bytes whose manifest was read).
/// </summary>
internal static class GatedArtifacts
{
    public static IEnumerable<GatedArtifact> Of(GateInput input) =>
        input.Assemblies.OrderBy(a => a.Name, StringComparer.Ordinal)
            .SelectMany(assembly => assembly.Files.OrderBy(f => f.Path, StringComparer.Ordinal)
                .Select(file => new GatedArtifact(assembly.Name, file.Path, file.Sha256)));
}
