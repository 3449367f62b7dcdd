using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RegressionProof.Contract;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Reads an earlier <c>coverage-manifest.json</c> as the baseline of this release, through the
/// records the gate writes it with (<see cref="CoverageManifest"/>).
/// </summary>
internal static class BaselineReader
{
    /// <param name="role">What the manifest is to the command reading it, for its messages: the gate's baseline, close-out's coverage manifest.</param>
    public static Baseline Read(string path, string role = "baseline")
    {
        // A baseline of a large repository runs to tens of megabytes: it is deserialized straight
        // from its UTF-8 bytes, never held as a string or a document tree.
        var bytes = TextFile.ReadUtf8(path, role, out var sha256, TextFile.MaxGeneratedBytes);
        CoverageManifest? coverage;
        try
        {
            coverage = JsonSerializer.Deserialize(bytes.Span, CoverageTypeInfo);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: System.Text.Json's answer to a string that is not text.
            if (TopLevelSchema(bytes.Span) is { } schema && schema != ManifestContract.CoverageSchema)
            {
                throw WrongSchema(path, schema);
            }

            var problem = JsonProblem.Of(exception, bytes.Span, typeof(CoverageManifest), CoverageManifestJson.ReadOptions);
            throw new InputException(path, $"the {role} is not valid: " + problem.Reason, problem.Line, problem.Column);
        }

        if (coverage?.Schema is null)
        {
            throw new InputException(path, "is not a coverage manifest (it has no \"schema\")");
        }

        if (coverage.Schema != ManifestContract.CoverageSchema)
        {
            throw WrongSchema(path, coverage.Schema);
        }

        var links = List(coverage.Links);
        var cards = List(coverage.Cards);
        var assemblies = List(coverage.Assemblies);
        NoNullItems(path, bytes, role, "links", links, "a link object");
        NoNullItems(path, bytes, role, "cards", cards, "a card object");
        NoNullItems(path, bytes, role, "assemblies", assemblies, "an assembly object");
        var publicApi = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var migrations = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var fileHashes = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var memberHashes = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < assemblies.Count; i++)
        {
            var assembly = assemblies[i];
            if (!first.TryAdd(assembly.Name, i))
            {
                var earlier = JsonProblem.At(bytes.Span, $"$.assemblies[{first[assembly.Name]}].name", string.Empty);
                var problem = JsonProblem.At(bytes.Span, $"$.assemblies[{i}].name",
                    $"the {role} lists the assembly \"{assembly.Name}\" twice (assemblies[{first[assembly.Name]}]{(earlier.Line is { } line ? $" at line {line}" : string.Empty)} and assemblies[{i}]); a coverage manifest lists each assembly once");
                throw new InputException(path, problem.Reason, problem.Line, problem.Column);
            }

            publicApi[assembly.Name] = List(assembly.PublicApi);
            migrations[assembly.Name] = List(assembly.Migrations);
            NoNullItems(path, bytes, role, $"assemblies[{i}].publicApi", publicApi[assembly.Name], "a string");
            NoNullItems(path, bytes, role, $"assemblies[{i}].migrations", migrations[assembly.Name], "a string");
            var files = List(assembly.Files);
            NoNullItems(path, bytes, role, $"assemblies[{i}].files", files, "a file object");
            fileHashes[assembly.Name] = files.Select(f => f.Sha256).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (assembly.MemberHashes is { } hashes)
            {
                foreach (var (id, hash) in hashes)
                {
                    if (hash is null)
                    {
                        var problem = JsonProblem.At(bytes.Span, $"$.assemblies[{i}].memberHashes", $"the {role} is not valid: the hash of {id} in assemblies[{i}].memberHashes is null; expected a string");
                        throw new InputException(path, problem.Reason, problem.Line, problem.Column);
                    }
                }

                memberHashes[assembly.Name] = hashes;
            }
        }

        var retired = List(coverage.Retired);
        NoNullItems(path, bytes, role, "retired", retired, "a string");
        var legacyFormat = assemblies.Where(a => a.PublicApiFormat is null).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return new Baseline(path, coverage.Release?.Version, cards.Select(c => c.Id).ToList(), links, publicApi, migrations, legacyFormat)
        {
            Sha256 = sha256,
            MemberHashes = memberHashes,
            FileHashes = fileHashes,
            Retired = retired,
            Trend = Trend(path, bytes, role, coverage, cards, links),
        };
    }

    /// <summary>
    /// The baseline's trend; for a manifest written before the trend, its own release counted from
    /// its cards, links and findings, or nothing when it does not say which release it was.
    /// </summary>
    private static IReadOnlyList<CoverageTrendEntry> Trend(string path, ReadOnlyMemory<byte> bytes, string role, CoverageManifest coverage, IReadOnlyList<CoverageCard> cards, IReadOnlyList<ManifestLink> links)
    {
        if (coverage.Trend is null)
        {
            return ReleaseTrend.FromEarlierManifest(coverage, cards, links) is { } own ? [own] : [];
        }

        var trend = List(coverage.Trend);
        NoNullItems(path, bytes, role, "trend", trend, "a release's figures");
        for (var i = 0; i < trend.Count; i++)
        {
            var entry = trend[i];
            foreach (var (name, value) in new[] { ("cards", entry.Cards), ("proven", entry.Proven), ("manual", entry.Manual), ("errors", entry.Errors), ("warnings", entry.Warnings), ("waived", entry.Waived) })
            {
                if (value < 0)
                {
                    var problem = JsonProblem.At(bytes.Span, $"$.trend[{i}].{name}", $"the {role} is not valid: trend[{i}].{name} is {value}; expected a count (0 or more)");
                    throw new InputException(path, problem.Reason, problem.Line, problem.Column);
                }
            }
        }

        return trend;
    }

    private static readonly JsonTypeInfo<CoverageManifest> CoverageTypeInfo =
        (JsonTypeInfo<CoverageManifest>)CoverageManifestJson.ReadOptions.GetTypeInfo(typeof(CoverageManifest));

    /// <summary>A list read from the file (the reader makes sequences into lists), or an empty one for an absent list.</summary>
    private static IReadOnlyList<T> List<T>(IEnumerable<T>? items) => items switch
    {
        null => [],
        IReadOnlyList<T> list => list,
        _ => items.ToList(),
    };

    private static InputException WrongSchema(string path, string schema) =>
        new(path, $"has the schema '{schema}'; this version reads '{ManifestContract.CoverageSchema}'");

    /// <summary>
    /// Lists hold no null: element types are not checked by the reader (nullable annotations of
    /// type arguments are not visible to it), so they are checked here, with the position.
    /// </summary>
    private static void NoNullItems<T>(string path, ReadOnlyMemory<byte> bytes, string role, string name, IReadOnlyList<T> items, string expected)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                var problem = JsonProblem.At(bytes.Span, $"$.{name}[{i}]", $"the {role} is not valid: {name}[{i}] is null; expected {expected}");
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
}
