using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// <c>coverage-manifest.json</c> (schema docs/schemas/coverage-manifest.v1.schema.json): every link
/// merged, the status of each card, the API surface and migrations of each assembly, the findings.
/// It is the next release's <c>--baseline</c>.
/// </summary>
internal static class CoverageManifestWriter
{
    public const string Schema = CoverageManifestFormat.Schema;

    /// <summary>
    /// The format of <c>publicApi</c> lines: 2 is <c>identity | description</c> (docs/gate.md,
    /// "Public API entries"). Manifests without the field hold the earlier lines.
    /// </summary>
    public const int PublicApiFormat = 2;

    private const int FlushThreshold = 64 * 1024;

    public static string Write(GateResult result) => Encoding.UTF8.GetString(WriteUtf8(result));

    /// <summary>The manifest as UTF-8 bytes (for tests and <c>--format json</c>).</summary>
    public static byte[] WriteUtf8(GateResult result)
    {
        using var stream = new MemoryStream();
        WriteTo(stream, result);
        return stream.ToArray();
    }

    /// <summary>
    /// Writes the manifest to <paramref name="stream"/> as it goes: a large repository's manifest
    /// runs to tens of megabytes, and holding it whole (in a growing buffer, then a copy) made the
    /// garbage collector's work grow faster than the repository.
    /// </summary>
    public static void WriteTo(Stream stream, GateResult result)
    {
        var input = result.Input;
        using (var json = new Utf8JsonWriter(stream, ReportJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteStartObject("release");
            json.WriteString("version", input.Release.Version);
            json.WriteString("class", input.Release.Class.ToString().ToLowerInvariant());
            json.WriteString("lane", input.Release.Lane == ReleaseLane.FastPatch ? "fast-patch" : "standard");
            json.WriteEndObject();
            json.WriteString("asOf", input.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("verdict", result.Verdict);

            json.WriteStartArray("cards");
            foreach (var card in result.Cards.OrderBy(c => c.Card.Id, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", card.Card.Id);
                WriteOptional(json, "title", card.Card.Title);
                json.WriteString("status", card.Status);
                json.WriteNumber("fixes", card.Fixes);
                json.WriteNumber("proofs", card.Proofs.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("retired");
            foreach (var retired in input.Release.Retired.Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(retired);
            }

            json.WriteEndArray();

            json.WriteStartArray("assemblies");
            foreach (var assembly in input.Assemblies.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", assembly.Name);
                json.WriteStartArray("files");
                foreach (var file in assembly.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
                {
                    json.WriteStartObject();
                    json.WriteString("path", file.Path);
                    json.WriteString("sha256", file.Sha256);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteBoolean("publicApiChecked", assembly.PublicApiChecked);
                json.WriteNumber("publicApiFormat", PublicApiFormat);
                WriteStrings(json, "publicApi", assembly.PublicApi);
                WriteStrings(json, "migrations", assembly.Migrations);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("links");
            // Assemblies are sorted by name and each one's links by path and line when scanned:
            // writing them in that order is deterministic without sorting 100,000 links again.
            foreach (var assembly in input.Assemblies.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                foreach (var link in assembly.Links)
                {
                    WriteLink(json, assembly.Name, link);
                }

                // The writer buffers everything until flushed; flushing per assembly keeps its buffer small.
                if (json.BytesPending > FlushThreshold)
                {
                    json.Flush();
                }
            }

            json.WriteEndArray();

            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteString("policy", finding.Policy);
                json.WriteString("level", finding.Level == FindingLevel.Error ? "error" : "warning");
                WriteOptional(json, "card", finding.Card);
                json.WriteString("message", finding.Message);
                json.WriteString("fix", finding.Fix);
                if (ReportLocation.Of(finding) is { } location)
                {
                    json.WriteString("path", location.Path);
                    if (location.Line is { } line)
                    {
                        json.WriteNumber("line", line);
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>A manifest link (the shape of manifest.v1) with the assembly it came from; nulls omitted.</summary>
    private static void WriteLink(Utf8JsonWriter json, string assembly, ManifestLink link)
    {
        json.WriteStartObject();
        json.WriteString("assembly", assembly);
        json.WriteString("kind", link.Kind);
        json.WriteString("card", link.Card);
        json.WriteString("symbol", link.Symbol);
        json.WriteString("display", link.Display);
        json.WriteString("path", link.Path);
        json.WriteNumber("line", link.Line);
        WriteOptional(json, "framework", link.Framework);
        WriteOptional(json, "test", link.Test);
        WriteOptional(json, "declaredOn", link.DeclaredOn);
        WriteOptional(json, "level", link.Level);
        WriteOptional(json, "signal", link.Signal);
        WriteOptional(json, "name", link.Name);
        WriteOptional(json, "rule", link.Rule);
        WriteOptional(json, "baseline", link.Baseline);
        WriteOptional(json, "threshold", link.Threshold);
        WriteOptional(json, "panel", link.Panel);
        WriteOptional(json, "steps", link.Steps);
        WriteOptional(json, "recordedOn", link.RecordedOn);
        WriteOptional(json, "automateBy", link.AutomateBy);
        WriteOptional(json, "evidence", link.Evidence);
        json.WriteString("fingerprint", link.Fingerprint);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, System.Collections.Generic.IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values.Order(StringComparer.Ordinal))
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
