using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// The cards earlier releases knew, read from the previous release's coverage manifest
/// (<c>RegressionProofBaseline</c>, the file the gate takes as <c>--baseline</c>): its cards, its
/// retired cards and the cards its links name. Each release's manifest lists the links of the
/// code it gated, so a card stays known for as long as an attribute in the code still names it.
/// </summary>
internal static class BaselineCards
{
    /// <summary>The <c>schema</c> values a coverage manifest has (<c>regression-proof/coverage/v1</c>, later versions).</summary>
    private const string SchemaPrefix = "regression-proof/coverage/";

    // Read once per file version: the manifest can run to tens of megabytes.
    private static readonly CardFileReader Reader = new(
        Descriptors.RP0010_BaselineNotFound, Descriptors.RP0010_UnreadableBaseline, Descriptors.RP0010_InvalidBaseline, Parse);

    /// <summary>
    /// The baseline configured for this compilation: null when none is configured; a value with
    /// a <see cref="CardFile.Problem"/> when it is configured but missing or not a coverage manifest.
    /// </summary>
    public static CardFile? Find(AnalyzerOptions options, CancellationToken cancellationToken) =>
        Reader.Find(RegressionProofOptions.GetBaselinePath(options), options, cancellationToken);

    private static ImmutableHashSet<string>? Parse(string text, out JsonSyntaxError? problem)
    {
        var ids = CoverageManifestCardScanner.Scan(text, out var schema, out problem);
        if (ids is null)
        {
            return null;
        }

        if (schema is null || !schema.StartsWith(SchemaPrefix, StringComparison.Ordinal))
        {
            problem = new JsonSyntaxError(
                "it is not a coverage manifest (expected a JSON object with \"schema\": \"regression-proof/coverage/v1\", the coverage-manifest.json the gate writes)", 1, 1);
            return null;
        }

        return ids.ToImmutableHashSet(StringComparer.Ordinal);
    }
}
