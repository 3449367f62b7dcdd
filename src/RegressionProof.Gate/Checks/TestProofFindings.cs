using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// RPG003 with test results: whether a test proof ran on this build and passed (docs/gate.md,
/// "Test results"), and what the result files themselves give away (two files claiming one run).
/// </summary>
internal static class TestProofFindings
{
    /// <summary>A finding names this many files at most, then says how many more there are.</summary>
    public const int MaxFilesNamed = 5;

    private const string RunTheTests = "dotnet test --logger trx (VSTest) or --report-trx (Microsoft.Testing.Platform)";

    /// <summary>Findings about the result files, once per gate run.</summary>
    public static IEnumerable<Finding> OfFiles(TestResults results) =>
        results.SharedRuns.Select(shared => new Finding(Policies.RegressionProof.Name, Policies.RegressionProof.RuleId, FindingLevel.Warning, null,
            $"two result files claim the same run {shared.Id} but differ: {shared.Counted} and {shared.Ignored}; only {shared.Counted} counts",
            $"keep one file per run: delete the stale or edited copy, and give each shard and each retry its own run (every {RunTheTests} run writes a new run id)"));

    /// <summary>Findings about one test proof of card <paramref name="id"/>.</summary>
    public static IEnumerable<Finding> Of(GateInput input, TestResults results, string id, ManifestLink proof)
    {
        var test = proof.Test!;
        var location = SourceLocation.Of(proof);
        var found = input.ProofResultsOf(test);
        if (found.OtherBuild.Count > 0)
        {
            var reasons = found.OtherBuild.GroupBy(o => (o.Outcome.File, o.Reason)).Select(g => $"{g.Key.File}: {g.Key.Reason}").ToList();
            yield return new Finding(Policies.RegressionProof.Name, Policies.RegressionProof.RuleId, FindingLevel.Warning, id,
                $"results from another build: {Count(found.OtherBuild.Count, "result")} of the proof of {id} {test} {DoNotCount(found.OtherBuild.Count)} ({Capped(reasons, "; ")})",
                $"gate the results of this build: run the tests on it with {RunTheTests} into an empty results folder, and pass that folder with --test-results",
                location);
        }

        var rows = found.Rows;
        var failed = rows.Where(r => r.Last.Status == TestStatus.Failed).Select(r => r.Last).ToList();
        var notPassed = rows.Where(r => r.Last.Status != TestStatus.Passed).Select(r => r.Last).ToList();
        var problem = rows.Count switch
        {
            0 => $"did not run ({NoResult(results, found.OtherBuild.Count)})",
            _ when failed.Count > 0 => $"failed ({Where(test, failed)})",
            _ when notPassed.Count > 0 => $"did not pass ({string.Join(", ", notPassed.Select(o => o.Outcome).Distinct())}{Rows(notPassed)}; {Where(test, notPassed)})",
            _ => null,
        };
        if (problem is not null)
        {
            yield return new Finding(Policies.RegressionProof.Name, Policies.RegressionProof.RuleId, FindingLevel.Error, id,
                $"the proof of {id} {test} {problem}",
                $"run the tests with {RunTheTests}, pass the result files with --test-results, and make {test} pass",
                location);
            yield break;
        }

        var retried = rows.Where(r => r.PassedAfterRetry).ToList();
        if (retried.Count > 0)
        {
            var fails = input.Flaky == FlakyPolicy.Fail;
            var failedAttempts = retried.SelectMany(r => r.Attempts).Where(a => a.Status == TestStatus.Failed).ToList();
            yield return new Finding(Policies.RegressionProof.Name, Policies.RegressionProof.RuleId, fails ? FindingLevel.Error : FindingLevel.Warning, id,
                $"the proof of {id} {test} passed after retry (failed {Where(test, failedAttempts)}; passed {Where(test, retried.Select(r => r.Last).ToList())})",
                fails
                    ? $"make {test} pass at its first attempt (a proof that fails at random cannot show the regression is gone), or pass --flaky warn to accept a pass on retry"
                    : $"find why {test} failed before it passed: a proof that fails at random can hide the regression it guards (--flaky fail makes this an error)",
                location);
        }
    }

    // "no result in 2 result files: shard-1/a.trx, shard-2/b.trx": the shards that were read, so a missing shard shows.
    private static string NoResult(TestResults results, int otherBuild)
    {
        var files = results.Files.Count == 0
            ? "no result in the test results"
            : $"no result in {Count(results.Files.Count, "result file")}: {Capped(results.Files, ", ")}";
        return otherBuild == 0 ? files : $"{files}; {Count(otherBuild, "result")} of another build {DoNotCount(otherBuild)}";
    }

    // Which result files (and, for an inherited test, as which classes) the results came from.
    private static string Where(string test, IReadOnlyList<TestOutcome> outcomes)
    {
        var files = Capped(outcomes.Select(o => o.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), ", ");
        var runs = outcomes.Select(o => o.Test).Where(t => !string.Equals(t, test, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return runs.Count == 0 ? $"in {files}" : $"as {string.Join(", ", runs)} in {files}";
    }

    // ": Shop.Tests.PricingTests.Never_negative(price: 10)": the rows of a theory that did not pass, by the runner's name for them.
    private static string Rows(IReadOnlyList<TestOutcome> outcomes)
    {
        var rows = outcomes.Where(o => !string.Equals(o.DisplayName, o.Test, StringComparison.Ordinal)).Select(o => o.DisplayName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return rows.Count == 0 ? string.Empty : ": " + Capped(rows, ", ");
    }

    private static string Capped(IReadOnlyList<string> items, string separator) =>
        items.Count <= MaxFilesNamed
            ? string.Join(separator, items)
            : string.Join(separator, items.Take(MaxFilesNamed)) + $"{separator}and {items.Count - MaxFilesNamed} more";

    private static string DoNotCount(int count) => count == 1 ? "does not count" : "do not count";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
