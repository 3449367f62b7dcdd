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
        // A baseline of a large repository runs to tens of megabytes: it is deserialized straight
        // from its UTF-8 bytes, never held as a string or a document tree.
        var bytes = TextFile.ReadUtf8(path, "baseline", TextFile.MaxGeneratedBytes);
        Coverage? coverage;
        try
        {
            coverage = JsonSerializer.Deserialize<Coverage>(bytes.Span, ManifestJson.Options);
        }
        catch (JsonException exception)
        {
            throw new InputException(path, "the baseline is not valid: " + exception.Message.Split(". ")[0], exception.LineNumber + 1, exception.BytePositionInLine + 1);
        }

        if (coverage?.Schema is null)
        {
            throw new InputException(path, "is not a coverage manifest (it has no \"schema\")");
        }

        if (coverage.Schema != CoverageManifestWriter.Schema)
        {
            throw new InputException(path, $"has the schema '{coverage.Schema}'; this version reads '{CoverageManifestWriter.Schema}'");
        }

        var links = coverage.Links ?? [];
        if (links.Any(l => l is null || l.Card is null || l.Kind is null || l.Symbol is null))
        {
            throw new InputException(path, "the baseline has a link without kind, card or symbol");
        }

        var assemblies = (coverage.Assemblies ?? []).OfType<AssemblyInfo>().Where(a => a.Name is not null).ToList();
        return new Baseline(
            path,
            coverage.Release?.Version,
            (coverage.Cards ?? []).Where(c => c?.Id is not null).Select(c => c!.Id!).ToList(),
            links,
            assemblies.ToDictionary(a => a.Name!, a => (IReadOnlyList<string>)(a.PublicApi ?? []), StringComparer.Ordinal),
            assemblies.ToDictionary(a => a.Name!, a => (IReadOnlyList<string>)(a.Migrations ?? []), StringComparer.Ordinal),
            assemblies.Where(a => a.PublicApiFormat is null).Select(a => a.Name!).ToHashSet(StringComparer.Ordinal));
    }

    private sealed record Coverage(string? Schema, ReleaseInfo? Release, List<CardInfo?>? Cards, List<AssemblyInfo?>? Assemblies, List<ManifestLink>? Links);

    private sealed record ReleaseInfo(string? Version);

    private sealed record CardInfo(string? Id);

    /// <summary>An assembly of the baseline; <see cref="PublicApiFormat"/> is absent in manifests of earlier versions.</summary>
    private sealed record AssemblyInfo(string? Name, List<string>? PublicApi, List<string>? Migrations, int? PublicApiFormat);
}
