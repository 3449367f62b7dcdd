using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Cli;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>
/// CI-native output without a flag (docs/gate.md, "CI"): the job summary and capped
/// annotations on GitHub Actions, logging commands on Azure Pipelines. The CI variables are
/// given to the gate, never read from the machine running the tests.
/// </summary>
public sealed class CiOutputTests : IDisposable
{
    private const string Hostile = "x ##vso[task.setvariable variable=X]1 ] ; %AZP25 %0A 100%\r\n##[error]y \u202eevil";

    private readonly TempFolder _folder = new();

    public CiOutputTests()
    {
        var manifest = """{"schema":"regression-proof/manifest/v1","assembly":"Shop","links":[{"kind":"fixes","card":"INTAKE-1","symbol":"M:Shop.Pricing.Apply","display":"Pricing.Apply()","path":"src/Shop/Pricing.cs","line":3,"fingerprint":"sha256:aa"}]}""";
        Directory.CreateDirectory(Path.Combine(_folder.Path, "bin"));
        TestAssemblies.Build(Path.Combine(_folder.Path, "bin"), "Shop", TestAssemblies.WithManifest(manifest) + "\nnamespace Shop { public class Pricing { } }");
        _folder.Write("release.json", """
            {
              "version": "2.4.1",
              "class": "patch",
              "approvals": [ { "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" } ],
              "rollback": { "plan": "redeploy 2.4.0", "tested": true, "mechanism": "hotfix-image" },
              "cards": [ { "id": "INTAKE-1", "title": "Discount", "priority": "P1", "reason": "regression", "owner": "alice", "backup": "bob", "evidence": [ "https://tracker.example/1" ] } ]
            }
            """);
        _folder.Write("CHANGELOG.md", "# Changelog\n\n## [2.4.1]\n- INTAKE-1\n");
    }

    [Fact]
    public void On_GitHub_Actions_the_release_log_is_appended_to_the_job_summary_and_annotations_follow_the_text_summary()
    {
        var summary = _folder.Write("step-summary.md", "earlier step output\n");

        var (exit, stdout) = Run(new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary });

        Assert.Equal(1, exit);
        var releaseLog = File.ReadAllText(Path.Combine(_folder.Path, "out", GateCommand.ReleaseLogFile));
        Assert.Equal("earlier step output\n" + releaseLog, File.ReadAllText(summary));
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("FAIL: release 2.4.1 fails the gate", lines[0], StringComparison.Ordinal);
        Assert.Equal("::error title=verify-regression-safety::release 2.4.1: FAIL", lines[^1]);
        Assert.Contains(lines, line => line.StartsWith("::error file=src/Shop/Pricing.cs,line=3,title=RPG003", StringComparison.Ordinal));
    }

    [Fact]
    public void On_GitHub_Actions_a_document_format_keeps_stdout_clean_and_still_writes_the_job_summary()
    {
        var summary = Path.Combine(_folder.Path, "step-summary.md");

        var (_, stdout) = Run(new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary }, "--format", "sarif");

        using var sarif = JsonDocument.Parse(stdout);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.DoesNotContain(stdout.Split('\n'), line => line.TrimStart().StartsWith("::", StringComparison.Ordinal));
        Assert.StartsWith("# Release log: 2.4.1", File.ReadAllText(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void On_Azure_Pipelines_each_finding_is_a_logissue_and_the_release_log_is_uploaded_by_its_absolute_path()
    {
        var (exit, stdout) = Run(new() { ["TF_BUILD"] = "True" });

        Assert.Equal(1, exit);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Contains("##vso[task.logissue type=error;sourcepath=src/Shop/Pricing.cs;linenumber=3;code=RPG003]RPG003 [regression proof] ", stdout, StringComparison.Ordinal);
        Assert.Equal("##vso[task.uploadsummary]" + Path.Combine(_folder.Path, "out", GateCommand.ReleaseLogFile), lines[^1]);
        Assert.True(Path.IsPathRooted(lines[^1]["##vso[task.uploadsummary]".Length..]));
    }

    [Fact]
    public void Without_a_CI_service_nothing_but_the_summary_is_printed()
    {
        var (_, stdout) = Run([]);

        Assert.DoesNotContain("##vso[", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(stdout.Split('\n'), line => line.StartsWith("::", StringComparison.Ordinal));
    }

    [Fact]
    public void A_summary_that_fits_is_appended_whole()
    {
        Assert.Equal(Encoding.UTF8.GetBytes("# log\n"), GitHubStepSummary.Fit("# log\n", GitHubStepSummary.Cap, "/out/release-log.md"));
    }

    [Fact]
    public void A_huge_summary_is_cut_after_a_line_under_1_MiB_and_ends_with_a_pointer_to_the_release_log()
    {
        var row = "| INTAKE-1 | é title | P1 |\n";
        var log = new StringBuilder("# Release log: 2.4.1\n\n");
        while (log.Length < 3 * GitHubStepSummary.Cap)
        {
            log.Append(row);
        }

        var summary = _folder.Write("step-summary.md", "earlier\n");
        GitHubStepSummary.Append(summary, log.ToString(), "/runner/work/out/release-log.md");

        var written = File.ReadAllBytes(summary);
        Assert.True(written.Length <= GitHubStepSummary.Cap, $"{written.Length} bytes");
        var text = Encoding.UTF8.GetString(written);
        Assert.StartsWith("earlier\n# Release log: 2.4.1\n", text, StringComparison.Ordinal);
        var (body, pointer) = (text[..text.IndexOf("\n\n**The job summary stops here:**", StringComparison.Ordinal)], text[text.IndexOf("**The job summary stops here:**", StringComparison.Ordinal)..]);
        Assert.EndsWith(row, body, StringComparison.Ordinal);
        Assert.Contains("`release-log.md` in /runner/work/out", pointer, StringComparison.Ordinal);
        Assert.EndsWith("artifact to keep it.\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_annotations_show_ten_errors_before_any_warning_then_the_verdict_and_a_notice_counting_the_rest()
    {
        var findings = Enumerable.Range(1, 14).Select(i => Finding(FindingLevel.Warning, i))
            .Concat(Enumerable.Range(1, 12).Select(i => Finding(FindingLevel.Error, i)))
            .ToList();
        var input = Given.Input(Given.Release(), [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")]);

        var lines = GitHubAnnotationWriter.Write(new GateResult(input, findings)).TrimEnd('\n').Split('\n');

        var kinds = lines.Select(line => line[2..line.IndexOf(' ', StringComparison.Ordinal)]).ToList();
        Assert.Equal(Enumerable.Repeat("error", 9).Concat(Enumerable.Repeat("warning", 10)).Append("error").Append("notice"), kinds);
        Assert.Contains("error 1.", lines[0], StringComparison.Ordinal);
        Assert.Equal("::error title=verify-regression-safety::release 2.4.1: FAIL", lines[^2]);
        Assert.Equal(
            "::notice title=verify-regression-safety::7 more findings (3 errors, 4 warnings) are not annotated: GitHub shows 10 of each; every finding is in the job summary and release-log.md",
            lines[^1]);
    }

    [Fact]
    public void GitHub_annotations_under_the_cap_are_all_shown_and_need_no_notice()
    {
        var input = Given.Input(Given.Release(), [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")]);
        var findings = Enumerable.Range(1, 10).Select(i => Finding(FindingLevel.Warning, i)).ToList();

        var lines = GitHubAnnotationWriter.Write(new GateResult(input, findings)).TrimEnd('\n').Split('\n');

        Assert.Equal(11, lines.Length);
        Assert.Equal("::notice title=verify-regression-safety::release 2.4.1: PASS", lines[^1]);
    }

    [Fact]
    public void Azure_properties_escape_percent_line_breaks_semicolons_and_brackets_as_the_agent_unescapes_them()
    {
        Assert.Equal("a%AZP25b%0D%0Ac%3Bd%5De", AzurePipelinesWriter.Property("a%b\r\nc;d]e"));
        Assert.Equal("a%AZP25b%0D%0Ac;d]e", AzurePipelinesWriter.Data("a%b\r\nc;d]e"));
    }

    [Fact]
    public void Azure_commands_carry_hostile_text_as_data_one_command_per_line()
    {
        var card = Given.Card("INTAKE-1", owner: null) with { Title = Hostile };
        var release = Given.Release(cards: [card]);
        var input = Given.Input(release, [Given.Fix("INTAKE-1") with { Path = "src/a;b]c%d.cs", Display = Hostile }]);
        var findings = Gatekeeper.Decide(input).Select(f => f with { Message = f.Message + " " + Hostile }).ToList();

        var output = AzurePipelinesWriter.Write(new GateResult(input, findings), "/work/out/release-log.md");

        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(findings.Count + 1, lines.Length);
        Assert.All(lines, line =>
        {
            Assert.Matches(@"^##vso\[task\.(logissue type=(error|warning)(;sourcepath=[^;\]]*(;linenumber=[1-9][0-9]*)?)?;code=RPG[0-9]{3}|uploadsummary)\]", line);
            Assert.Single(Regex.Matches(line, "##vso\\[", RegexOptions.IgnoreCase));
            Assert.DoesNotContain("##[", line, StringComparison.Ordinal);
            Assert.DoesNotContain("\r", line, StringComparison.Ordinal);
            Assert.DoesNotContain("\u202e", line, StringComparison.Ordinal);
        });
        Assert.Contains(";sourcepath=src/a%3Bb%5Dc%AZP25d.cs;linenumber=7;", output, StringComparison.Ordinal);
        Assert.Contains("\\u0023#vso[task.setvariable variable=X]1 ] ; %AZP25AZP25 %AZP250A 100%AZP25%0D%0A\\u0023#[error]y \\u202Eevil", output, StringComparison.Ordinal);
    }

    private static Finding Finding(FindingLevel level, int number) =>
        new("regression proof", "RPG003", level, "INTAKE-1", $"{level.ToString().ToLowerInvariant()} {number}", "fix it");

    private (int Exit, string Stdout) Run(Dictionary<string, string> variables, params string[] format)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["--no-build", "--as-of", "2026-11-24", "--out", "out", .. format];
        var exit = GateCommand.Run(args, stdout, stderr, _folder.Path, ci: new CiEnvironment(name => variables.GetValueOrDefault(name)));
        Assert.Equal(string.Empty, stderr.ToString());
        return (exit, stdout.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
