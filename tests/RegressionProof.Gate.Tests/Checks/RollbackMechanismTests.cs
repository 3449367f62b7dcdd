using System;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Checks;

/// <summary>"Pre-deploy: confirm rollback (feature flag or hotfix image)": the release file's rollback names its mechanism (RPG006).</summary>
public class RollbackMechanismTests
{
    private static readonly ManifestLink[] Proven = [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")];

    [Theory]
    [InlineData("feature-flag", RollbackMechanism.FeatureFlag)]
    [InlineData("hotfix-image", RollbackMechanism.HotfixImage)]
    public void The_release_file_names_the_mechanism_by_its_wire_name(string wire, RollbackMechanism expected)
    {
        var release = ReleaseFileReader.Parse("release.json", $$"""{ "version": "1", "class": "patch", "rollback": { "plan": "p", "tested": true, "mechanism": "{{wire}}" }, "cards": [] }""");

        Assert.Equal(expected, release.Rollback.Mechanism);
    }

    [Fact]
    public void A_rollback_that_leaves_the_mechanism_out_is_read_without_one()
    {
        var release = ReleaseFileReader.Parse("release.json", """{ "version": "1", "class": "patch", "rollback": { "plan": "p", "mechanism": null }, "cards": [] }""");

        Assert.Null(release.Rollback.Mechanism);
    }

    [Fact]
    public void An_unknown_mechanism_is_unusable_input_at_its_line_and_column()
    {
        var exception = Assert.Throws<InputException>(() => ReleaseFileReader.Parse("release.json",
            "{ \"version\": \"1\", \"class\": \"patch\",\n  \"rollback\": { \"plan\": \"p\", \"mechanism\": \"pray\" }, \"cards\": [] }"));

        Assert.Equal("release.json(2,43): \"mechanism\" is \"pray\"; expected one of feature-flag, hotfix-image", exception.Message);
    }

    [Theory]
    [InlineData(ReleaseClass.Patch)]
    [InlineData(ReleaseClass.Minor)]
    [InlineData(ReleaseClass.Major)]
    public void A_named_mechanism_completes_the_rollback_of_every_class(ReleaseClass releaseClass)
    {
        var release = Given.Release(releaseClass, rollback: new Rollback("turn off flag checkout.v2", true, true) { Mechanism = RollbackMechanism.FeatureFlag });

        Assert.Empty(RollbackCheck.Check(Given.Input(release, Proven)));
    }

    [Theory]
    [InlineData(ReleaseClass.Patch, true)]
    [InlineData(ReleaseClass.Major, true)]
    [InlineData(ReleaseClass.Minor, false)]
    public void A_missing_mechanism_fails_a_patch_or_major_release_and_warns_a_minor_one(ReleaseClass releaseClass, bool fails)
    {
        var release = Given.Release(releaseClass, rollback: new Rollback("redeploy 2.4.0", true, true));

        var finding = Assert.Single(RollbackCheck.Check(Given.Input(release, Proven)));

        Assert.Equal((Policies.Rollback.RuleId, fails ? FindingLevel.Error : FindingLevel.Warning), (finding.RuleId, finding.Level));
        Assert.Contains("rollback mechanism (\"mechanism\": \"feature-flag\" or \"hotfix-image\")", finding.Message + finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patch_missing_its_mechanism_and_its_test_is_told_both_in_one_finding()
    {
        var release = Given.Release(ReleaseClass.Patch, rollback: new Rollback("redeploy 2.4.0", false, false));

        var finding = Assert.Single(RollbackCheck.Check(Given.Input(release, Proven)));

        Assert.Equal("the patch release 2.4.1 needs a tested rollback (\"tested\": true) and a rollback mechanism (\"mechanism\": \"feature-flag\" or \"hotfix-image\")", finding.Message);
    }
}
