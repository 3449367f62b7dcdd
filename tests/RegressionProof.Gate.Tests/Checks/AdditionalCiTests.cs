using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Checks;

/// <summary>
/// RPG017, "Additional CI" by class: a patch's affected scope, a minor release's affected packages
/// in full, a major release's full suite and migration tests, checked from the test results.
/// </summary>
public sealed class AdditionalCiTests
{
    private const string ShopHash = "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";

    private static readonly ManifestLink[] Proven = [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")];

    /// <summary>The product, Shop; its unit tests reference it, the architecture tests reference nothing of the solution.</summary>
    private static IReadOnlyList<ScannedAssembly> Solution(IReadOnlyList<ManifestLink>? unitTestLinks = null) =>
    [
        Given.Assembly("Shop", [Given.Fix("INTAKE-1")]) with { Files = [new ScannedFile("src/Shop/bin/Release/net10.0/Shop.dll", ShopHash)] },
        TestAssembly("Shop.Tests", unitTestLinks ?? [Given.Test("INTAKE-1")], "Shop"),
        TestAssembly("Shop.ArchitectureTests", []),
    ];

    private static ScannedAssembly TestAssembly(string name, IReadOnlyList<ManifestLink> links, params string[] references) =>
        Given.Assembly(name, links) with
        {
            Files = [new ScannedFile($"tests/{name}/bin/Release/net10.0/{name}.dll", new string('0', 64))],
            IsTestAssembly = true,
            References = ["System.Runtime", "xunit.core", .. references],
        };

    private static GateInput Input(ReleaseClass releaseClass, TestResults? results, Baseline? baseline = null, IReadOnlyList<ScannedAssembly>? assemblies = null)
    {
        var release = Given.Release(releaseClass);
        return new GateInput(release, Given.Changelog(release), assemblies ?? Solution(), results, baseline, Given.Today);
    }

    /// <summary>A result as a TRX file gives it: naming the test assembly that ran it.</summary>
    private static TestOutcome Ran(string test, string assembly, string file = "results/unit.trx", string outcome = "Passed") =>
        new(test, test, outcome, file) { Source = $"/ci/tests/{assembly}/bin/Release/net10.0/{assembly}.dll" };

    private static Baseline BaselineWithShop(string shopHash) =>
        Given.Baseline(Proven) with { FileHashes = new Dictionary<string, IReadOnlySet<string>> { ["Shop"] = new HashSet<string> { shopHash } } };

    [Fact]
    public void Patch_passes_when_every_test_assembly_that_references_a_changed_assembly_has_results()
    {
        var results = TestResults.From([Ran("Shop.Tests.PricingTests.Never_negative", "Shop.Tests")]);

        Assert.Empty(AdditionalCiCheck.Check(Input(ReleaseClass.Patch, results)));
    }

    [Fact]
    public void Patch_fails_naming_the_test_assembly_without_results_and_the_result_files_read()
    {
        var results = TestResults.From([Ran("Shop.ArchitectureTests.Layers.Hold", "Shop.ArchitectureTests", "results/architecture.trx")]);

        var finding = Assert.Single(AdditionalCiCheck.Check(Input(ReleaseClass.Patch, results)));

        Assert.Equal(("RPG017", FindingLevel.Error), (finding.RuleId, finding.Level));
        Assert.Equal(
            "Shop.Tests (tests/Shop.Tests/bin/Release/net10.0/Shop.Tests.dll) has no results of this build in the 1 result file read (results/architecture.trx); "
            + "it references Shop, which counts as changed (no --baseline to compare with) (the patch's affected scope)",
            finding.Message);

        var withBaseline = Assert.Single(AdditionalCiCheck.Check(Input(ReleaseClass.Patch, results, BaselineWithShop(new string('f', 64)))));
        Assert.EndsWith("it references Shop, changed since the baseline (the patch's affected scope)", withBaseline.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Patch_asks_nothing_of_the_tests_of_an_assembly_whose_bytes_and_api_are_the_baseline_s()
    {
        Assert.Empty(AdditionalCiCheck.Check(Input(ReleaseClass.Patch, results: null, BaselineWithShop(ShopHash))));

        var changed = Assert.Single(AdditionalCiCheck.Check(Input(ReleaseClass.Patch, results: null, BaselineWithShop(new string('f', 64)))));
        Assert.Contains("Shop.Tests", changed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Patch_without_test_results_is_not_verified_a_warning()
    {
        var finding = Assert.Single(AdditionalCiCheck.Check(Input(ReleaseClass.Patch, results: null)));

        Assert.Equal(FindingLevel.Warning, finding.Level);
        Assert.Equal("additional CI of patch 2.4.1 not verified: no --test-results were given; a patch runs the tests of its affected scope and asks for results of Shop.Tests", finding.Message);
    }

    [Fact]
    public void Results_of_another_build_do_not_count()
    {
        var stale = Ran("Shop.Tests.PricingTests.Never_negative", "Shop.Tests") with { Source = "/ci/tests/Shop.Tests/bin/Debug/net10.0/Shop.OldTests.dll" };

        Assert.Single(AdditionalCiCheck.Check(Input(ReleaseClass.Patch, TestResults.From([stale]))));
    }

    [Fact]
    public void A_result_that_names_no_test_assembly_counts_for_the_assembly_that_declares_its_class()
    {
        var junit = new TestOutcome("Shop.Tests.PricingTests.Never_negative", "Never_negative", "passed", "results/junit.xml") { Status = TestStatus.Passed };

        Assert.Empty(AdditionalCiCheck.Check(Input(ReleaseClass.Patch, TestResults.From([junit]))));
    }

    [Fact]
    public void Minor_fails_when_a_test_assembly_of_an_affected_package_ran_in_part()
    {
        var links = new[] { Given.Test("INTAKE-1"), Given.Test("OLD-7", "Shop.Tests.RefundTests.No_cent_lost") };
        var results = TestResults.From([Ran("Shop.Tests.PricingTests.Never_negative", "Shop.Tests")]);

        var finding = Assert.Single(AdditionalCiCheck.Check(Input(ReleaseClass.Minor, results, assemblies: Solution(links))));

        Assert.StartsWith("Shop.Tests ran in part: 1 of its tests has no result in the 1 result file read (results/unit.trx) (Shop.Tests.RefundTests.No_cent_lost)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("(an affected package), in full", finding.Message, StringComparison.Ordinal);

        var full = TestResults.From([Ran("Shop.Tests.PricingTests.Never_negative", "Shop.Tests"), Ran("Shop.Tests.RefundTests.No_cent_lost", "Shop.Tests")]);
        Assert.Empty(AdditionalCiCheck.Check(Input(ReleaseClass.Minor, full, assemblies: Solution(links))));
    }

    [Fact]
    public void Major_runs_the_full_suite()
    {
        var unitOnly = TestResults.From([Ran("Shop.Tests.PricingTests.Never_negative", "Shop.Tests")]);
        var both = TestResults.From([Ran("Shop.Tests.PricingTests.Never_negative", "Shop.Tests"), Ran("Shop.ArchitectureTests.Layers.Hold", "Shop.ArchitectureTests", "results/architecture.trx")]);

        var finding = Assert.Single(AdditionalCiCheck.Check(Input(ReleaseClass.Major, unitOnly)));
        Assert.StartsWith("Shop.ArchitectureTests (", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("a major release runs the full suite", finding.Message, StringComparison.Ordinal);
        Assert.Empty(AdditionalCiCheck.Check(Input(ReleaseClass.Major, both)));
    }

    [Fact]
    public void Major_runs_every_migration_test_a_skipped_one_did_not_run()
    {
        var links = new[] { Given.Test("INTAKE-1"), Given.Test("INTAKE-1", "Shop.Tests.Migrations.Adds_the_index", LinkKinds.MigrationTest) };
        var architecture = Ran("Shop.ArchitectureTests.Layers.Hold", "Shop.ArchitectureTests");
        var skipped = TestResults.From([architecture, Ran("Shop.Tests.PricingTests.Never_negative", "Shop.Tests"), Ran("Shop.Tests.Migrations.Adds_the_index", "Shop.Tests", outcome: "NotExecuted")]);
        var ran = TestResults.From([architecture, Ran("Shop.Tests.PricingTests.Never_negative", "Shop.Tests"), Ran("Shop.Tests.Migrations.Adds_the_index", "Shop.Tests")]);

        var finding = Assert.Single(AdditionalCiCheck.Check(Input(ReleaseClass.Major, skipped, assemblies: Solution(links))));

        Assert.Equal("[MigrationTest] Shop.Tests.Migrations.Adds_the_index did not run in the 1 result file read (results/unit.trx); major 2.4.1 runs every migration test", finding.Message);
        Assert.Empty(AdditionalCiCheck.Check(Input(ReleaseClass.Major, ran, assemblies: Solution(links))));
    }

    [Fact]
    public void Major_without_test_results_is_not_verified_an_error_placed_at_the_release_class()
    {
        var release = Gate.Inputs.ReleaseFileReader.Parse("release.json", """
            { "version": "3.0.0",
              "class": "major",
              "cards": [] }
            """);
        var input = new GateInput(release, Given.Changelog(release), Solution(), testResults: null, baseline: null, Given.Today);

        var finding = Assert.Single(Gatekeeper.Decide(input), f => f.RuleId == "RPG017");

        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.StartsWith("additional CI of major 3.0.0 not verified", finding.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("release.json", 2), finding.Location);
    }

    [Fact]
    public void A_build_without_test_assemblies_asks_for_no_results()
    {
        Assert.Empty(AdditionalCiCheck.Check(Input(ReleaseClass.Major, results: null, assemblies: [Given.Assembly("Shop", Proven)])));
    }
}
