using System;
using System.IO;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Cli;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
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

    private static readonly DateTimeOffset Built = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static GateInput Input(TestResults results, FlakyPolicy flaky = FlakyPolicy.Warn)
    {
        var release = Given.Release();
        var assembly = Given.Assembly("Shop", [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1", Contract)]) with { Classes = Classes };
        var tests = new ScannedAssembly("Shop.Tests", [new ScannedFile("tests/Shop.Tests/bin/Release/net10.0/Shop.Tests.dll", new string('0', 64)) { BuiltAt = Built }], [], [], []);
        return new GateInput(release, Given.Changelog(release), [assembly, tests], results, baseline: null, Given.Today) { Flaky = flaky };
    }

    private static TestOutcome Outcome(string test, string outcome, string file = "artifacts/test-results/x.trx") => new(test, test, outcome, file);

    // A result as a runner on this build writes it: dated after the build, naming its test assembly.
    private static TestOutcome Attempt(string outcome, string file, int minutesAfterBuild, string source = "/ci/tests/Shop.Tests/bin/Release/net10.0/shop.tests.dll", string test = Contract) =>
        new TestOutcome(test, test, outcome, file) { RunTime = Built.AddMinutes(minutesAfterBuild), Run = file, Source = source };

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

        Assert.Equal($"the proof of INTAKE-1 {Contract} did not run (no result in 1 result file: artifacts/test-results/x.trx)", finding.Message);
    }

    [Fact]
    public void A_skipped_row_of_a_theory_is_named_by_the_runner_s_name_for_it()
    {
        var results = TestResults.From(
        [
            new TestOutcome(Contract, Contract + "(price: 10)", "Passed", "a.trx"),
            new TestOutcome(Contract, Contract + "(price: -1)", "NotExecuted", "a.trx"),
        ]);

        var finding = Assert.Single(RegressionProofCheck.Check(Input(results)));

        Assert.Equal($"the proof of INTAKE-1 {Contract} did not pass (NotExecuted: {Contract}(price: -1); in a.trx)", finding.Message);
    }

    [Fact]
    public void A_result_written_on_windows_is_matched_to_its_test_assembly_by_file_name()
    {
        var results = TestResults.From([Attempt("Passed", "a.trx", 1, source: @"D:\a\shop\tests\Shop.Tests\bin\Release\net10.0\Shop.Tests.dll")]);

        Assert.Empty(RegressionProofCheck.Check(Input(results)));
    }

    // --- Retries (issue 13, item 4) ---

    [Fact]
    public void A_proof_that_failed_then_passed_on_retry_is_a_warning_by_default_naming_the_files()
    {
        var results = TestResults.From([Attempt("Failed", "shard-1/a.trx", 1), Attempt("Passed", "retry-1/a.trx", 5)]);

        var finding = Assert.Single(RegressionProofCheck.Check(Input(results)));

        Assert.Equal(FindingLevel.Warning, finding.Level);
        Assert.Equal($"the proof of INTAKE-1 {Contract} passed after retry (failed in shard-1/a.trx; passed in retry-1/a.trx)", finding.Message);
        Assert.Contains("--flaky fail", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void With_flaky_fail_a_proof_that_passed_only_on_retry_is_an_error()
    {
        var results = TestResults.From([Attempt("Failed", "a.trx", 1), Attempt("Passed", "a.trx", 1)]);

        var finding = Assert.Single(RegressionProofCheck.Check(Input(results, FlakyPolicy.Fail)));

        Assert.Equal((FindingLevel.Error, $"the proof of INTAKE-1 {Contract} passed after retry (failed in a.trx; passed in a.trx)"), (finding.Level, finding.Message));
        Assert.Contains("--flaky warn", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proof_whose_last_attempt_failed_failed_whatever_passed_before()
    {
        var results = TestResults.From([Attempt("Passed", "shard-1/a.trx", 1), Attempt("Failed", "shard-2/b.trx", 2)]);

        var finding = Assert.Single(RegressionProofCheck.Check(Input(results)));

        Assert.Equal((FindingLevel.Error, $"the proof of INTAKE-1 {Contract} failed (in shard-2/b.trx)"), (finding.Level, finding.Message));
    }

    [Fact]
    public void A_proof_that_passed_at_every_attempt_has_no_finding()
    {
        Assert.Empty(RegressionProofCheck.Check(Input(TestResults.From([Attempt("Passed", "a.trx", 1), Attempt("Passed", "b.trx", 2)]))));
    }

    [Fact]
    public void The_release_log_shows_a_proof_that_passed_after_retry_with_every_attempt_and_the_summary_shows_the_warning()
    {
        var input = Input(TestResults.From([Attempt("Failed", "shard-1/a.trx", 1), Attempt("Passed", "retry-1/a.trx", 5)]));
        var result = new GateResult(input, Gatekeeper.Decide(input));

        var log = ReleaseLogWriter.Write(result).Replace("\\", string.Empty, StringComparison.Ordinal);
        var summary = SummaryWriter.Write(result);

        Assert.Contains($"- INTAKE-1: {Contract}: passed after retry (Failed in shard-1/a.trx, then Passed in retry-1/a.trx)", log, StringComparison.Ordinal);
        Assert.Contains($"warning RPG003 [regression proof] src/Shop/Pricing.cs(7): the proof of INTAKE-1 {Contract} passed after retry (failed in shard-1/a.trx; passed in retry-1/a.trx)", summary, StringComparison.Ordinal);
        Assert.Contains("PASS: release 2.4.1 passes the gate", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_log_names_the_files_passed_over_up_to_a_cap_and_counts_the_rest()
    {
        var passedOver = Enumerable.Range(1, ReleaseLogWriter.MaxPassedOverNamed + 5).Select(i => $"results/coverage-{i:00}.xml").ToList();
        var input = Input(new TestResults([Attempt("Passed", "a.trx", 1)], ["a.trx"], 1) { PassedOver = passedOver });

        var log = ReleaseLogWriter.Write(new GateResult(input, Gatekeeper.Decide(input)));

        Assert.Contains("passed over 25 files that are not test results: results/coverage-01.xml, ", log, StringComparison.Ordinal);
        Assert.Contains("results/coverage-20.xml and 5 more; the proofs:", log, StringComparison.Ordinal);
        Assert.DoesNotContain("coverage-21", log, StringComparison.Ordinal);
    }

    // --- Shards (issue 13, item 3) ---

    [Fact]
    public void A_proof_that_did_not_run_names_the_shards_that_were_read()
    {
        var results = TestResults.From([Outcome("Shop.Tests.Other.Test", "Passed", "shard-1/a.trx"), Outcome("Shop.Tests.Other.Test2", "Passed", "shard-2/b.trx")]);

        var finding = Assert.Single(RegressionProofCheck.Check(Input(results)));

        Assert.Equal($"the proof of INTAKE-1 {Contract} did not run (no result in 2 result files: shard-1/a.trx, shard-2/b.trx)", finding.Message);
    }

    [Fact]
    public void Many_shards_are_named_up_to_a_cap()
    {
        var results = TestResults.From(Enumerable.Range(1, 8).Select(i => Outcome("Shop.Tests.Other.Test", "Passed", $"shard-{i}/r.trx")).ToList());

        var finding = Assert.Single(RegressionProofCheck.Check(Input(results)));

        Assert.EndsWith("did not run (no result in 8 result files: shard-1/r.trx, shard-2/r.trx, shard-3/r.trx, shard-4/r.trx, shard-5/r.trx, and 3 more)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_claiming_one_run_are_a_warning_naming_both()
    {
        var results = new TestResults([Outcome(Contract, "Passed", "shard-1/a.trx")], ["shard-1/a.trx", "shard-2/a.trx"], 1)
        {
            SharedRuns = [new SharedRun("6d5c8c5e-1f0a-4a36-9a2e-0d3d5e9b4c11", "shard-1/a.trx", "shard-2/a.trx")],
        };

        var finding = Assert.Single(RegressionProofCheck.Check(Input(results)));

        Assert.Equal((FindingLevel.Warning, null), (finding.Level, finding.Card));
        Assert.Equal("two result files claim the same run 6d5c8c5e-1f0a-4a36-9a2e-0d3d5e9b4c11 but differ: shard-1/a.trx and shard-2/a.trx; only shard-1/a.trx counts", finding.Message);
    }

    // --- Results of another build (issue 13, item 5) ---

    [Fact]
    public void A_result_of_a_test_assembly_that_is_not_gated_is_from_another_build_and_does_not_count()
    {
        var results = TestResults.From([Attempt("Passed", "old/a.trx", 5, source: "/ci/bin/Release/net10.0/Shop.Legacy.Tests.dll")]);

        var findings = RegressionProofCheck.Check(Input(results)).OrderBy(f => f.Level).ToList();

        Assert.Equal(
            [
                $"Error: the proof of INTAKE-1 {Contract} did not run (no result in 1 result file: old/a.trx; 1 result of another build does not count)",
                $"Warning: results from another build: 1 result of the proof of INTAKE-1 {Contract} does not count (old/a.trx: its test assembly Shop.Legacy.Tests.dll is not one being gated)",
            ],
            findings.Select(f => $"{f.Level}: {f.Message}"));
    }

    [Fact]
    public void A_result_of_a_run_that_started_before_its_test_assembly_was_built_does_not_count_and_is_no_failure()
    {
        // Yesterday's failure, before the fix was built, and today's pass on this build.
        var results = TestResults.From([Attempt("Failed", "results/yesterday.trx", -24 * 60), Attempt("Passed", "results/today.trx", 3)]);

        var finding = Assert.Single(RegressionProofCheck.Check(Input(results)));

        Assert.Equal(FindingLevel.Warning, finding.Level);
        Assert.Equal($"results from another build: 1 result of the proof of INTAKE-1 {Contract} does not count (results/yesterday.trx: its run started 2026-11-23 09:00:00Z, before shop.tests.dll was built)", finding.Message);
    }

    [Fact]
    public void A_result_of_another_copy_of_the_test_assembly_such_as_a_debug_build_is_told_apart_only_by_name()
    {
        // The Release build is gated; the tests ran on the Debug build, before Release was built.
        var results = TestResults.From([Attempt("Passed", "results/debug.trx", -60, source: "/ci/tests/Shop.Tests/bin/Debug/net10.0/shop.tests.dll")]);

        Assert.Empty(RegressionProofCheck.Check(Input(results)));
    }

    [Fact]
    public void A_result_that_does_not_name_its_test_assembly_counts()
    {
        var results = TestResults.From([new TestOutcome(Contract, Contract, "Passed", "results/a.trx") { RunTime = Built.AddDays(-30) }]);

        Assert.Empty(RegressionProofCheck.Check(Input(results)));
    }

    [Fact]
    public void A_finding_names_the_result_file_and_the_fix_names_both_test_runners()
    {
        var results = TestResults.From([Outcome(Contract, "NotExecuted", "artifacts/test-results/a.trx"), Outcome("Shop.Tests.SqlPricingTests.Never_negative", "Passed", "artifacts/test-results/b.trx")]);

        var finding = Assert.Single(RegressionProofCheck.Check(Input(results)));

        Assert.Equal($"the proof of INTAKE-1 {Contract} did not pass (NotExecuted; in artifacts/test-results/a.trx)", finding.Message);
        Assert.Contains("dotnet test --logger trx (VSTest) or --report-trx (Microsoft.Testing.Platform)", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void End_to_end_a_contract_test_that_passed_in_every_derived_class_on_this_build_passes_and_an_earlier_build_s_failure_is_set_aside()
    {
        var built = BuildGatedSolution();
        _folder.Write("test-results/monday.trx", Trx(built.AddDays(-1), "Failed"));
        _folder.Write("test-results/tuesday.trx", Trx(built.AddMinutes(1), "Passed"));
        _folder.Write("test-results/coverage.cobertura.xml", "<?xml version=\"1.0\"?><coverage line-rate=\"1\" />");

        var (exit, stdout, stderr) = Gate("--test-results", "test-results");

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Contains("1 assemblies, 2 links, 6 test results from 2 files (2 runs; each test's last attempt counts; passed over 1 file that is not test results)", stdout, StringComparison.Ordinal);
        Assert.Contains($"warning RPG003 [regression proof] tests/Shop.Tests/PricingContract.cs(9): results from another build: 3 results of the proof of INTAKE-1 {Contract} do not count (test-results/monday.trx: its run started", stdout, StringComparison.Ordinal);
        var log = File.ReadAllText(Path.Combine(_folder.Path, "artifacts", "regression-proof", "release-log.md"));
        Assert.Contains("- INTAKE-1: Shop.Tests.RedisPricingTests.Never\\_negative: passed (Passed in test-results/tuesday.trx)", log, StringComparison.Ordinal);
        Assert.Contains("passed over 1 file that is not test results: test-results/coverage.cobertura.xml", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("warn", 0, "warning")]
    [InlineData("fail", 1, "error")]
    public void End_to_end_a_retried_shard_passes_after_retry_and_the_flaky_option_decides(string flaky, int expectedExit, string level)
    {
        var built = BuildGatedSolution();
        // Shard 1 runs two of the derived classes (they fail, then pass on retry), shard 2 the third.
        _folder.Write("shard-1/run.trx", Trx(built.AddMinutes(1), "Failed", "Sql", "Memory"));
        _folder.Write("shard-1/retry-1/run.trx", Trx(built.AddMinutes(2), "Passed", "Sql", "Memory"));
        _folder.Write("shard-2/run.trx", Trx(built.AddMinutes(1), "Passed", "Redis"));

        var (exit, stdout, stderr) = Gate("--test-results", "shard-1", "--test-results", "shard-2", "--flaky", flaky);

        Assert.Equal((expectedExit, string.Empty), (exit, stderr));
        Assert.Contains($"{level} RPG003 [regression proof] tests/Shop.Tests/PricingContract.cs(9): the proof of INTAKE-1 {Contract} passed after retry (failed as Shop.Tests.MemoryPricingTests.Never_negative, Shop.Tests.SqlPricingTests.Never_negative in shard-1/run.trx; passed as Shop.Tests.MemoryPricingTests.Never_negative, Shop.Tests.SqlPricingTests.Never_negative in shard-1/retry-1/run.trx)", stdout, StringComparison.Ordinal);
        var log = File.ReadAllText(Path.Combine(_folder.Path, "artifacts", "regression-proof", "release-log.md")).Replace("\\", string.Empty, StringComparison.Ordinal);
        Assert.Contains("- INTAKE-1: Shop.Tests.SqlPricingTests.Never_negative: passed after retry (Failed in shard-1/run.trx, then Passed in shard-1/retry-1/run.trx)", log, StringComparison.Ordinal);
        Assert.Contains("- INTAKE-1: Shop.Tests.RedisPricingTests.Never_negative: passed (Passed in shard-2/run.trx)", log, StringComparison.Ordinal);
    }

    // The gated solution: Shop.Tests built now (its file's time is when it was built), with the contract test as INTAKE-1's proof.
    private DateTimeOffset BuildGatedSolution()
    {
        var manifest = """
            {"schema":"regression-proof/manifest/v1","assembly":"Shop.Tests","links":[
            {"kind":"fixes","card":"INTAKE-1","symbol":"M:Shop.Pricing.Apply","display":"Pricing.Apply()","path":"src/Shop/Pricing.cs","line":7,"fingerprint":"sha256:aa"},
            {"kind":"regression-for","card":"INTAKE-1","symbol":"M:Shop.Tests.PricingContract.Never_negative","display":"PricingContract.Never_negative()","path":"tests/Shop.Tests/PricingContract.cs","line":9,"framework":"xunit","test":"Shop.Tests.PricingContract.Never_negative","level":"unit","fingerprint":"sha256:bb"}]}
            """;
        Directory.CreateDirectory(Path.Combine(_folder.Path, "bin"));
        var assembly = TestClassHierarchyTests.Build(Path.Combine(_folder.Path, "bin"), "Shop.Tests", TestAssemblies.WithManifest(manifest) + "\n" + TestClassHierarchyTests.Contracts);
        _folder.Write("release.json", """
            { "version": "2.4.1", "class": "patch",
              "approvals": [{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }],
              "rollback": { "plan": "redeploy 2.4.0", "tested": true, "mechanism": "hotfix-image" },
              "cards": [{ "id": "INTAKE-1", "title": "Discount can go negative", "priority": "P1", "reason": "regression",
                          "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/INTAKE-1"] }] }
            """);
        _folder.Write("CHANGELOG.md", "# Changelog\n\n## [2.4.1]\n- Discount can go negative (INTAKE-1)\n");
        return File.GetLastWriteTimeUtc(assembly);
    }

    private (int Exit, string Stdout, string Stderr) Gate(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = GateCommand.Run(["--no-build", "--as-of", "2026-11-24", .. args], stdout, stderr, _folder.Path);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    // A run of every derived class of the contract, from the test assembly's own path on the CI machine.
    private static string Trx(DateTimeOffset start, string outcome, params string[] only)
    {
        var classes = (only.Length == 0 ? ["Sql", "Memory", "Redis"] : only).Select(c => $"Shop.Tests.{c}PricingTests").ToArray();
        var time = start.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        const string Storage = "/home/runner/work/shop/bin/shop.tests.dll"; // the CI machine's checkout: bin/Shop.Tests.dll in the repository
        return $"""
            <TestRun id="{Guid.NewGuid()}" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Times creation="{time}" start="{time}" finish="{time}" />
              <Results>{string.Concat(classes.Select((c, i) => $"<UnitTestResult testId=\"{i}\" testName=\"{c}.Never_negative\" outcome=\"{outcome}\" />"))}</Results>
              <TestDefinitions>{string.Concat(classes.Select((c, i) => $"<UnitTest id=\"{i}\" storage=\"{Storage}\"><TestMethod codeBase=\"{Storage}\" className=\"{c}\" name=\"Never_negative\" /></UnitTest>"))}</TestDefinitions>
            </TestRun>
            """;
    }

    public void Dispose() => _folder.Dispose();
}
