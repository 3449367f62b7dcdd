using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NJsonSchema;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Cli;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using RegressionProof.Gate.Tests.Cli;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>
/// <c>verification-summary.intoto.json</c>: an in-toto Statement v1 with a SLSA Verification
/// Summary v1 predicate, valid against the published specifications, whose digests are those of
/// the very files the gate read and whose result is the gate's verdict.
/// </summary>
public sealed class VerificationSummaryTests : IDisposable
{
    private const string AsOf = "2026-11-24";

    private readonly TempFolder _folder = new();

    public VerificationSummaryTests()
    {
        CliFixtures.BuildShop(_folder.Path, CliFixtures.ProvenManifest);
        // With a byte order mark: the policy's digest is of the bytes on disk, not of the text read.
        _folder.WriteBytes("release.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(CliFixtures.Release)]);
        _folder.Write("CHANGELOG.md", "# Changelog\n\n## [2.4.1]\n- Discount can go negative (INTAKE-1)\n");
    }

    [Fact]
    public async Task A_passing_release_is_a_PASSED_statement_valid_against_in_toto_Statement_v1_and_SLSA_VSA_v1()
    {
        var statement = GateWithBaselineAndResults("Passed", expectedExit: 0);

        Assert.Empty((await Schema()).Validate(statement.Text));
        var root = statement.Json.RootElement;
        Assert.Equal("https://in-toto.io/Statement/v1", root.GetProperty("_type").GetString());
        Assert.Equal("https://slsa.dev/verification_summary/v1", root.GetProperty("predicateType").GetString());
        var predicate = root.GetProperty("predicate");
        Assert.Equal("PASSED", predicate.GetProperty("verificationResult").GetString());
        Assert.Equal(["REGRESSIONPROOF_RELEASE_PATH_PATCH"], predicate.GetProperty("verifiedLevels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(VerificationSummaryWriter.VerifierId, predicate.GetProperty("verifier").GetProperty("id").GetString());
        Assert.Equal(GateCommand.Version, predicate.GetProperty("verifier").GetProperty("version").GetProperty("verify-regression-safety").GetString());
        Assert.Equal("2026-11-24T00:00:00Z", predicate.GetProperty("timeVerified").GetString());
        // The folder gated names the product; the release file the version.
        Assert.Equal($"pkg:generic/{Path.GetFileName(_folder.Path)}@2.4.1", predicate.GetProperty("resourceUri").GetString());
        // SLSA levels are not what the gate verifies, so it claims no SLSA version.
        Assert.False(predicate.TryGetProperty("slsaVersion", out _));
    }

    [Fact]
    public void Every_digest_is_recomputed_from_the_file_it_names()
    {
        var statement = GateWithBaselineAndResults("Passed", expectedExit: 0);

        var predicate = statement.Json.RootElement.GetProperty("predicate");
        var subject = Assert.Single(statement.Json.RootElement.GetProperty("subject").EnumerateArray());
        Assert.Equal("bin/Shop.dll", subject.GetProperty("name").GetString());
        Assert.Equal(Sha256Of("bin/Shop.dll"), Digest(subject));
        Assert.Equal("release.json", predicate.GetProperty("policy").GetProperty("uri").GetString());
        Assert.Equal(Sha256Of("release.json"), Digest(predicate.GetProperty("policy")));
        Assert.Equal(
            [("previous/coverage-manifest.json", Sha256Of("previous/coverage-manifest.json")), ("results/unit.trx", Sha256Of("results/unit.trx"))],
            predicate.GetProperty("inputAttestations").EnumerateArray().Select(a => (a.GetProperty("uri").GetString(), Digest(a))));
    }

    [Fact]
    public void The_subjects_are_the_artifacts_of_the_release_log_with_the_same_hashes()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "tests", "bin"));
        File.Copy(Path.Combine(_folder.Path, "bin", "Shop.dll"), Path.Combine(_folder.Path, "tests", "bin", "Shop.dll"), overwrite: true);
        var statement = GateWithBaselineAndResults("Passed", expectedExit: 0);

        var log = File.ReadAllText(Path.Combine(_folder.Path, "artifacts", "regression-proof", "release-log.md"));
        var logged = Regex.Matches(log, @"^\| Shop \| (?<path>[^|]+) \| `(?<sha>[0-9a-f]{64})` \|$", RegexOptions.Multiline)
            .Select(m => (m.Groups["path"].Value, m.Groups["sha"].Value)).ToList();
        Assert.Equal(2, logged.Count);
        Assert.Equal(logged, statement.Json.RootElement.GetProperty("subject").EnumerateArray().Select(s => (s.GetProperty("name").GetString()!, Digest(s))));
    }

    [Fact]
    public async Task A_failing_release_is_a_FAILED_statement_whose_only_level_is_FAILED()
    {
        var statement = GateWithBaselineAndResults("Failed", expectedExit: 1);

        Assert.Empty((await Schema()).Validate(statement.Text));
        var predicate = statement.Json.RootElement.GetProperty("predicate");
        Assert.Equal("FAILED", predicate.GetProperty("verificationResult").GetString());
        Assert.Equal(["FAILED"], predicate.GetProperty("verifiedLevels").EnumerateArray().Select(l => l.GetString()));
        // A failure names the same artifacts and inputs: what was verified does not depend on the verdict.
        Assert.Equal(Sha256Of("bin/Shop.dll"), Digest(statement.Json.RootElement.GetProperty("subject")[0]));
        Assert.Equal(2, predicate.GetProperty("inputAttestations").GetArrayLength());
    }

    [Fact]
    public void Without_baseline_or_test_results_no_input_attestation_is_claimed()
    {
        Assert.Equal(0, Gate("--no-build", "--as-of", AsOf).Exit);

        using var statement = JsonDocument.Parse(File.ReadAllText(SummaryPath()));
        Assert.Equal(0, statement.RootElement.GetProperty("predicate").GetProperty("inputAttestations").GetArrayLength());
    }

    [Fact]
    public void An_error_waived_by_an_audited_exception_passes_as_the_verdict_does()
    {
        var release = Given.Release() with
        {
            Exceptions = [new ReleaseException(0, "RPG003", "INTAKE-1", "hotfix", "erin", "https://wiki.example/rca/9", null, new DateOnly(2026, 12, 31))],
        };
        var input = Given.Input(release, [Given.Fix("INTAKE-1")]);
        var result = new GateResult(input, Gatekeeper.Decide(input));
        Assert.Contains(result.Findings, f => f.WaivedBy is not null && f.Level == FindingLevel.Error);

        using var statement = JsonDocument.Parse(VerificationSummaryWriter.WriteUtf8(result, "1.0.0"));

        Assert.True(result.Passed);
        Assert.Equal("PASSED", statement.RootElement.GetProperty("predicate").GetProperty("verificationResult").GetString());
    }

    [Theory]
    [InlineData(ReleaseClass.Minor, false, "REGRESSIONPROOF_RELEASE_PATH_MINOR")]
    [InlineData(ReleaseClass.Major, false, "REGRESSIONPROOF_RELEASE_PATH_MAJOR")]
    [InlineData(ReleaseClass.Patch, true, "REGRESSIONPROOF_RELEASE_PATH_FAST_PATCH")]
    public void A_pass_is_verified_at_the_release_path_of_its_class_or_lane(ReleaseClass releaseClass, bool fastPatch, string level) =>
        Assert.Equal(level, VerificationSummaryWriter.Level(Given.Release(releaseClass, fastPatch ? ReleaseLane.FastPatch : ReleaseLane.Standard)));

    [Fact]
    public async Task Hostile_names_and_versions_stay_data_and_paths_stay_relative_uri_references()
    {
        const string Hostile = "x #1 ?q=1 ##vso[task.complete]\u202e<script>:a";
        var digest = new string('a', 64);
        var release = Given.Release(version: "2.4.1+" + Hostile) with { Path = "cfg/" + Hostile + ".json", Sha256 = digest };
        var resultFile = "results/" + Hostile + ".trx";
        var tests = new TestResults([new TestOutcome("Shop.Tests.PricingTests.Never_negative", "Never_negative", "Passed", resultFile)], [resultFile], 1)
        {
            FileSha256 = new Dictionary<string, string> { [resultFile] = digest },
        };
        var baseline = Given.Baseline([Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")]) with { Name = "../prev/" + Hostile + ".json", Sha256 = digest };
        var input = new GateInput(release, Given.Changelog(release), [Given.Assembly("Shop", [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")]) with { Files = [new ScannedFile("bin/" + Hostile + ".dll", digest)] }],
            tests, baseline, Given.Today) { Product = Hostile };

        var bytes = VerificationSummaryWriter.WriteUtf8(new GateResult(input, Gatekeeper.Decide(input)), "1.0.0");
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Empty((await Schema()).Validate(text));
        Assert.DoesNotContain("##vso[", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202e", text, StringComparison.Ordinal);
        using var statement = JsonDocument.Parse(bytes);
        var root = statement.RootElement;
        Assert.Equal("bin/" + Hostile + ".dll", root.GetProperty("subject")[0].GetProperty("name").GetString());
        var predicate = root.GetProperty("predicate");
        var uris = new[] { predicate.GetProperty("policy").GetProperty("uri").GetString()! }
            .Concat(predicate.GetProperty("inputAttestations").EnumerateArray().Select(a => a.GetProperty("uri").GetString()!)).ToList();
        Assert.Equal(["cfg/" + Hostile + ".json", "../prev/" + Hostile + ".json", "results/" + Hostile + ".trx"], uris.Select(Uri.UnescapeDataString));
        // Each is a relative reference whose path is the whole name: no query, fragment or scheme from user text.
        var here = new Uri("https://ci.example/run/1/");
        Assert.All(uris, uri => Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri));
        Assert.All(uris, uri => Assert.Equal(string.Empty, new Uri(here, uri).Query + new Uri(here, uri).Fragment));
        var resource = predicate.GetProperty("resourceUri").GetString()!;
        Assert.StartsWith("pkg:generic/", resource, StringComparison.Ordinal);
        Assert.Equal(Hostile + "@2.4.1+" + Hostile, Uri.UnescapeDataString(resource["pkg:generic/".Length..]));
        Assert.Equal(2, resource.Count(c => c is '@' or ':'));
    }

    [Fact]
    public void A_release_with_no_gated_assembly_is_attested_on_its_release_file_as_in_toto_needs_a_subject()
    {
        var release = Given.Release() with { Sha256 = new string('b', 64) };
        var input = new GateInput(release, Given.Changelog(release), [], null, null, Given.Today);

        using var statement = JsonDocument.Parse(VerificationSummaryWriter.WriteUtf8(new GateResult(input, Gatekeeper.Decide(input)), "1.0.0"));

        var subject = Assert.Single(statement.RootElement.GetProperty("subject").EnumerateArray());
        Assert.Equal(("release.json", new string('b', 64)), (subject.GetProperty("name").GetString(), Digest(subject)));
    }

    [Fact]
    public async Task The_schema_rejects_what_the_specifications_forbid()
    {
        var schema = await Schema();
        var valid = JsonNode.Parse(VerificationSummaryWriter.WriteUtf8(PassingInCode(), "1.0.0"))!;
        Assert.Empty(schema.Validate(valid.ToJsonString()));

        Assert.NotEmpty(schema.Validate(Changed(valid, s => s["subject"] = new JsonArray())));
        Assert.NotEmpty(schema.Validate(Changed(valid, s => s["subject"]![0]!.AsObject().Remove("digest"))));
        Assert.NotEmpty(schema.Validate(Changed(valid, s => s["subject"]![0]!["digest"]!["sha256"] = new string('A', 64))));
        Assert.NotEmpty(schema.Validate(Changed(valid, s => s["predicate"]!["verificationResult"] = "FAILED")));
        Assert.NotEmpty(schema.Validate(Changed(valid, s => s["predicate"]!["verifiedLevels"] = new JsonArray("SLSA_RELEASE_PATH"))));
        Assert.NotEmpty(schema.Validate(Changed(valid, s => s["predicate"]!["timeVerified"] = "2026-11-24T00:00:00+01:00")));
        Assert.NotEmpty(schema.Validate(Changed(valid, s => s["predicate"]!["policy"]!.AsObject().Remove("uri"))));
        Assert.NotEmpty(schema.Validate(Changed(valid, s => s["predicate"]!.AsObject().Remove("resourceUri"))));
    }

    private static string Changed(JsonNode statement, Action<JsonNode> change)
    {
        var copy = statement.DeepClone();
        change(copy);
        return copy.ToJsonString();
    }

    private static GateResult PassingInCode()
    {
        var release = Given.Release() with { Sha256 = new string('c', 64) };
        var input = Given.Input(release, [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")]);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    /// <summary>Gates once to make the baseline, then with it and a result file of the proof with <paramref name="outcome"/>.</summary>
    private (string Text, JsonDocument Json) GateWithBaselineAndResults(string outcome, int expectedExit)
    {
        Assert.Equal(0, Gate("--no-build", "--as-of", AsOf, "--out", "previous").Exit);
        _folder.Write("results/unit.trx", CliFixtures.Trx(outcome));

        var (exit, _, stderr) = Gate("--no-build", "--as-of", AsOf, "--baseline", "previous/coverage-manifest.json", "--test-results", "results");

        Assert.Equal((expectedExit, string.Empty), (exit, stderr));
        var text = File.ReadAllText(SummaryPath());
        return (text, JsonDocument.Parse(text));
    }

    private string SummaryPath() => Path.Combine(_folder.Path, "artifacts", "regression-proof", GateCommand.VerificationSummaryFile);

    private string Sha256Of(string relative) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_folder.Path, relative))));

    private static string Digest(JsonElement descriptor) => descriptor.GetProperty("digest").GetProperty("sha256").GetString()!;

    private static Task<JsonSchema> Schema() => JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schemas", "in-toto-vsa-v1.schema.json"));

    private (int Exit, string Stdout, string Stderr) Gate(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = GateCommand.Run(args, stdout, stderr, _folder.Path);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
