using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// The card IDs of the configured release file (<c>RegressionProofReleaseFile</c>): its cards and
/// retired cards, IDs that code may name. The analyzers read only the IDs; the gate validates the
/// whole file.
/// </summary>
internal static class ReleaseFileCards
{
    private static readonly CardFileReader Reader = new(
        Descriptors.RP0010_ReleaseFileNotFound, Descriptors.RP0010_UnreadableReleaseFile, Descriptors.RP0010_InvalidReleaseFile, Parse);

    /// <summary>
    /// The release file configured for this compilation: null when none is configured; a value
    /// with a <see cref="CardFile.Problem"/> when it is configured but missing or malformed.
    /// </summary>
    public static CardFile? Find(AnalyzerOptions options, CancellationToken cancellationToken) =>
        Reader.Find(RegressionProofOptions.GetReleaseFilePath(options), options, cancellationToken);

    private static ImmutableHashSet<string>? Parse(string text, out JsonSyntaxError? problem)
    {
        var root = JsonDocumentReader.Parse(text, out problem);
        if (root is null)
        {
            return null;
        }

        if (root.Kind != JsonNodeKind.Object)
        {
            return Malformed(root, "the release file must be a JSON object", out problem);
        }

        var ids = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var cards = root["cards"];
        if (cards is null || cards.Kind != JsonNodeKind.Array)
        {
            return Malformed(cards ?? root, "\"cards\" must be an array of cards", out problem);
        }

        foreach (var card in cards.Items)
        {
            var id = card.Kind == JsonNodeKind.Object ? card["id"] : null;
            if (id?.AsString is not { Length: > 0 } value)
            {
                return Malformed(id ?? card, "every card needs an \"id\" string", out problem);
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

        return ids.ToImmutable();
    }

    private static ImmutableHashSet<string>? Malformed(JsonNode at, string message, out JsonSyntaxError? problem)
    {
        problem = new JsonSyntaxError(message, at.Line, at.Column);
        return null;
    }
}
