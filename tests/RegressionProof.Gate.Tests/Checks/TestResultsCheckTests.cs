using System;
using System.IO;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Cli;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Tests.Inputs;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Checks;

/// <summary>RPG003 with test results: which results prove a test, and how a finding names them.</summary>
public sealed class TestResultsCheckTests : IDisposable
{
    private const string Contract = "Shop.Tests.PricingContract.Never_negative";

    private static readonly DeclaredClass[] Classes =
    [
        new("Shop.Tests.SqlPricingTests", "Shop.Tests.PricingContract", IsAbstract: false),
        new("Shop.Tests.MemoryPricingTests", "Shop.Tests.PricingContract", IsAbstract: false),
    ];

    private readonly TempFolder _folder = new();

    private static GateInput Input(TestResults results)
    {
        var release = Given.Release();
        var assembly = Given.Assembly("Shop", [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1", Contract)]) with { Classes = Classes };
        return new GateInput(release, Given.Changelog(release), [assembly], results, baseline: null, Given.Today);
    }

    private static TestOutcome Outcome(string test, string outcome, string file = "artifacts/test-results/x.trx") => new(test, test, outcome, file);

    [Fact]
    public void A_proof_on_a_base_class_is_proven_by_the_classes_that_inherit_it()
    {
        var results = TestResults.From([Outcome("Shop.Tests.SqlPricingTests.Never_negative", "Passed"), Outcome("Shop.Tests.MemoryPricingTests.Never_negative", "Passed")]);

        Assert.Empty(RegressionProofCheck.Check(Input(results)));
    }

    [Fact]
    public void A_proof_on_a_base_class_is_proven_when_at_least_one_inheriting_class_ran()
    {
        var results = TestResults.From([Outcome("Shop.Tests.SqlPricingTests.Never_negative", "Passed")]);

        Assert.Empty(RegressionProofCheck.Check(Input(results)));
    }

    [Fact]
    public void A_proof_on_a_base_class_fails_when_any_inheriting_class_fails_naming_the_class_and_the_file()
    {
        var results = TestResults.From(
        [
            Outcome("Shop.Tests.SqlPricingTests.Never_negative", "Failed", "artifacts/test-results/sql.trx"),
            Outcome("Shop.Tests.MemoryPricingTests.Never_negative", "Passed"),
        ]);

        var finding = Assert.Single(RegressionProofCheck.Check(Input(results)));

        Assert.Equal($"the proof of INTAKE-1 {Contract} failed (as Shop.Tests.SqlPricingTests.Never_negative in artifacts/test-results/sql.trx)", finding.Message);
    }

    [Fact]
    public void A_proof_on_a_base_class_that_no_class_ran_did_not_run()
    {
        var finding = Assert.Single(RegressionProofCheck.Check(Input(TestResults.From([Outcome("Shop.Tests.Other.Test", "Passed")]))));

        Assert.Equal($"the proof of INTAKE-1 {Contract} did not run (no result in the test results)", finding.Message);
    }

    [Fact]
    public void A_finding_names_the_result_file_and_the_fix_names_both_test_runners()
    {
        var results = TestResults.From([Outcome(Contract, "NotExecuted", "artifacts/test-results/a.trx"), Outcome(Contract, "Passed", "artifacts/test-results/b.trx")]);

        var finding = Assert.Single(RegressionProofCheck.Check(Input(results)));

        Assert.Equal($"the proof of INTAKE-1 {Contract} did not pass (NotExecuted; in artifacts/test-results/a.trx)", finding.Message);
        Assert.Contains("dotnet test --logger trx (VSTest) or --report-trx (Microsoft.Testing.Platform)", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void End_to_end_a_contract_test_that_passed_in_every_derived_class_passes_the_gate_and_the_summary_counts_files_and_runs()
    {
        var manifest = """
            {"schema":"regression-proof/manifest/v1","assembly":"Shop.Tests","links":[
            {"kind":"fixes","card":"INTAKE-1","symbol":"M:Shop.Pricing.Apply","display":"Pricing.Apply()","path":"src/Shop/Pricing.cs","line":7,"fingerprint":"sha256:aa"},
            {"kind":"regression-for","card":"INTAKE-1","symbol":"M:Shop.Tests.PricingContract.Never_negative","display":"PricingContract.Never_negative()","path":"tests/Shop.Tests/PricingContract.cs","line":9,"framework":"xunit","test":"Shop.Tests.PricingContract.Never_negative","level":"unit","fingerprint":"sha256:bb"}]}
            """;
        Directory.CreateDirectory(Path.Combine(_folder.Path, "bin"));
        TestClassHierarchyTests.Build(Path.Combine(_folder.Path, "bin"), "Shop.Tests", TestAssemblies.WithManifest(manifest) + "\n" + TestClassHierarchyTests.Contracts);
        _folder.Write("release.json", """
            { "version": "2.4.1", "class": "patch",
              "approvals": [{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }],
              "rollback": { "plan": "redeploy 2.4.0", "tested": true },
              "cards": [{ "id": "INTAKE-1", "title": "Discount can go negative", "priority": "P1", "reason": "regression",
                          "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/INTAKE-1"] }] }
            """);
        _folder.Write("CHANGELOG.md", "# Changelog\n\n## [2.4.1]\n- Discount can go negative (INTAKE-1)\n");
        _folder.Write("test-results/monday.trx", Trx("2026-11-23T09:00:00Z", "Failed"));
        _folder.Write("test-results/tuesday.trx", Trx("2026-11-24T09:00:00Z", "Passed"));

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = GateCommand.Run(["--no-build", "--as-of", "2026-11-24", "--test-results", "test-results"], stdout, stderr, _folder.Path);

        Assert.Equal((0, string.Empty), (exit, stderr.ToString()));
        Assert.Contains("1 assemblies, 2 links, 6 test results from 2 files (2 runs; the newest run of each test counts)", stdout.ToString(), StringComparison.Ordinal);
        var log = File.ReadAllText(Path.Combine(_folder.Path, "artifacts", "regression-proof", "release-log.md"));
        Assert.Contains("- INTAKE-1: Shop.Tests.RedisPricingTests.Never\\_negative: passed (Passed in ", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed", log, StringComparison.Ordinal);
    }

    // Monday's run failed in every derived class, Tuesday's (after the fix) passed in all of them.
    private static string Trx(string start, string outcome)
    {
        var classes = new[] { "Shop.Tests.SqlPricingTests", "Shop.Tests.MemoryPricingTests", "Shop.Tests.RedisPricingTests" };
        return $"""
            <TestRun id="{Guid.NewGuid()}" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Times creation="{start}" start="{start}" finish="{start}" />
              <Results>{string.Concat(classes.Select((c, i) => $"<UnitTestResult testId=\"{i}\" testName=\"{c}.Never_negative\" outcome=\"{outcome}\" />"))}</Results>
              <TestDefinitions>{string.Concat(classes.Select((c, i) => $"<UnitTest id=\"{i}\"><TestMethod className=\"{c}\" name=\"Never_negative\" /></UnitTest>"))}</TestDefinitions>
            </TestRun>
            """;
    }

    public void Dispose() => _folder.Dispose();
}
