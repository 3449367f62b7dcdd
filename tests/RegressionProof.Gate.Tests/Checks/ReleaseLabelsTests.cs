using System;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Checks;

/// <summary>
/// RPG015, release labels: "All releases labeled patch/minor/major in release metadata and PR
/// labels". The release file names the class; a GitHub pull request must carry its label.
/// </summary>
public class ReleaseLabelsTests
{
    private static readonly ManifestLink[] Proven = [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")];

    private static GateInput PullRequestRun(ReleaseClass releaseClass, string scheme = PullRequest.DefaultLabelScheme, params string[] labels)
    {
        var input = Given.Input(Given.Release(releaseClass), Proven);
        return new GateInput(input.Release, input.Changelog, input.Assemblies, null, null, input.AsOf)
        {
            PullRequest = new PullRequest("event.json", 42, labels),
            LabelScheme = scheme,
        };
    }

    [Theory]
    [InlineData(ReleaseClass.Patch, "{class}", new[] { "bug", "patch" })]
    [InlineData(ReleaseClass.Minor, "{class}", new[] { "Minor" })]
    [InlineData(ReleaseClass.Major, "release:{class}", new[] { "release:major" })]
    public void A_pull_request_labeled_with_the_release_class_passes(ReleaseClass releaseClass, string scheme, string[] labels)
    {
        var input = PullRequestRun(releaseClass, scheme, labels);

        Assert.Empty(ReleaseLabelsCheck.Check(input));
        Assert.StartsWith("PR labels: pull request #42 is labeled \"", ReleaseLabelsCheck.Describe(input), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_pull_request_without_the_label_of_the_release_class_fails()
    {
        var input = PullRequestRun(ReleaseClass.Patch, "{class}", "bug");

        var finding = Assert.Single(Gatekeeper.Decide(input));

        Assert.Equal(("RPG015", FindingLevel.Error, null), (finding.RuleId, finding.Level, finding.Card));
        Assert.Equal("pull request #42 is not labeled \"patch\" for this patch release", finding.Message);
        Assert.Equal("PR labels: pull request #42 lacks the label \"patch\"", ReleaseLabelsCheck.Describe(input));
    }

    [Fact]
    public void A_pull_request_labeled_with_another_class_is_told_which()
    {
        var finding = Assert.Single(ReleaseLabelsCheck.Check(PullRequestRun(ReleaseClass.Patch, "release:{class}", "release:minor", "patch")));

        Assert.Equal("pull request #42 is not labeled \"release:patch\" for this patch release; it is labeled \"release:minor\"", finding.Message);
    }

    [Fact]
    public void Outside_a_pull_request_run_the_labels_are_reported_as_not_verified_and_nothing_fails()
    {
        var input = Given.Input(Given.Release(ReleaseClass.Minor), Proven);

        Assert.Empty(ReleaseLabelsCheck.Check(input));
        Assert.Equal("PR labels: not verified (not a pull-request run on GitHub Actions); the release class is minor", ReleaseLabelsCheck.Describe(input));
    }

    [Fact]
    public void The_policy_row_is_RPG015_in_rule_order_in_the_table()
    {
        Assert.Equal(("RPG015", "release labels"), (Policies.ReleaseLabels.RuleId, Policies.ReleaseLabels.Name));
        Assert.Contains(Policies.ReleaseLabels, Policies.All);
        Assert.Equal(Policies.All.Select(p => p.RuleId).Order(StringComparer.Ordinal), Policies.All.Select(p => p.RuleId));
    }
}
