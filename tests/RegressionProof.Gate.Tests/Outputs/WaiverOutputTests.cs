using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NJsonSchema;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>A waiver is never silent: every output shows the waived finding, by whom, why and until when.</summary>
public sealed class WaiverOutputTests
{
    private const string Reason = "hotfix for the checkout outage | *tracked* in <INC-9>";

    /// <summary>INTAKE-1 unproven (RPG003, waived); a second exception to RPG007 matches nothing (stale).</summary>
    private static GateResult Waived()
    {
        var release = Given.Release() with
        {
            Exceptions =
            [
                new ReleaseException(0, "RPG003", "INTAKE-1", Reason, "erin", "https://wiki.example/rca/9", null, new DateOnly(2026, 12, 31)),
                new ReleaseException(1, "RPG007", null, "notes late", "erin", null, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)),
            ],
        };
        var input = Given.Input(release, [Given.Fix("INTAKE-1")]);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    [Fact]
    public void The_summary_marks_the_finding_waived_with_approver_expiry_reason_and_rca_and_counts_it_in_the_verdict()
    {
        var summary = SummaryWriter.Write(Waived());

        Assert.Contains("waived error RPG003 [regression proof] src/Shop/Pricing.cs(7): INTAKE-1 has no regression proof", summary, StringComparison.Ordinal);
        Assert.Contains($"Waived by erin until 2026-12-31: {Reason}; RCA https://wiki.example/rca/9.", summary, StringComparison.Ordinal);
        Assert.Contains("warning RPG014 [audited exceptions] the exception to RPG007 (exceptions[1]) is stale", summary, StringComparison.Ordinal);
        Assert.Matches(@"^PASS: release 2\.4\.1 passes the gate \(patch, standard lane, as of [0-9-]+\); 1 finding waived by an exception\n", summary);
        Assert.Contains("PR labels: not verified (not a pull-request run on GitHub Actions)", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_log_marks_the_finding_waived_and_escapes_the_reason()
    {
        var log = ReleaseLogWriter.Write(Waived());

        Assert.Contains("**Verdict: PASS**", log, StringComparison.Ordinal);
        Assert.Contains("; 1 finding waived by an exception.", log, StringComparison.Ordinal);
        var line = Assert.Single(log.Split('\n'), l => l.StartsWith("- **waived error** RPG003", StringComparison.Ordinal));
        Assert.Contains("**Waived** by erin until 2026-12-31: hotfix for the checkout outage \\| \\*tracked\\* in &lt;INC-9&gt;", line, StringComparison.Ordinal);
        Assert.Contains("PR labels: not verified", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_SARIF_result_carries_an_accepted_external_suppression_with_the_reason_as_justification()
    {
        var sarif = SarifWriter.Write(Waived());

        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schemas", "sarif-schema-2.1.0.json"));
        Assert.Empty(schema.Validate(sarif));
        using var document = JsonDocument.Parse(sarif);
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var waived = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "RPG003");
        var suppression = Assert.Single(waived.GetProperty("suppressions").EnumerateArray());
        Assert.Equal(("external", "accepted", Reason), (suppression.GetProperty("kind").GetString(), suppression.GetProperty("status").GetString(), suppression.GetProperty("justification").GetString()));
        Assert.Equal(("erin", "2026-12-31"), (suppression.GetProperty("properties").GetProperty("approver").GetString(), suppression.GetProperty("properties").GetProperty("expires").GetString()));
        Assert.All(results.Where(r => r.GetProperty("ruleId").GetString() != "RPG003"), r => Assert.False(r.TryGetProperty("suppressions", out _)));
    }

    [Fact]
    public async Task The_coverage_manifest_records_each_exception_its_standing_and_the_findings_it_waived()
    {
        var json = CoverageManifestWriter.Write(Waived());

        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schemas", "coverage-manifest.v1.schema.json"));
        Assert.Empty(schema.Validate(json));
        using var document = JsonDocument.Parse(json);
        var exceptions = document.RootElement.GetProperty("exceptions").EnumerateArray().ToList();
        Assert.Equal(2, exceptions.Count);
        Assert.Equal(("RPG003", "applies", 1, false), (exceptions[0].GetProperty("check").GetString(), exceptions[0].GetProperty("standing").GetString(), exceptions[0].GetProperty("waived").GetInt32(), exceptions[0].GetProperty("rcaOverdue").GetBoolean()));
        Assert.Equal(("RPG007", 0, "2026-12-01"), (exceptions[1].GetProperty("check").GetString(), exceptions[1].GetProperty("waived").GetInt32(), exceptions[1].GetProperty("rcaDue").GetString()));
        var waived = Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray(), f => f.TryGetProperty("waivedBy", out _));
        Assert.Equal(("RPG003", 0), (waived.GetProperty("ruleId").GetString(), waived.GetProperty("waivedBy").GetInt32()));
        Assert.Equal("pass", document.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void A_manifest_with_exceptions_reads_back_as_the_next_baseline()
    {
        var folder = new TempFolder();
        try
        {
            var baseline = BaselineReader.Read(folder.Write("coverage-manifest.json", CoverageManifestWriter.Write(Waived())));

            Assert.Equal("2.4.1", baseline.Version);
        }
        finally
        {
            folder.Dispose();
        }
    }

    [Fact]
    public void A_GitHub_annotation_of_a_waived_error_is_a_warning_that_says_it_is_waived()
    {
        var annotations = GitHubAnnotationWriter.Write(Waived());

        var line = Assert.Single(annotations.Split('\n'), l => l.Contains("RPG003", StringComparison.Ordinal));
        Assert.StartsWith("::warning ", line, StringComparison.Ordinal);
        Assert.Contains("Waived by erin until 2026-12-31", line, StringComparison.Ordinal);
        Assert.StartsWith("::notice title=verify-regression-safety::", annotations.Split('\n')[^2], StringComparison.Ordinal);
    }
}
