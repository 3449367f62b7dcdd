using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegressionProof.Manifest;

/// <summary>Reads and writes manifest JSON (schema <see cref="ManifestDocument.SchemaV1"/>).</summary>
public static class ManifestJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>
    /// The options manifests and baselines are read with: a null where the model has none, a
    /// missing required property or a name given twice in one object is an error, not a model
    /// that fails later (or is written out) with nulls in it.
    /// </summary>
    public static readonly JsonSerializerOptions ReadOptions = new(Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
    };

    /// <summary>
    /// Parses manifest JSON. Throws <see cref="ManifestFormatException"/> for JSON that is not a
    /// manifest, with the line and column where there is one.
    /// </summary>
    public static ManifestDocument Parse(string json, string source) => Parse(Encoding.UTF8.GetBytes(json), source);

    /// <inheritdoc cref="Parse(string, string)"/>
    public static ManifestDocument Parse(ReadOnlyMemory<byte> utf8, string source)
    {
        // Metadata stores whatever bytes the attribute's string had; a lone surrogate is not text.
        if (JsonProblem.NotUtf8(utf8.Span) is { } encoding)
        {
            throw Unusable(source, "the manifest is not text: ", encoding);
        }

        if (!TryReadSchema(utf8.Span, out var schema))
        {
            schema = ReadSchema(utf8, source);
        }

        if (schema != ManifestDocument.SchemaV1)
        {
            throw new ManifestFormatException(
                source,
                schema is null
                    ? "the manifest has no \"schema\""
                    : $"the manifest schema '{schema}' is not supported (this version reads '{ManifestDocument.SchemaV1}'); update RegressionProof.Gate",
                null,
                null);
        }

        ManifestDocument manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ManifestDocument>(utf8.Span, ReadOptions)
                ?? throw new ManifestFormatException(source, "the manifest is null", null, null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw Malformed(source, exception, utf8.Span);
        }

        for (var i = 0; i < manifest.Links.Count; i++)
        {
            var link = manifest.Links[i];
            if (link is null)
            {
                throw Unusable(source, "the manifest JSON is corrupt: ", JsonProblem.At(utf8.Span, $"$.links[{i}]", $"links[{i}] is null; expected a link object"));
            }

            if (Array.IndexOf(LinkKinds.All, link.Kind) < 0)
            {
                throw Unusable(source, string.Empty, JsonProblem.At(utf8.Span, $"$.links[{i}].kind", $"a link has an unknown kind '{link.Kind}'; expected one of {string.Join(", ", LinkKinds.All)}"));
            }

            // A whole number is the serializer's to check; one below 1 is a column no file has.
            if (link.Column is { } column && column < 1)
            {
                throw Unusable(source, "the manifest JSON is corrupt: ", JsonProblem.At(utf8.Span, $"$.links[{i}].column", $"links[{i}].column is {column.ToString(CultureInfo.InvariantCulture)}; expected a whole number from 1"));
            }
        }

        return manifest;
    }

    /// <summary>
    /// The top-level "schema" of a manifest object, read from a document model, which reports a
    /// syntax error or a name given twice anywhere in the text (through <see cref="Malformed"/>).
    /// </summary>
    private static string? ReadSchema(ReadOnlyMemory<byte> utf8, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestFormatException(source, "the manifest is not a JSON object", null, null);
            }

            return document.RootElement.TryGetProperty("schema", out var schemaElement) && schemaElement.ValueKind == JsonValueKind.String
                ? schemaElement.GetString()
                : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw Malformed(source, exception, utf8.Span);
        }
    }

    /// <summary>
    /// The top-level "schema" of a manifest in one forward pass with no document model, when the
    /// text is a JSON object without a syntax error, a name given twice in one object, or an escaped
    /// name or schema; false otherwise, and then <see cref="ReadSchema"/> reads it and says what is
    /// wrong. Every manifest the generator writes passes, without building the model.
    /// </summary>
    private static bool TryReadSchema(ReadOnlySpan<byte> utf8, out string? schema)
    {
        schema = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        var names = new List<(int Offset, int Length)>(); // the names of the objects open, innermost last
        var firsts = new Stack<int>(); // where each open object's names start in names
        var schemaNext = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            firsts.Push(0);
            while (reader.Read())
            {
                if (schemaNext)
                {
                    schemaNext = false;
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        if (reader.ValueIsEscaped)
                        {
                            return false;
                        }

                        schema = reader.GetString();
                    }
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        firsts.Push(names.Count);
                        break;
                    case JsonTokenType.EndObject:
                        var first = firsts.Pop();
                        names.RemoveRange(first, names.Count - first);
                        break;
                    case JsonTokenType.PropertyName:
                        if (reader.ValueIsEscaped || reader.HasValueSequence || !utf8.Overlaps(reader.ValueSpan, out var offset))
                        {
                            return false;
                        }

                        var name = reader.ValueSpan;
                        for (var i = firsts.Peek(); i < names.Count; i++)
                        {
                            if (utf8.Slice(names[i].Offset, names[i].Length).SequenceEqual(name))
                            {
                                return false;
                            }
                        }

                        names.Add((offset, name.Length));
                        schemaNext = reader.CurrentDepth == 1 && name.SequenceEqual("schema"u8);
                        break;
                }
            }

            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    public static string Serialize(ManifestDocument manifest) => JsonSerializer.Serialize(manifest, Options);

    // InvalidOperationException: System.Text.Json's answer to a string that is not text.
    private static ManifestFormatException Malformed(string source, Exception exception, ReadOnlySpan<byte> utf8) =>
        Unusable(source, "the manifest JSON is corrupt: ", JsonProblem.Of(exception, utf8, typeof(ManifestDocument), ReadOptions));

    private static ManifestFormatException Unusable(string source, string prefix, JsonProblem problem) =>
        new(source, prefix + problem.Reason, problem.Line, problem.Column);
}
