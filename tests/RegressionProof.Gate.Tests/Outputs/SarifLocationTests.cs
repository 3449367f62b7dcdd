using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>
/// Findings no source line carries point at the line of the release file that would change to fix
/// them (the changelog for RPG007), so code scanning shows them instead of dropping them.
/// </summary>
public sealed class SarifLocationTests
{
    // Line numbers matter: each finding below names the line it is expected at.
    private const string ReleaseText = """
        {
          "version": "2.4.1",
          "class": "patch",
          "approvals": [],
          "rollback": {},
          "cards": [
            {
              "id": "INTAKE-1",
              "owner": "alice",
              "evidence": [ "https://tracker.example/1" ]
            }
          ],
          "retired": []
        }
        """;

    private static readonly IReadOnlyList<(string RuleId, string? Card, string Path, int? Line)> Expected =
    [
        ("RPG002", "INTAKE-1", "release/release.json", 8), // no backup: the card's line
        ("RPG005", null, "release/release.json", 4), // approvals missing
        ("RPG006", null, "release/release.json", 5), // rollback not documented
        ("RPG008", null, "release/release.json", 3), // a patch changes the public API: the release class
        ("RPG012", "OLD-1", "release/release.json", 13), // a probe of an earlier card is gone: "retired"
    ];

    private static GateResult Decide()
    {
        var release = ReleaseFileReader.Parse("release/release.json", ReleaseText);
        var baseline = Given.Baseline([Given.Probe("OLD-1")], api: ["M:Shop.Pricing.Apply"]);
        var input = Given.Input(release, [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")], baseline: baseline, api: []);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    [Fact]
    public void The_reader_knows_the_line_of_each_part_and_each_card()
    {
        var release = ReleaseFileReader.Parse("release.json", ReleaseText);

        Assert.Equal(
            new Dictionary<string, int> { ["version"] = 2, ["class"] = 3, ["approvals"] = 4, ["rollback"] = 5, ["card:INTAKE-1"] = 8, ["retired"] = 13 },
            release.Lines);
    }

    [Fact]
    public void Findings_about_the_release_point_at_its_line_in_SARIF()
    {
        var result = Decide();

        using var sarif = JsonDocument.Parse(SarifWriter.Write(result));
        var located = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (
                RuleId: r.GetProperty("ruleId").GetString()!,
                Card: r.TryGetProperty("properties", out var properties) ? properties.GetProperty("card").GetString() : null,
                Path: r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                Line: r.GetProperty("locations")[0].GetProperty("physicalLocation").TryGetProperty("region", out var region) ? region.GetProperty("startLine").GetInt32() : (int?)null))
            .ToList();

        Assert.All(Expected, expected => Assert.Contains(expected, located));
    }

    [Fact]
    public void Changelog_findings_point_at_the_changelog()
    {
        var release = ReleaseFileReader.Parse("release.json", ReleaseText.Replace("\"patch\"", "\"major\"", System.StringComparison.Ordinal));
        var input = Given.Input(release, [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")], changelog: ChangelogReader.Parse("docs/CHANGELOG.md", "# Changelog\n"));

        var changelogFindings = Gatekeeper.Decide(input).Where(f => f.RuleId == "RPG007").ToList();

        Assert.NotEmpty(changelogFindings);
        Assert.All(changelogFindings, f => Assert.Equal(new SourceLocation("docs/CHANGELOG.md", 0), f.Location));
    }

    [Fact]
    public void A_finding_with_a_source_location_keeps_it()
    {
        var release = ReleaseFileReader.Parse("release.json", ReleaseText);
        var input = Given.Input(release, [Given.Fix("INTAKE-1")]);

        var unproven = Gatekeeper.Decide(input).Single(f => f.RuleId == "RPG003");

        Assert.Equal(new SourceLocation("src/Shop/Pricing.cs", 7), unproven.Location);
    }
}
