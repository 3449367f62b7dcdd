using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Inputs;

/// <summary>Reads an earlier <c>coverage-manifest.json</c> as the baseline of this release.</summary>
internal static class BaselineReader
{
    public static Baseline Read(string path)
    {
        var text = TextFile.Read(path, "baseline", TextFile.MaxGeneratedBytes);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String)
            {
                throw new InputException(path, "is not a coverage manifest (it has no \"schema\")");
            }

            if (schema.GetString() != CoverageManifestWriter.Schema)
            {
                throw new InputException(path, $"has the schema '{schema.GetString()}'; this version reads '{CoverageManifestWriter.Schema}'");
            }

            var version = root.TryGetProperty("release", out var release) && release.ValueKind == JsonValueKind.Object && release.TryGetProperty("version", out var v) ? v.GetString() : null;
            var cards = Array(root, "cards").Select(c => c.GetProperty("id").GetString()!).ToList();
            var links = Array(root, "links").Select(l => l.Deserialize<ManifestLink>(ManifestJson.Options)!).ToList();
            var api = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var migrations = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var assembly in Array(root, "assemblies"))
            {
                var name = assembly.GetProperty("name").GetString()!;
                api[name] = Array(assembly, "publicApi").Select(e => e.GetString()!).ToList();
                migrations[name] = Array(assembly, "migrations").Select(e => e.GetString()!).ToList();
            }

            return new Baseline(path, version, cards, links, api, migrations);
        }
        catch (JsonException exception)
        {
            throw new InputException(path, "the baseline is not valid: " + exception.Message.Split(". ")[0], exception.LineNumber + 1, exception.BytePositionInLine + 1);
        }
        catch (Exception exception) when (exception is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InputException(path, "the baseline is not a coverage manifest of the expected shape: " + exception.Message);
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
}
