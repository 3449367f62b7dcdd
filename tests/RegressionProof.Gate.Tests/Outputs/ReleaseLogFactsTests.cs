using System;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>
/// The text summary opens with the verdict and the counts; the release log carries the approvals,
/// the rollback plan and the baseline used, names proofs in plain words and tests in one form.
/// </summary>
public sealed class ReleaseLogFactsTests
{
    private static GateResult Result(ReleaseFile release, TestResults? tests = null, Baseline? baseline = null)
    {
        var input = Given.Input(release, [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1", "Shop.Tests.A.M"), Given.Probe("INTAKE-1")], tests: tests, baseline: baseline);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    [Fact]
    public void The_summary_opens_with_the_verdict_and_the_counts()
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2")]);

        var lines = SummaryWriter.Write(Result(release)).Split('\n');

        Assert.Equal("FAIL: release 2.4.1 fails the gate (patch, standard lane, as of 2026-11-24)", lines[0]);
        Assert.Equal("2 cards: 1 proven, 0 failing, 1 unproven; 1 errors, 0 warnings", lines[1]);
        Assert.DoesNotContain(lines.Skip(2), line => line.Contains("fails the gate", StringComparison.Ordinal));
    }

    [Fact]
    public void The_release_log_lists_the_approvals_against_those_the_class_requires_and_the_rollback_plan()
    {
        var release = Given.Release(approvals: [new Approval("release-captain", "dana"), new Approval("security", "sam")], rollback: new Rollback("turn off flag *x*", Tested: true, StagedRollout: false) { Mechanism = RollbackMechanism.FeatureFlag });

        var log = ReleaseLogWriter.Write(Result(release));

        Assert.Contains("## Approvals\n\n- release-captain: dana\n- dri: **missing**\n- security: sam (not required for a patch release)\n", log, StringComparison.Ordinal);
        Assert.Contains("## Rollback\n\n- Plan: turn off flag \\*x\\*\n- Mechanism: feature-flag\n- Tested: yes\n- Staged rollout: no\n", log, StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_log_names_the_baseline_used_or_says_there_was_none()
    {
        var without = ReleaseLogWriter.Write(Result(Given.Release()));
        var with = ReleaseLogWriter.Write(Result(Given.Release(), baseline: Given.Baseline([]) with { Path = "/ci/previous/coverage-manifest.json" }));

        Assert.Contains("Baseline used: none: no --baseline was given", without, StringComparison.Ordinal);
        Assert.Contains("Baseline used: release 2.4.0 (coverage-manifest.json).", with, StringComparison.Ordinal);
        Assert.Contains("1 cards: 1 proven, 0 failing, 0 unproven; 0 errors, 0 warnings.", without, StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_log_names_proofs_in_plain_words_and_tests_in_one_form_with_their_result()
    {
        var tests = TestResults.From(
        [
            new TestOutcome("Shop.Tests.A.M", "M (1)", "Passed", "results/mstest.trx"),
            new TestOutcome("Shop.Tests.A.M", "Shop.Tests.A.M(2)", "Failed", "results/xunit.trx"),
        ]);

        var log = ReleaseLogWriter.Write(Result(Given.Release(), tests));

        var row = log.Split('\n').Single(line => line.StartsWith("| INTAKE-1 |", StringComparison.Ordinal));
        Assert.Contains("automated test: Shop.Tests.A.M<br>synthetic probe: Shop.Monitoring.Probe", row, StringComparison.Ordinal);
        Assert.Contains("- INTAKE-1: Shop.Tests.A.M(1): passed (Passed in results/mstest.trx)\n", log, StringComparison.Ordinal);
        Assert.Contains("- INTAKE-1: Shop.Tests.A.M(2): failed (Failed in results/xunit.trx)\n", log, StringComparison.Ordinal);
    }
}
