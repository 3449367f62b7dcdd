using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// <c>verification-summary.intoto.json</c>: the verdict as an in-toto Statement v1 whose subjects
/// are the gated artifacts and whose predicate is a SLSA Verification Summary v1 (docs/gate.md,
/// "Verification summary"). CI signs it (<c>actions/attest</c>); the gate only writes it. Every
/// value comes from the run, never the clock or the machine: the same inputs give the same bytes.
/// </summary>
internal static class VerificationSummaryWriter
{
    public const string StatementType = "https://in-toto.io/Statement/v1";

    public const string PredicateType = "https://slsa.dev/verification_summary/v1";

    /// <summary>Who verified: the gate, by the page that says what it checks (its version is beside it).</summary>
    public const string VerifierId = "https://github.com/regressionproof/regressionproof/blob/main/docs/gate.md";

    /// <summary>The name <c>verifier.version</c> gives the gate's version under.</summary>
    public const string VerifierName = "verify-regression-safety";

    /// <summary>
    /// The level a passing release is verified at, one per release path: the gate verifies the
    /// guarded release path of its class (and lane), not a SLSA track, and the VSA reserves the
    /// <c>SLSA_</c> prefix for SLSA's own levels.
    /// </summary>
    public const string LevelPrefix = "REGRESSIONPROOF_RELEASE_PATH_";

    /// <param name="verifierVersion">The gate's version, as <c>--version</c> prints it.</param>
    public static byte[] WriteUtf8(GateResult result, string verifierVersion)
    {
        using var stream = new MemoryStream();
        WriteTo(stream, result, verifierVersion);
        return stream.ToArray();
    }

    public static void WriteTo(Stream stream, GateResult result, string verifierVersion)
    {
        var input = result.Input;
        using (var json = new Utf8JsonWriter(stream, ReportJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("_type", StatementType);
            WriteSubjects(json, input);
            json.WriteString("predicateType", PredicateType);
            json.WriteStartObject("predicate");

            json.WriteStartObject("verifier");
            json.WriteString("id", VerifierId);
            json.WriteStartObject("version");
            json.WriteString(VerifierName, verifierVersion);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteString("timeVerified", TimeVerified(input.AsOf));
            json.WriteString("resourceUri", ResourceUri(input));

            json.WriteStartObject("policy");
            json.WriteString("uri", RelativeUri(input.Release.Path));
            if (input.Release.Sha256 is { } policyDigest)
            {
                WriteDigest(json, policyDigest);
            }

            json.WriteEndObject();

            json.WriteStartArray("inputAttestations");
            if (input.Baseline is { Sha256: { } baselineDigest } baseline)
            {
                WriteDescriptor(json, "uri", RelativeUri(baseline.Name), baselineDigest);
            }

            if (input.TestResults is { } results)
            {
                foreach (var file in results.Files)
                {
                    if (results.FileSha256.TryGetValue(file, out var digest))
                    {
                        WriteDescriptor(json, "uri", RelativeUri(file), digest);
                    }
                }
            }

            json.WriteEndArray();

            // Waived findings weigh here exactly as in the verdict: an error an audited exception waives does not fail.
            json.WriteString("verificationResult", result.Passed ? "PASSED" : "FAILED");
            json.WriteStartArray("verifiedLevels");
            json.WriteStringValue(result.Passed ? Level(input.Release) : "FAILED");
            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// The start (UTC) of the day the release was decided as of: the gate decides by day
    /// (<c>--as-of</c>, default today) and writes no clock time, so its reports are the same bytes
    /// for the same inputs; the signature's timestamp records when the verdict was signed.
    /// </summary>
    public static string TimeVerified(DateOnly asOf) =>
        asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    /// <summary>
    /// The release the artifacts make up, as a Package URL (which the in-toto field types
    /// recommend): <c>pkg:generic/&lt;product&gt;@&lt;version&gt;</c>, the product being the solution,
    /// project or folder gated and the version the release file's.
    /// </summary>
    public static string ResourceUri(GateInput input) =>
        "pkg:generic/" + Uri.EscapeDataString(input.Product)
        + (input.Release.Version.Length == 0 ? string.Empty : "@" + Uri.EscapeDataString(input.Release.Version));

    /// <summary>The verified level of a passing release: its class, or the fast-patch lane (a patch with more checks).</summary>
    public static string Level(ReleaseFile release) =>
        LevelPrefix + (release.Lane == ReleaseLane.FastPatch ? "FAST_PATCH" : release.Class.ToString().ToUpperInvariant());

    /// <summary>
    /// A path as the reports name it (relative, with <c>/</c>) as a relative URI reference: each
    /// segment percent-encoded, so a space, <c>#</c>, <c>?</c> or <c>:</c> in a name stays part of the path.
    /// </summary>
    public static string RelativeUri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    // in-toto requires at least one subject: a release with no gated assembly is attested on its release file.
    private static void WriteSubjects(Utf8JsonWriter json, GateInput input)
    {
        json.WriteStartArray("subject");
        var any = false;
        foreach (var artifact in GatedArtifacts.Of(input))
        {
            WriteDescriptor(json, "name", artifact.Path, artifact.Sha256);
            any = true;
        }

        if (!any && input.Release.Sha256 is { } release)
        {
            WriteDescriptor(json, "name", input.Release.Path, release);
        }

        json.WriteEndArray();
    }

    private static void WriteDescriptor(Utf8JsonWriter json, string key, string value, string sha256)
    {
        json.WriteStartObject();
        json.WriteString(key, value);
        WriteDigest(json, sha256);
        json.WriteEndObject();
    }

    private static void WriteDigest(Utf8JsonWriter json, string sha256)
    {
        json.WriteStartObject("digest");
        json.WriteString("sha256", sha256);
        json.WriteEndObject();
    }
}
