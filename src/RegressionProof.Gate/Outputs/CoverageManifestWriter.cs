using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using RegressionProof.Contract;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// <c>coverage-manifest.json</c> (schema docs/schemas/coverage-manifest.v1.schema.json): every link
/// merged, the status of each card, the API surface, migrations and member hashes of each assembly, the findings,
/// and the trend of the releases up to this one (<see cref="ReleaseTrend"/>).
/// It is the next release's <c>--baseline</c>, read back by <c>Inputs/BaselineReader</c> through
/// the same records (<see cref="CoverageManifest"/>).
/// </summary>
internal static class CoverageManifestWriter
{
    public const string Schema = ManifestContract.CoverageSchema;

    /// <summary>
    /// The format of <c>publicApi</c> lines: 2 is <c>identity | description</c> (docs/gate.md,
    /// "Public API entries"). Manifests without the field hold the earlier lines.
    /// </summary>
    public const int PublicApiFormat = 2;

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
    /// garbage collector's work grow faster than the repository. The serializer flushes to the
    /// stream whenever its buffer fills, and the lists are sequences made as they are written.
    /// </summary>
    public static void WriteTo(Stream stream, GateResult result)
    {
        JsonSerializer.Serialize(stream, Model(result), WriteOptions.GetTypeInfo(typeof(CoverageManifest)));
        stream.WriteByte((byte)'\n');
    }

    private static readonly JsonSerializerOptions WriteOptions = CoverageManifestJson.WriteOptions(ReportJson.WriterOptions);

    private static CoverageManifest Model(GateResult result)
    {
        var input = result.Input;
        var assemblies = input.Assemblies.OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        return new CoverageManifest(
            Schema,
            new CoverageRelease(
                input.Release.Version,
                input.Release.Class.ToString().ToLowerInvariant(),
                input.Release.Lane == ReleaseLane.FastPatch ? "fast-patch" : "standard"),
            input.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            result.Verdict,
            result.Cards
                .OrderBy(c => c.Card.Id, StringComparer.Ordinal)
                .Select(card => new CoverageCard(card.Card.Id, card.Card.Title, card.Status, card.Fixes, card.Proofs.Count)),
            input.Release.Retired.Order(StringComparer.Ordinal),
            assemblies.Select(assembly => new CoverageAssembly(
                assembly.Name,
                assembly.Files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(file => new CoverageFile(file.Path, file.Sha256)),
                assembly.PublicApiChecked,
                PublicApiFormat,
                assembly.PublicApi.Order(StringComparer.Ordinal),
                assembly.Migrations.Order(StringComparer.Ordinal),
                assembly.MemberHashes)),
            // Assemblies are sorted by name and each one's links by path and line when scanned:
            // writing them in that order is deterministic without sorting 100,000 links again.
            assemblies.SelectMany(assembly => assembly.Links.Select(link => (ManifestLink)new CoverageLink(assembly.Name, link))),
            result.Findings.Select(Finding),
            input.Release.Exceptions.Select(exception => Exception(exception, result)),
            BetweenReleases.Trend(result));
    }

    private static CoverageException Exception(ReleaseException exception, GateResult result) => new()
    {
        Check = exception.Check,
        Card = exception.Card,
        Reason = exception.Reason,
        Approver = exception.Approver,
        Rca = exception.Rca,
        RcaDue = exception.RcaDue is { } due ? AuditedExceptionsCheck.Day(due) : null,
        Expires = AuditedExceptionsCheck.Day(exception.Expires),
        Standing = AuditedExceptionsCheck.Standing(exception, result.Input.AsOf) switch
        {
            ExceptionStanding.Applies => "applies",
            ExceptionStanding.Expired => "expired",
            _ => "no-approver",
        },
        Waived = result.Findings.Count(f => f.WaivedBy == exception),
        RcaOverdue = AuditedExceptionsCheck.RcaOverdue(exception, result.Input.AsOf),
    };

    private static CoverageFinding Finding(Finding finding)
    {
        var location = ReportLocation.Of(finding);
        return new CoverageFinding
        {
            RuleId = finding.RuleId,
            Policy = finding.Policy,
            Level = finding.Level == FindingLevel.Error ? "error" : "warning",
            Card = finding.Card,
            Message = finding.Message,
            Fix = finding.Fix,
            Path = location?.Path,
            Line = location?.Line,
            WaivedBy = finding.WaivedBy?.Index,
        };
    }
}
