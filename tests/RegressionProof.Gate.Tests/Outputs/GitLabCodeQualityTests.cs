using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NJsonSchema;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary><c>--format gitlab</c>: a GitLab Code Quality report GitLab accepts, one issue per finding with its own stable fingerprint.</summary>
public sealed class GitLabCodeQualityTests
{
    private const string Hostile = "a\"b\\c\n##vso[task.complete]\u202e</script>";

    private static GateResult Failing()
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1", owner: null) with { Title = Hostile }, Given.Card("INTAKE-2")], approvals: [], rollback: new Rollback(null, false, false));
        var input = Given.Input(release, [
            Given.Fix("INTAKE-1"),
            Given.Fix("INTAKE-2"),
            Given.Fix("INTAKE-2", symbol: "M:Shop.Pricing.Round") with { Display = Hostile },
            Given.Test("INTAKE-2", test: "Shop.Tests.PricingTests.Never_negative_two") with { Path = "../../etc/passwd" },
        ]);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    [Fact]
    public async Task The_report_validates_against_GitLabs_documented_format()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schemas", "gitlab-code-quality.schema.json"));
        var passing = Given.Input(Given.Release(), [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")]);

        foreach (var result in new[] { Failing(), new GateResult(passing, Gatekeeper.Decide(passing)) })
        {
            Assert.Empty(schema.Validate(GitLabCodeQualityWriter.Write(result)));
        }

        // The schema does reject what GitLab cannot show: no fingerprint, an unknown severity, no line.
        Assert.NotEmpty(schema.Validate("""[ { "description": "d", "check_name": "c", "severity": "minor", "location": { "path": "p", "lines": { "begin": 1 } } } ]"""));
        Assert.NotEmpty(schema.Validate("""[ { "description": "d", "check_name": "c", "fingerprint": "f", "severity": "fatal", "location": { "path": "p", "lines": { "begin": 1 } } } ]"""));
        Assert.NotEmpty(schema.Validate("""[ { "description": "d", "check_name": "c", "fingerprint": "f", "severity": "minor", "location": { "path": "p" } } ]"""));
    }

    [Fact]
    public void Every_finding_is_one_issue_with_a_unique_fingerprint_its_rule_severity_and_place()
    {
        var result = Failing();

        using var report = JsonDocument.Parse(GitLabCodeQualityWriter.Write(result));
        var issues = report.RootElement.EnumerateArray().ToList();

        Assert.Equal(result.Findings.Count, issues.Count);
        Assert.True(result.Findings.Count >= 4, "the failing release has findings of several rules");
        Assert.Equal(issues.Count, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
        Assert.All(issues, issue => Assert.Matches("^[0-9a-f]{64}$", issue.GetProperty("fingerprint").GetString()));
        for (var i = 0; i < issues.Count; i++)
        {
            var finding = result.Findings[i];
            Assert.Equal(finding.RuleId, issues[i].GetProperty("check_name").GetString());
            Assert.Equal(finding.Level == FindingLevel.Error ? "blocker" : "minor", issues[i].GetProperty("severity").GetString());
            Assert.Equal(ReportLocation.Of(finding)?.Path ?? "release.json", issues[i].GetProperty("location").GetProperty("path").GetString());
        }
    }

    [Fact]
    public void Two_findings_of_one_rule_card_and_place_still_get_different_fingerprints()
    {
        var input = Given.Input(Given.Release(), [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")]);
        var twice = new[]
        {
            new Finding("regression proof", "RPG003", FindingLevel.Warning, "INTAKE-1", "first", "fix", new SourceLocation("src/A.cs", 3)),
            new Finding("regression proof", "RPG003", FindingLevel.Warning, "INTAKE-1", "second", "fix", new SourceLocation("src/A.cs", 3)),
        };

        using var report = JsonDocument.Parse(GitLabCodeQualityWriter.Write(new GateResult(input, twice)));

        var fingerprints = report.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()).ToList();
        Assert.NotEqual(fingerprints[0], fingerprints[1]);
    }

    [Fact]
    public void Fingerprints_are_the_same_on_a_second_run_and_do_not_depend_on_the_message()
    {
        string[] Fingerprints(GateResult result)
        {
            using var report = JsonDocument.Parse(GitLabCodeQualityWriter.Write(result));
            return report.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()!).ToArray();
        }

        var first = Fingerprints(Failing());
        var second = Fingerprints(Failing());
        var reworded = Failing();
        var rewordedFingerprints = Fingerprints(new GateResult(reworded.Input, reworded.Findings.Select(f => f with { Message = f.Message + " (reworded)" }).ToList()));

        Assert.Equal(first, second);
        Assert.Equal(first, rewordedFingerprints);
    }

    [Fact]
    public void User_text_is_data_in_the_description()
    {
        var report = GitLabCodeQualityWriter.Write(Failing());

        Assert.DoesNotContain("##vso[", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\u202e", report, StringComparison.Ordinal);
        Assert.DoesNotContain("</script>", report, StringComparison.Ordinal);
        Assert.DoesNotContain("../../etc/passwd", report, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(report);
        Assert.Equal(JsonValueKind.Array, parsed.RootElement.ValueKind);
    }
}
