using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// The cards earlier releases knew, read from the previous release's coverage manifest
/// (<c>RegressionProofBaseline</c>, the file the gate takes as <c>--baseline</c>): its cards, its
/// retired cards and the cards its links name. Each release's manifest lists the links of the
/// code it gated, so a card stays known for as long as an attribute in the code still names it.
/// </summary>
internal sealed class BaselineCards
{
    /// <summary>The <c>schema</c> values a coverage manifest has (<c>regression-proof/coverage/v1</c>, later versions).</summary>
    private const string SchemaPrefix = "regression-proof/coverage/";

    // Parsed once per file version: the manifest can run to tens of megabytes.
    private static readonly ConditionalWeakTable<AdditionalText, BaselineCards> Cache = new();

    private BaselineCards(string path, ImmutableHashSet<string> ids, ConfigurationProblem? problem)
    {
        Path = path;
        Ids = ids;
        Problem = problem;
    }

    public string Path { get; }

    /// <summary>Card IDs some earlier release knew.</summary>
    public ImmutableHashSet<string> Ids { get; }

    /// <summary>Why the baseline could not be used; null when <see cref="Ids"/> is complete.</summary>
    public ConfigurationProblem? Problem { get; }

    /// <summary>
    /// The baseline configured for this compilation: null when none is configured; a value with
    /// a <see cref="Problem"/> when it is configured but missing or not a coverage manifest.
    /// </summary>
    public static BaselineCards? Find(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var configured = RegressionProofOptions.GetBaselinePath(options);
        if (configured is null)
        {
            return null;
        }

        var file = ConfiguredAdditionalFile.Find(options.AdditionalFiles, configured);
        if (file is null)
        {
            return new BaselineCards(configured, ImmutableHashSet<string>.Empty, new ConfigurationProblem(
                Descriptors.RP0010_BaselineNotFound, Location.None, MessageText.Escape(configured)));
        }

        return Cache.GetValue(file, f => Read(f, cancellationToken));
    }

    private static BaselineCards Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return new BaselineCards(file.Path, ImmutableHashSet<string>.Empty, new ConfigurationProblem(
                Descriptors.RP0010_UnreadableBaseline, Location.None, MessageText.Escape(file.Path)));
        }

        var ids = CoverageManifestCardScanner.Scan(text.ToString(), out var schema, out var syntaxError);
        if (ids is null)
        {
            return Malformed(file.Path, text, syntaxError!.Line, syntaxError.Column, syntaxError.Message);
        }

        if (schema is null || !schema.StartsWith(SchemaPrefix, StringComparison.Ordinal))
        {
            return Malformed(file.Path, text, 1, 1,
                "it is not a coverage manifest (expected a JSON object with \"schema\": \"regression-proof/coverage/v1\", the coverage-manifest.json the gate writes)");
        }

        return new BaselineCards(file.Path, ids.ToImmutableHashSet(StringComparer.Ordinal), null);
    }

    private static BaselineCards Malformed(string path, SourceText text, int line, int column, string message) =>
        new(path, ImmutableHashSet<string>.Empty, new ConfigurationProblem(
            Descriptors.RP0010_InvalidBaseline, ConfigurationProblem.At(path, text, line, column),
            MessageText.Escape(path), line, column, MessageText.Escape(message)));
}
