using System;
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
    /// Parses manifest JSON. Throws <see cref="ManifestFormatException"/> for JSON that is not a
    /// manifest, with the line and column where there is one.
    /// </summary>
    public static ManifestDocument Parse(string json, string source) => Parse(Encoding.UTF8.GetBytes(json), source);

    /// <inheritdoc cref="Parse(string, string)"/>
    public static ManifestDocument Parse(ReadOnlyMemory<byte> utf8, string source)
    {
        string? schema;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestFormatException(source, "the manifest is not a JSON object", null, null);
            }

            schema = document.RootElement.TryGetProperty("schema", out var schemaElement) && schemaElement.ValueKind == JsonValueKind.String
                ? schemaElement.GetString()
                : null;
        }
        catch (JsonException exception)
        {
            throw Malformed(source, exception);
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

        try
        {
            var manifest = JsonSerializer.Deserialize<ManifestDocument>(utf8.Span, Options)
                ?? throw new ManifestFormatException(source, "the manifest is null", null, null);
            foreach (var link in manifest.Links)
            {
                if (link is null || Array.IndexOf(LinkKinds.All, link.Kind) < 0)
                {
                    throw new ManifestFormatException(source, $"a link has an unknown kind '{link?.Kind}'", null, null);
                }
            }

            return manifest;
        }
        catch (JsonException exception)
        {
            throw Malformed(source, exception);
        }
    }

    public static string Serialize(ManifestDocument manifest) => JsonSerializer.Serialize(manifest, Options);

    private static ManifestFormatException Malformed(string source, JsonException exception) =>
        new(source,
            "the manifest JSON is corrupt: " + FirstSentence(exception.Message),
            exception.LineNumber is { } line ? (int)line + 1 : null,
            exception.BytePositionInLine is { } column ? (int)column + 1 : null);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
