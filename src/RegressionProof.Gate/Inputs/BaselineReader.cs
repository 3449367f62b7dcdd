using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Inputs;

/// <summary>Reads an earlier <c>coverage-manifest.json</c> as the baseline of this release.</summary>
internal static class BaselineReader
{
    public static Baseline Read(string path)
    {
        // A baseline of a large repository runs to tens of megabytes: it is deserialized straight
        // from its UTF-8 bytes, never held as a string or a document tree.
        var bytes = TextFile.ReadUtf8(path, "baseline", TextFile.MaxGeneratedBytes);
        Coverage? coverage;
        try
        {
            coverage = JsonSerializer.Deserialize<Coverage>(bytes.Span, ManifestJson.ReadOptions);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: System.Text.Json's answer to a string that is not text.
            if (TopLevelSchema(bytes.Span) is { } schema && schema != CoverageManifestFormat.Schema)
            {
                throw WrongSchema(path, schema);
            }

            var problem = JsonProblem.Of(exception, bytes.Span, typeof(Coverage), ManifestJson.ReadOptions);
            throw new InputException(path, "the baseline is not valid: " + problem.Reason, problem.Line, problem.Column);
        }

        if (coverage?.Schema is null)
        {
            throw new InputException(path, "is not a coverage manifest (it has no \"schema\")");
        }

        if (coverage.Schema != CoverageManifestFormat.Schema)
        {
            throw WrongSchema(path, coverage.Schema);
        }

        var links = coverage.Links ?? [];
        var cards = coverage.Cards ?? [];
        var assemblies = coverage.Assemblies ?? [];
        NoNullItems(path, bytes, "links", links, "a link object");
        NoNullItems(path, bytes, "cards", cards, "a card object");
        NoNullItems(path, bytes, "assemblies", assemblies, "an assembly object");
        var publicApi = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var migrations = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < assemblies.Count; i++)
        {
            var assembly = assemblies[i];
            if (!first.TryAdd(assembly.Name, i))
            {
                var earlier = JsonProblem.At(bytes.Span, $"$.assemblies[{first[assembly.Name]}].name", string.Empty);
                var problem = JsonProblem.At(bytes.Span, $"$.assemblies[{i}].name",
                    $"the baseline lists the assembly \"{assembly.Name}\" twice (assemblies[{first[assembly.Name]}]{(earlier.Line is { } line ? $" at line {line}" : string.Empty)} and assemblies[{i}]); a coverage manifest lists each assembly once");
                throw new InputException(path, problem.Reason, problem.Line, problem.Column);
            }

            NoNullItems(path, bytes, $"assemblies[{i}].publicApi", assembly.PublicApi ?? [], "a string");
            NoNullItems(path, bytes, $"assemblies[{i}].migrations", assembly.Migrations ?? [], "a string");
            publicApi[assembly.Name] = assembly.PublicApi ?? [];
            migrations[assembly.Name] = assembly.Migrations ?? [];
        }

        var legacyFormat = assemblies.Where(a => a.PublicApiFormat is null).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return new Baseline(path, coverage.Release?.Version, cards.Select(c => c.Id).ToList(), links, publicApi, migrations, legacyFormat);
    }

    private static InputException WrongSchema(string path, string schema) =>
        new(path, $"has the schema '{schema}'; this version reads '{CoverageManifestFormat.Schema}'");

    /// <summary>
    /// Lists hold no null: element types are not checked by the reader (nullable annotations of
    /// type arguments are not visible to it), so they are checked here, with the position.
    /// </summary>
    private static void NoNullItems<T>(string path, ReadOnlyMemory<byte> bytes, string name, IReadOnlyList<T> items, string expected)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                var problem = JsonProblem.At(bytes.Span, $"$.{name}[{i}]", $"the baseline is not valid: {name}[{i}] is null; expected {expected}");
                throw new InputException(path, problem.Reason, problem.Line, problem.Column);
            }
        }
    }

    /// <summary>The top-level "schema" string, read without the rest, to name a baseline of another version.</summary>
    private static string? TopLevelSchema(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSchema = reader.ValueTextEquals("schema"u8);
                reader.Read();
                if (isSchema)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // the text is broken before the schema: the reader's own error says where
        }

        return null;
    }

    // What the baseline must hold has no default; the rest may be left out.
    private sealed record Coverage(string? Schema = null, ReleaseInfo? Release = null, List<CardInfo>? Cards = null, List<AssemblyInfo>? Assemblies = null, List<ManifestLink>? Links = null);

    private sealed record ReleaseInfo(string? Version = null);

    private sealed record CardInfo(string Id);

    /// <summary>An assembly of the baseline; <see cref="PublicApiFormat"/> is absent in manifests of earlier versions.</summary>
    private sealed record AssemblyInfo(string Name, List<string>? PublicApi = null, List<string>? Migrations = null, int? PublicApiFormat = null);
}
