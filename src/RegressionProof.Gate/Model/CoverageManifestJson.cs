using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Model;

/// <summary>
/// The coverage manifest's System.Text.Json metadata, generated at build time. Metadata only, no
/// fast-path serializer: that one writes a whole document before the first byte reaches the file,
/// and a large repository's manifest runs to tens of megabytes.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CoverageManifest))]
[JsonSerializable(typeof(CoverageLink))]
internal sealed partial class CoverageManifestJson : JsonSerializerContext
{
    private static JsonSerializerOptions? s_readOptions;

    /// <summary>
    /// Reading a baseline: the manifest reader's strictness (<see cref="ManifestJson.ReadOptions"/>:
    /// nulls where the model has none, missing required properties and names given twice are errors).
    /// </summary>
    // Made on first use: a static initializer of this partial class may run before the generated
    // ones that Default needs.
    public static JsonSerializerOptions ReadOptions => s_readOptions ??= new(ManifestJson.ReadOptions) { TypeInfoResolver = Default };

    /// <summary>
    /// Writing: <paramref name="options"/> (the report writer's) with the links of the declared type
    /// <see cref="ManifestLink"/> written as the <see cref="CoverageLink"/>s they are, assembly first.
    /// </summary>
    public static JsonSerializerOptions WriteOptions(JsonWriterOptions options) => new(ManifestJson.Options)
    {
        WriteIndented = options.Indented,
        NewLine = options.NewLine,
        Encoder = options.Encoder,
        TypeInfoResolver = Default.WithAddedModifier(WriteLinksWithTheirAssembly),
    };

    private static void WriteLinksWithTheirAssembly(JsonTypeInfo info)
    {
        if (info.Type == typeof(ManifestLink))
        {
            info.PolymorphismOptions = new JsonPolymorphismOptions { DerivedTypes = { new JsonDerivedType(typeof(CoverageLink)) } };
        }
    }
}
