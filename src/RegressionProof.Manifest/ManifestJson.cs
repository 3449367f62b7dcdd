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

        string? schema;
        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestFormatException(source, "the manifest is not a JSON object", null, null);
            }

            schema = document.RootElement.TryGetProperty("schema", out var schemaElement) && schemaElement.ValueKind == JsonValueKind.String
                ? schemaElement.GetString()
                : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw Malformed(source, exception, utf8.Span);
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
        }

        return manifest;
    }

    public static string Serialize(ManifestDocument manifest) => JsonSerializer.Serialize(manifest, Options);

    // InvalidOperationException: System.Text.Json's answer to a string that is not text.
    private static ManifestFormatException Malformed(string source, Exception exception, ReadOnlySpan<byte> utf8) =>
        Unusable(source, "the manifest JSON is corrupt: ", JsonProblem.Of(exception, utf8, typeof(ManifestDocument), ReadOptions));

    private static ManifestFormatException Unusable(string source, string prefix, JsonProblem problem) =>
        new(source, prefix + problem.Reason, problem.Line, problem.Column);
}
