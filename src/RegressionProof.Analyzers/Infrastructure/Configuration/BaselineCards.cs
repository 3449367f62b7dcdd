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

    private readonly bool _errorHasPosition;
    private readonly TextSpan _errorTextSpan;
    private readonly LinePositionSpan _errorLineSpan;

    private BaselineCards(string path, ImmutableHashSet<string> ids, string? error, LinePositionSpan errorLineSpan = default, TextSpan errorTextSpan = default, bool errorHasPosition = false)
    {
        Path = path;
        Ids = ids;
        Error = error;
        _errorLineSpan = errorLineSpan;
        _errorTextSpan = errorTextSpan;
        _errorHasPosition = errorHasPosition;
    }

    public string Path { get; }

    /// <summary>Card IDs some earlier release knew.</summary>
    public ImmutableHashSet<string> Ids { get; }

    /// <summary>Why the baseline could not be used; null when <see cref="Ids"/> is complete.</summary>
    public string? Error { get; }

    /// <summary>Where the file is wrong; no location when the file itself could not be found or read.</summary>
    public Location ErrorLocation => _errorHasPosition ? Location.Create(Path, _errorTextSpan, _errorLineSpan) : Location.None;

    /// <summary>
    /// The baseline configured for this compilation: null when none is configured; a value with
    /// an <see cref="Error"/> when it is configured but missing or not a coverage manifest.
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
            return new BaselineCards(configured, ImmutableHashSet<string>.Empty,
                $"The baseline '{configured}' (RegressionProofBaseline) is not among the compilation's AdditionalFiles; card IDs are not checked (RP0007)");
        }

        return Cache.GetValue(file, f => Read(f, cancellationToken));
    }

    private static BaselineCards Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return new BaselineCards(file.Path, ImmutableHashSet<string>.Empty,
                $"The baseline '{file.Path}' (RegressionProofBaseline) could not be read; card IDs are not checked (RP0007)");
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

    private static BaselineCards Malformed(string path, SourceText text, int line, int column, string message)
    {
        var position = new LinePosition(Math.Max(0, line - 1), Math.Max(0, column - 1));
        var offset = 0;
        if (position.Line < text.Lines.Count)
        {
            offset = Math.Min(text.Lines[position.Line].Start + position.Character, text.Length);
        }

        return new BaselineCards(path, ImmutableHashSet<string>.Empty,
            $"The baseline '{path}' (RegressionProofBaseline) is not valid at line {line}, column {column}: {message}; card IDs are not checked (RP0007)",
            new LinePositionSpan(position, position), new TextSpan(offset, 0), errorHasPosition: true);
    }
}
