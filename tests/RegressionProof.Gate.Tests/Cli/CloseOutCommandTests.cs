using System;
using System.IO;
using RegressionProof.Gate.Cli;
using Xunit;

namespace RegressionProof.Gate.Tests.Cli;

/// <summary>
/// <c>close-out</c> after the deploy (RPG020), through the real entry point: the gate decides the
/// release and writes its reports, then close-out checks the deploy record, each card and the
/// deployed build, and appends its record to the release log.
/// </summary>
public sealed class CloseOutCommandTests : IDisposable
{
    private const string ProbeLink =
        """{"kind":"synthetic-probe","card":"INTAKE-1","symbol":"F:Shop.Monitoring.CheckoutProbe","display":"Monitoring.CheckoutProbe","path":"src/Shop/Monitoring.cs","line":5,"signal":"error","fingerprint":"sha256:cc"}""";

    private const string WithProbe = """{"schema":"regression-proof/manifest/v1","assembly":"Shop","links":[""" + CliFixtures.FixLink + "," + CliFixtures.ProofLink + "," + ProbeLink + "]}";

    private const string Deployed = """{ "at": "2026-11-24T09:30:00Z" }""";

    private const string Shipped = "\"shipped\"";

    private const string Monitored = """["https://grafana.example/d/checkout?from=2026-11-24T09:30Z&to=2026-11-25T09:30Z"]""";

    /// <summary>The moment the first 24-hour cycle after the deploy is over, and half an hour later.</summary>
    private const string CycleEnds = "2026-11-25T09:30:00Z";

    private const string AfterTheCycle = "2026-11-25T10:00:00Z";

    private readonly TempFolder _folder = new();

    public CloseOutCommandTests()
    {
        CliFixtures.BuildShop(_folder.Path, WithProbe);
        _folder.Write("CHANGELOG.md", "# Changelog\n\n## [2.4.1]\n- Discount can go negative (INTAKE-1)\n");
    }

    private string ReleaseLog => Path.Combine(_folder.Path, "artifacts", "regression-proof", "release-log.md");

    /// <summary>A release file whose lines are fixed: the deploy record on line 5, the card's status and monitoring on line 8.</summary>
    private static string Release(string deploy = Deployed, string status = Shipped, string monitoring = Monitored) => $$"""
        {
          "version": "2.4.1", "class": "patch",
          "approvals": [{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }],
          "rollback": { "plan": "redeploy 2.4.0", "tested": true, "mechanism": "hotfix-image" },
          "deploy": {{deploy}},
          "cards": [{ "id": "INTAKE-1", "title": "Discount can go negative", "priority": "P1", "reason": "regression",
                      "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/INTAKE-1"],
                      "status": {{status}}, "monitoring": {{monitoring}} }]
        }
        """;

    /// <summary>Gates the release (which must pass), then keeps the release log the gate wrote.</summary>
    private string Gated(string release)
    {
        _folder.Write("release.json", release);
        var gate = Run("--no-build", "--as-of", "2026-11-24");
        Assert.Equal((0, string.Empty), (gate.Exit, gate.Stderr));
        return File.ReadAllText(ReleaseLog);
    }

    [Fact]
    public void A_shipped_monitored_release_whose_traffic_cycle_is_over_and_whose_probes_are_in_place_is_closed_out()
    {
        var gateLog = Gated(Release());

        var (exit, stdout, stderr) = Run("close-out", "--no-build", "--as-of", AfterTheCycle);

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.StartsWith(
            $"PASS: release 2.4.1 is closed out (deployed 2026-11-24T09:30:00Z, traffic cycle 24h complete at {CycleEnds}, as of {AfterTheCycle})\n"
            + "1 cards: 1 shipped, 1 with monitoring evidence, 1 of 1 probes in place; 0 errors\n",
            stdout, StringComparison.Ordinal);
        Assert.Matches(@"- INTAKE-1\s+shipped\s+1\s+1 of 1\n", stdout);
        Assert.EndsWith("The close-out is recorded in artifacts/regression-proof/release-log.md\n", stdout, StringComparison.Ordinal);
        var log = File.ReadAllText(ReleaseLog);
        Assert.StartsWith(gateLog, log, StringComparison.Ordinal);
        Assert.Contains($"\n## Close-out as of {AfterTheCycle}\n\n**Close-out: PASS**. Release 2.4.1, deployed 2026-11-24T09:30:00Z, traffic cycle 24h complete at {CycleEnds}", log, StringComparison.Ordinal);
        Assert.Contains("| INTAKE-1 | shipped | <https://grafana.example/d/checkout?from=2026-11-24T09:30Z&to=2026-11-25T09:30Z> | 1 of 1 |\n", log, StringComparison.Ordinal);
        Assert.Contains("None: every card is shipped", log, StringComparison.Ordinal);
        Assert.Contains("| Shop | bin/Shop.dll | `", log, StringComparison.Ordinal);
    }

    [Fact]
    public void The_traffic_cycle_ends_exactly_at_the_deploy_time_plus_its_duration()
    {
        Gated(Release());

        Assert.Equal(0, Run("close-out", "--no-build", "--as-of", CycleEnds).Exit);
    }

    [Theory]
    [InlineData(Deployed, "2026-11-25T09:29:59Z", "ends at 2026-11-25T09:30:00Z, after this close-out at 2026-11-25T09:29:59Z")]
    [InlineData("""{ "at": "2026-11-24T09:30:00Z", "trafficCycle": "7d" }""", AfterTheCycle, "(7d from 2026-11-24T09:30:00Z) ends at 2026-12-01T09:30:00Z")]
    [InlineData("""{ "at": "2026-11-24T10:30:00+01:00", "trafficCycle": "36h" }""", AfterTheCycle, "(36h from 2026-11-24T09:30:00Z) ends at 2026-11-25T21:30:00Z")]
    [InlineData(Deployed, "2026-11-25", "after this close-out at 2026-11-25T00:00:00Z")]
    public void A_close_out_before_one_full_traffic_cycle_has_passed_fails(string deploy, string asOf, string expected)
    {
        Gated(Release(deploy: deploy));

        var (exit, stdout, _) = Run("close-out", "--no-build", "--as-of", asOf);

        Assert.Equal(1, exit);
        Assert.StartsWith("FAIL: release 2.4.1 is not closed out", stdout, StringComparison.Ordinal);
        Assert.Contains("error RPG020 [close-out] release.json(5): the first full traffic cycle after the deploy ", stdout, StringComparison.Ordinal);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_without_a_deploy_record_is_not_closed_out()
    {
        Gated(Release(deploy: "null"));

        var (exit, stdout, _) = Run("close-out", "--no-build", "--as-of", AfterTheCycle);

        Assert.Equal(1, exit);
        Assert.Contains("release 2.4.1 has no deploy record, so no traffic cycle can be told complete", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"deployed\"", "INTAKE-1 has the status \"deployed\", not \"shipped\"")]
    [InlineData("\"Shipped\"", "INTAKE-1 has the status \"Shipped\", not \"shipped\"")]
    [InlineData("null", "INTAKE-1 has no status; close-out needs the card shipped")]
    public void A_card_that_is_not_shipped_fails_the_close_out(string status, string expected)
    {
        Gated(Release(status: status));

        var (exit, stdout, _) = Run("close-out", "--no-build", "--as-of", AfterTheCycle);

        Assert.Equal(1, exit);
        Assert.Contains($"error RPG020 [close-out] release.json(6): {expected}. Fix: update the intake card and set \"status\": \"shipped\" of INTAKE-1", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""["see the dashboard", "ftp://metrics.example/checkout"]""")]
    public void A_card_without_post_deploy_monitoring_evidence_fails_the_close_out(string monitoring)
    {
        Gated(Release(monitoring: monitoring));

        var (exit, stdout, _) = Run("close-out", "--no-build", "--as-of", AfterTheCycle);

        Assert.Equal(1, exit);
        Assert.Contains("error RPG020 [close-out] release.json(6): INTAKE-1 has no post-deploy monitoring evidence (an http(s) link in \"monitoring\")", stdout, StringComparison.Ordinal);
        Assert.Matches(@"- INTAKE-1\s+shipped\s+0\s+1 of 1\n", stdout);
    }

    [Fact]
    public void A_probe_that_the_deployed_build_no_longer_has_fails_the_close_out_at_its_source_line()
    {
        Gated(Release());
        CliFixtures.BuildShop(_folder.Path, CliFixtures.ProvenManifest);

        var (exit, stdout, _) = Run("close-out", "--no-build", "--as-of", AfterTheCycle);

        Assert.Equal(1, exit);
        Assert.Contains("error RPG020 [close-out] src/Shop/Monitoring.cs(5): the synthetic-probe Monitoring.CheckoutProbe of INTAKE-1 is not in the deployed build. Fix: keep the probe in place: deploy a build that has it.", stdout, StringComparison.Ordinal);
        Assert.Matches(@"- INTAKE-1\s+shipped\s+1\s+0 of 1\n", stdout);
        Assert.Contains("**Close-out: FAIL**", File.ReadAllText(ReleaseLog), StringComparison.Ordinal);
    }

    [Fact]
    public void The_deployed_build_may_be_a_folder_of_published_assemblies()
    {
        Gated(Release());

        var (exit, _, stderr) = Run("close-out", "bin", "--release", "release.json", "--as-of", AfterTheCycle);

        Assert.Equal((0, string.Empty), (exit, stderr));
    }

    [Fact]
    public void Every_close_out_appends_its_own_record_and_keeps_the_gate_log_and_the_earlier_records()
    {
        var gateLog = Gated(Release(status: "\"deployed\""));
        Assert.Equal(1, Run("close-out", "--no-build", "--as-of", AfterTheCycle).Exit);
        var afterFirst = File.ReadAllText(ReleaseLog);
        _folder.Write("release.json", Release());

        Assert.Equal(0, Run("close-out", "--no-build", "--as-of", "2026-11-26T08:00:00Z").Exit);

        var log = File.ReadAllText(ReleaseLog);
        Assert.StartsWith(gateLog, afterFirst, StringComparison.Ordinal);
        Assert.StartsWith(afterFirst, log, StringComparison.Ordinal);
        Assert.Contains($"## Close-out as of {AfterTheCycle}\n\n**Close-out: FAIL**", log, StringComparison.Ordinal);
        Assert.Contains("## Close-out as of 2026-11-26T08:00:00Z\n\n**Close-out: PASS**", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Gating_the_same_release_again_rewrites_the_gate_log_and_carries_the_close_out_records_over_byte_for_byte()
    {
        Gated(Release(status: "\"deployed\""));
        Assert.Equal(1, Run("close-out", "--no-build", "--as-of", AfterTheCycle).Exit);
        _folder.Write("release.json", Release());
        Assert.Equal(0, Run("close-out", "--no-build", "--as-of", "2026-11-26T08:00:00Z").Exit);
        var closedOut = File.ReadAllText(ReleaseLog);
        var records = closedOut[closedOut.IndexOf("## Close-out as of ", StringComparison.Ordinal)..];

        var regate = Run("--no-build", "--as-of", "2026-11-27");

        Assert.Equal(0, regate.Exit);
        var log = File.ReadAllText(ReleaseLog);
        Assert.Contains("2026-11-27", log[..log.IndexOf("## Close-out as of ", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.EndsWith("\n\n" + records, log, StringComparison.Ordinal);
        Assert.Equal(2, log.Split("## Close-out as of ").Length - 1);
    }

    [Fact]
    public void Gating_another_release_starts_a_new_log_without_the_earlier_releases_close_outs()
    {
        Gated(Release());
        Assert.Equal(0, Run("close-out", "--no-build", "--as-of", AfterTheCycle).Exit);
        _folder.Write("release.json", Release().Replace("\"2.4.1\"", "\"2.4.2\"", StringComparison.Ordinal));
        _folder.Write("CHANGELOG.md", "# Changelog\n\n## [2.4.2]\n- Discount can go negative (INTAKE-1)\n");

        var next = Run("--no-build", "--as-of", "2026-11-27");

        Assert.Equal((0, string.Empty), (next.Exit, next.Stderr));
        var log = File.ReadAllText(ReleaseLog);
        Assert.StartsWith("# Release log: 2.4.2\n", log, StringComparison.Ordinal);
        Assert.DoesNotContain("## Close-out as of ", log, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_log_without_close_out_records_is_rewritten_as_before()
    {
        var first = Gated(Release());

        var second = Gated(Release());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Markdown_prints_the_record_it_appended_and_sarif_names_the_rule()
    {
        Gated(Release(status: "\"deployed\""));

        var markdown = Run("close-out", "--no-build", "--as-of", AfterTheCycle, "--format", "markdown");
        var sarif = Run("close-out", "--no-build", "--as-of", AfterTheCycle, "--format", "sarif");

        Assert.Equal(1, markdown.Exit);
        Assert.StartsWith($"## Close-out as of {AfterTheCycle}\n", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains(markdown.Stdout, File.ReadAllText(ReleaseLog), StringComparison.Ordinal);
        Assert.Equal(1, sarif.Exit);
        Assert.Contains("\"ruleId\": \"RPG020\"", sarif.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_and_a_monitoring_link_are_data_in_the_summary_and_the_record()
    {
        Gated(Release(status: "\"\\u001b[31m\\n::error::shipped | <b>\"", monitoring: "[\"javascript:alert(1)\", \"https://x.example/a|b\"]"));

        var (exit, stdout, _) = Run("close-out", "--no-build", "--as-of", AfterTheCycle);

        Assert.Equal(1, exit);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.DoesNotContain("\n::error::", stdout, StringComparison.Ordinal);
        var record = File.ReadAllText(ReleaseLog)[File.ReadAllText(ReleaseLog).IndexOf(CloseOutWriterHeading, StringComparison.Ordinal)..];
        Assert.DoesNotContain("<b>", record, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript:", record, StringComparison.Ordinal);
        Assert.DoesNotContain("<javascript:", record, StringComparison.Ordinal);
        Assert.Contains("https://x.example/a\\|b", record, StringComparison.Ordinal);
    }

    private const string CloseOutWriterHeading = "## Close-out as of ";

    [Theory]
    [InlineData("""{ "at": "yesterday" }""", 5, 21, "\"at\" is \"yesterday\"; expected the time of the deploy with its offset, such as 2026-11-24T09:30:00Z")]
    [InlineData("""{ "at": "2026-11-24T09:30:00" }""", 5, 21, "\"at\" is \"2026-11-24T09:30:00\"; expected the time of the deploy with its offset, such as 2026-11-24T09:30:00Z")]
    [InlineData("""{ "at": "2026-11-24T09:30:00Z", "trafficCycle": "1 day" }""", 5, 61, "\"trafficCycle\" is \"1 day\"; expected a whole number of hours or days, such as 24h or 7d")]
    [InlineData("""{ "at": "2026-11-24T09:30:00Z", "trafficCycle": "0h" }""", 5, 61, "\"trafficCycle\" is \"0h\"; expected a whole number of hours or days, such as 24h or 7d")]
    [InlineData("""{ "trafficCycle": "24h" }""", 5, 13, "\"at\" is required")]
    [InlineData("\"2026-11-24\"", 5, 13, "\"deploy\" must be an object with \"at\", the time of the deploy")]
    public void A_malformed_deploy_record_is_unusable_input_at_its_line_and_column(string deploy, int line, int column, string reason)
    {
        Gated(Release());
        _folder.Write("release.json", Release(deploy: deploy));

        var (exit, stdout, stderr) = Run("close-out", "--no-build", "--as-of", AfterTheCycle);

        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.Equal($"verify-regression-safety: {Path.Combine(_folder.Path, "release.json")}({line},{column}): {reason}", stderr.TrimEnd());
    }

    [Theory]
    [InlineData(Shipped, "\"https://grafana.example/d/checkout\"", 8, 50, "\"monitoring\" must be an array")]
    [InlineData(Shipped, "[\"https://grafana.example/d/checkout\", 7]", 8, 89, "a monitoring link must be a string")]
    [InlineData("true", Monitored, 8, 25, "\"status\" must be a string")]
    public void A_malformed_card_record_is_unusable_input_at_its_line_and_column(string status, string monitoring, int line, int column, string reason)
    {
        _folder.Write("release.json", Release(status: status, monitoring: monitoring));

        var (exit, _, stderr) = Run("close-out", "--no-build", "--as-of", AfterTheCycle);

        Assert.Equal(2, exit);
        Assert.Equal($"verify-regression-safety: {Path.Combine(_folder.Path, "release.json")}({line},{column}): {reason}", stderr.TrimEnd());
    }

    [Fact]
    public void The_coverage_manifest_of_another_release_is_unusable_input()
    {
        Gated(Release());
        _folder.Write("release.json", Release().Replace("\"2.4.1\"", "\"2.4.2\"", StringComparison.Ordinal));

        var (exit, _, stderr) = Run("close-out", "--no-build", "--as-of", AfterTheCycle);

        Assert.Equal(2, exit);
        Assert.Equal($"verify-regression-safety: {Path.Combine(_folder.Path, "artifacts", "regression-proof", "coverage-manifest.json")}: is the coverage manifest of release 2.4.1, not of 2.4.2; give the one the gate wrote for this release (--manifest)", stderr.TrimEnd());
    }

    [Fact]
    public void A_broken_coverage_manifest_is_unusable_input_at_its_line_and_column()
    {
        Gated(Release());
        var manifest = _folder.Write("elsewhere/coverage-manifest.json", "{\n  \"schema\": \"regression-proof/coverage/v1\",\n  \"links\": 7\n}");

        var (exit, _, stderr) = Run("close-out", "--no-build", "--as-of", AfterTheCycle, "--manifest", "elsewhere/coverage-manifest.json");

        Assert.Equal(2, exit);
        Assert.StartsWith($"verify-regression-safety: {manifest}(3,", stderr, StringComparison.Ordinal);
        Assert.Contains("the coverage manifest is not valid", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_gate_s_reports_there_is_nothing_to_close_out()
    {
        _folder.Write("release.json", Release());

        var (exit, _, stderr) = Run("close-out", "--no-build", "--as-of", AfterTheCycle);

        Assert.Equal(2, exit);
        Assert.Contains("coverage-manifest.json: there is no coverage manifest", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(ReleaseLog));
    }

    [Fact]
    public void Without_the_release_log_the_record_has_nowhere_to_go()
    {
        Gated(Release());
        File.Delete(ReleaseLog);

        var (exit, _, stderr) = Run("close-out", "--no-build", "--as-of", AfterTheCycle);

        Assert.Equal(2, exit);
        Assert.Contains("release-log.md: there is no release log to record the close-out in: gate the release first, writing to the same --out", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as-of", "tomorrow", "--as-of 'tomorrow' is neither a day (yyyy-MM-dd) nor a time with its offset (such as 2026-11-25T10:00:00Z)")]
    [InlineData("--as-of", "2026-11-25T10:00:00", "--as-of '2026-11-25T10:00:00' is neither a day (yyyy-MM-dd) nor a time with its offset (such as 2026-11-25T10:00:00Z)")]
    [InlineData("--format", "json", "--format 'json' is not one of text, markdown, sarif, github")]
    public void A_bad_option_is_exit_2_with_one_message(string option, string value, string message)
    {
        var (exit, _, stderr) = Run("close-out", "--no-build", option, value);

        Assert.Equal((2, $"verify-regression-safety: {message}"), (exit, stderr.TrimEnd()));
    }

    [Fact]
    public void Help_describes_close_out_and_its_options()
    {
        var (exit, stdout, _) = Run("close-out", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("After the deploy", stdout, StringComparison.Ordinal);
        Assert.Contains("--manifest <file>", stdout, StringComparison.Ordinal);
        Assert.Contains("--as-of <time>", stdout, StringComparison.Ordinal);
    }

    private (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = GateCommand.Run(args, stdout, stderr, _folder.Path);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
