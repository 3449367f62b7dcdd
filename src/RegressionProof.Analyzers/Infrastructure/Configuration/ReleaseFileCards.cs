using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// The card IDs of the configured release file (<c>RegressionProofReleaseFile</c>), or why they
/// could not be read. The analyzers read only the IDs; the gate validates the whole file.
/// </summary>
internal sealed class ReleaseFileCards
{
    // Parsed once per file version: the IDE hands a new AdditionalText when the file changes.
    private static readonly ConditionalWeakTable<AdditionalText, ReleaseFileCards> Cache = new();

    private ReleaseFileCards(string path, ImmutableHashSet<string> ids, ConfigurationProblem? problem)
    {
        Path = path;
        Ids = ids;
        Problem = problem;
    }

    public string Path { get; }

    /// <summary>Cards of the release and retired cards: IDs that code may name.</summary>
    public ImmutableHashSet<string> Ids { get; }

    /// <summary>Why the file could not be used; null when <see cref="Ids"/> is complete.</summary>
    public ConfigurationProblem? Problem { get; }

    /// <summary>The file name as messages show it.</summary>
    public string FileName => MessageText.Escape(System.IO.Path.GetFileName(Path));

    /// <summary>
    /// The release file configured for this compilation: null when none is configured; a value
    /// with a <see cref="Problem"/> when it is configured but missing or malformed.
    /// </summary>
    public static ReleaseFileCards? Find(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var configured = RegressionProofOptions.GetReleaseFilePath(options);
        if (configured is null)
        {
            return null;
        }

        var file = ConfiguredAdditionalFile.Find(options.AdditionalFiles, configured);
        if (file is null)
        {
            return new ReleaseFileCards(configured, ImmutableHashSet<string>.Empty, new ConfigurationProblem(
                Descriptors.RP0010_ReleaseFileNotFound, Location.None, MessageText.Escape(configured)));
        }

        return Cache.GetValue(file, f => Read(f, cancellationToken));
    }

    private static ReleaseFileCards Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return new ReleaseFileCards(file.Path, ImmutableHashSet<string>.Empty, new ConfigurationProblem(
                Descriptors.RP0010_UnreadableReleaseFile, Location.None, MessageText.Escape(file.Path)));
        }

        var root = JsonDocumentReader.Parse(text.ToString(), out var syntaxError);
        if (root is null)
        {
            return Malformed(file.Path, text, syntaxError!.Line, syntaxError.Column, syntaxError.Message);
        }

        if (root.Kind != JsonNodeKind.Object)
        {
            return Malformed(file.Path, text, root.Line, root.Column, "the release file must be a JSON object");
        }

        var ids = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var cards = root["cards"];
        if (cards is null || cards.Kind != JsonNodeKind.Array)
        {
            var at = cards ?? root;
            return Malformed(file.Path, text, at.Line, at.Column, "\"cards\" must be an array of cards");
        }

        foreach (var card in cards.Items)
        {
            var id = card.Kind == JsonNodeKind.Object ? card["id"] : null;
            if (id?.AsString is not { Length: > 0 } value)
            {
                var at = id ?? card;
                return Malformed(file.Path, text, at.Line, at.Column, "every card needs an \"id\" string");
            }

            ids.Add(value);
        }

        if (root["retired"] is { Kind: JsonNodeKind.Array } retired)
        {
            foreach (var entry in retired.Items)
            {
                if ((entry.AsString ?? entry["id"]?.AsString) is { Length: > 0 } retiredId)
                {
                    ids.Add(retiredId);
                }
            }
        }

        return new ReleaseFileCards(file.Path, ids.ToImmutable(), null);
    }

    private static ReleaseFileCards Malformed(string path, SourceText text, int line, int column, string message) =>
        new(path, ImmutableHashSet<string>.Empty, new ConfigurationProblem(
            Descriptors.RP0010_InvalidReleaseFile, ConfigurationProblem.At(path, text, line, column),
            MessageText.Escape(path), line, column, MessageText.Escape(message)));
}
