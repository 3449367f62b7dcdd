using System;
using System.IO;
using RegressionProof.Gate.Cli;
using Xunit;

namespace RegressionProof.Gate.Tests.Cli;

/// <summary><c>init</c> starts a release from what the build links; <c>check</c> gates a pull request with no release file.</summary>
public sealed class SubcommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string ReleasePath => Path.Combine(_folder.Path, "release.json");

    private string ChangelogPath => Path.Combine(_folder.Path, "CHANGELOG.md");

    [Fact]
    public void Init_writes_a_release_file_of_the_built_cards_and_a_changelog_section_then_prints_the_next_steps()
    {
        CliFixtures.BuildShop(_folder.Path, CliFixtures.ProvenManifest);

        var (exit, stdout, stderr) = Run("init", "--no-build");

        Assert.Equal((0, string.Empty), (exit, stderr));
        var release = File.ReadAllText(ReleasePath);
        Assert.Contains("\"id\": \"INTAKE-1\"", release, StringComparison.Ordinal);
        Assert.Contains("\"owner\": \"\"", release, StringComparison.Ordinal);
        Assert.Contains("\"backup\": \"\"", release, StringComparison.Ordinal);
        Assert.Contains("\"version\": \"<fill in:", release, StringComparison.Ordinal);
        Assert.Contains("\"class\": \"<fill in:", release, StringComparison.Ordinal);
        Assert.Equal("# Changelog\n\n## [Unreleased]\n- INTAKE-1: describe the fix\n", File.ReadAllText(ChangelogPath));
        Assert.Contains("wrote release.json", stdout, StringComparison.Ordinal);
        Assert.Contains("wrote CHANGELOG.md", stdout, StringComparison.Ordinal);
        Assert.Contains("1 card(s) found in the build: INTAKE-1", stdout, StringComparison.Ordinal);
        Assert.Contains("Next steps:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gate_refuses_the_release_file_init_wrote_until_its_placeholders_are_filled_in()
    {
        CliFixtures.BuildShop(_folder.Path, CliFixtures.ProvenManifest);
        Assert.Equal(0, Run("init", "--no-build").Exit);

        var asWritten = Run("--no-build", "--as-of", "2026-11-24");
        File.WriteAllText(ReleasePath, File.ReadAllText(ReleasePath).Replace("\"<fill in: patch, minor or major>\"", "\"patch\"", StringComparison.Ordinal));
        var classFilled = Run("--no-build", "--as-of", "2026-11-24");
        File.WriteAllText(ReleasePath, File.ReadAllText(ReleasePath).Replace("\"<fill in: the version to release, such as 1.0.0>\"", "\"1.0.0\"", StringComparison.Ordinal));
        var versionFilled = Run("--no-build", "--as-of", "2026-11-24");

        Assert.Equal(2, asWritten.Exit);
        Assert.StartsWith($"verify-regression-safety: {ReleasePath}(3,", asWritten.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, classFilled.Exit);
        Assert.Equal($"verify-regression-safety: {ReleasePath}(2,14): the version is still the placeholder init wrote; set the version to release", classFilled.Stderr.TrimEnd());
        // Usable now, and still failing: nobody owns the card yet.
        Assert.Equal(1, versionFilled.Exit);
        Assert.Contains("INTAKE-1", versionFilled.Stdout, StringComparison.Ordinal);
        Assert.Contains("owner", versionFilled.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_never_overwrites_a_file_it_writes_only_what_is_missing()
    {
        CliFixtures.BuildShop(_folder.Path, CliFixtures.ProvenManifest);
        _folder.Write("release.json", CliFixtures.Release);

        var (exit, stdout, _) = Run("init", "--no-build");

        Assert.Equal(0, exit);
        Assert.Equal(CliFixtures.Release, File.ReadAllText(ReleasePath));
        Assert.Contains("kept release.json as it is (init never overwrites a file)", stdout, StringComparison.Ordinal);
        Assert.Contains("wrote CHANGELOG.md", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_with_both_files_in_place_exits_2_and_touches_neither()
    {
        CliFixtures.BuildShop(_folder.Path, CliFixtures.ProvenManifest);
        _folder.Write("release.json", CliFixtures.Release);
        _folder.Write("CHANGELOG.md", "## [2.4.1]\n");

        var (exit, stdout, stderr) = Run("init", "--no-build");

        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.StartsWith($"verify-regression-safety: nothing to write: {ReleasePath} and {ChangelogPath} exist, and init never overwrites a file", stderr, StringComparison.Ordinal);
        Assert.Equal(CliFixtures.Release, File.ReadAllText(ReleasePath));
        Assert.Equal("## [2.4.1]\n", File.ReadAllText(ChangelogPath));
    }

    [Fact]
    public void Check_passes_a_build_whose_every_fix_has_a_proof_with_no_release_file_nor_changelog()
    {
        CliFixtures.BuildShop(_folder.Path, CliFixtures.ProvenManifest);

        var (exit, stdout, stderr) = Run("check", "--no-build");

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Contains("PASS: every fix in the build has a regression proof", stdout, StringComparison.Ordinal);
        Assert.Contains("not checked: evidence, owner + backup, approvals, rollback, changelog, API class", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "artifacts")));
    }

    [Fact]
    public void Check_fails_a_fix_without_proof()
    {
        CliFixtures.BuildShop(_folder.Path, CliFixtures.UnprovenManifest);

        var (exit, stdout, _) = Run("check", "--no-build");

        Assert.Equal(1, exit);
        Assert.Contains("error RPG003 [regression proof] src/Shop/Pricing.cs(7): INTAKE-1 has no regression proof", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Passed", 0)]
    [InlineData("Failed", 1)]
    public void Check_with_test_results_fails_a_proof_that_failed(string outcome, int expected)
    {
        CliFixtures.BuildShop(_folder.Path, CliFixtures.ProvenManifest);
        _folder.Write("results/unit.trx", CliFixtures.Trx(outcome));

        var (exit, stdout, _) = Run("check", "--no-build", "--test-results", "results");

        Assert.Equal(expected, exit);
        Assert.Equal(outcome == "Failed", stdout.Contains("the proof of INTAKE-1 Shop.Tests.PricingTests.Never_negative failed", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_with_test_results_fails_a_proof_that_did_not_run()
    {
        CliFixtures.BuildShop(_folder.Path, CliFixtures.ProvenManifest);
        _folder.Write("results/unit.trx", CliFixtures.Trx("Passed").Replace("Never_negative", "Something_else", StringComparison.Ordinal));

        var (exit, stdout, _) = Run("check", "--no-build", "--test-results", "results");

        Assert.Equal(1, exit);
        Assert.Contains("the proof of INTAKE-1 Shop.Tests.PricingTests.Never_negative did not run", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_a_baseline_fails_when_the_proofs_of_an_earlier_card_are_gone()
    {
        CliFixtures.BuildShop(_folder.Path, CliFixtures.ProvenManifest);
        _folder.Write("release.json", CliFixtures.Release);
        _folder.Write("CHANGELOG.md", "## [2.4.1]\n- INTAKE-1\n");
        Assert.Equal(0, Run("--no-build", "--as-of", "2026-11-24", "--out", "previous").Exit);
        File.Delete(ReleasePath);
        Directory.Delete(Path.Combine(_folder.Path, "bin"), recursive: true);
        CliFixtures.BuildShop(_folder.Path, CliFixtures.UnprovenManifest);

        var (exit, stdout, _) = Run("check", "--no-build", "--baseline", "previous/coverage-manifest.json");

        Assert.Equal(1, exit);
        Assert.Contains("every proof of the earlier card INTAKE-1 is gone (PricingTests.Never_negative())", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subcommand_with_a_bad_input_exits_2_naming_it_without_a_stack_trace()
    {
        var (exit, _, stderr) = Run("check", "missing-folder", "--no-build");

        Assert.Equal(2, exit);
        Assert.StartsWith("verify-regression-safety: ", stderr, StringComparison.Ordinal);
        Assert.Contains("missing-folder", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
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
