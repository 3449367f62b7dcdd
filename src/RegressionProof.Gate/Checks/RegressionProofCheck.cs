using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// Regression proof: every card and every [Fixes] ID has at least one proof that counts; with test
/// results, every test proof of a card of the release ran and passed.
/// </summary>
internal static class RegressionProofCheck
{
    public static IEnumerable<Finding> Check(GateInput input)
    {
        // No sorting here: the gatekeeper orders all findings once.
        var ids = input.Release.Cards.Select(c => c.Id).Concat(input.Fixes.Select(f => f.Card)).Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var proofs = input.ProofsOf(id).ToList();
            var fix = input.FixesOf(id).FirstOrDefault();
            var location = fix is null ? null : new SourceLocation(fix.Path, fix.Line);
            if (proofs.Count == 0)
            {
                yield return new Finding(Policies.RegressionProof.Name, Policies.RegressionProof.RuleId, FindingLevel.Error, id,
                    $"{id} has no regression proof",
                    $"add a test with [RegressionFor(\"{id}\")], a [SyntheticProbe] or [RecurrenceAlert] with a Signal, a [DashboardPanel] with Baseline and Threshold, or a [ManualVerification]",
                    location);
                continue;
            }

            if (!proofs.Any(input.Counts))
            {
                var overdue = proofs.First();
                yield return new Finding(Policies.RegressionProof.Name, Policies.RegressionProof.RuleId, FindingLevel.Error, id,
                    $"{id} is proven only by manual verification whose automation was due {overdue.AutomateBy} (as of {input.AsOf:yyyy-MM-dd})",
                    $"automate the verification of {id} as a test, probe, alert or panel",
                    new SourceLocation(overdue.Path, overdue.Line));
                continue;
            }

            if (input.TestResults is null || !input.IsCardOfRelease(id))
            {
                continue;
            }

            foreach (var test in proofs.Where(p => LinkKinds.IsTest(p.Kind) && p.Test is not null).DistinctBy(p => p.Test))
            {
                // A proof on a base test class runs as every concrete class that inherits it: all must pass, one must have run.
                var outcomes = input.TestClasses.RunsOf(test.Test!).SelectMany(input.TestResults.Of).ToList();
                var failed = outcomes.Where(o => o.Status == TestStatus.Failed).ToList();
                var notPassed = outcomes.Where(o => o.Status != TestStatus.Passed).ToList();
                string? problem = outcomes.Count switch
                {
                    0 => "did not run (no result in the test results)",
                    _ when failed.Count > 0 => $"failed ({Where(test.Test!, failed)})",
                    _ when notPassed.Count > 0 => $"did not pass ({string.Join(", ", notPassed.Select(o => o.Outcome).Distinct())}; {Where(test.Test!, notPassed)})",
                    _ => null,
                };
                if (problem is not null)
                {
                    yield return new Finding(Policies.RegressionProof.Name, Policies.RegressionProof.RuleId, FindingLevel.Error, id,
                        $"the proof of {id} {test.Test} {problem}",
                        $"run the tests with dotnet test --logger trx (VSTest) or --report-trx (Microsoft.Testing.Platform), pass the .trx files with --test-results, and make {test.Test} pass",
                        new SourceLocation(test.Path, test.Line));
                }
            }
        }
    }
    // Which result files (and, for an inherited test, as which classes) the bad results came from.
    private static string Where(string test, IReadOnlyList<TestOutcome> outcomes)
    {
        var files = string.Join(", ", outcomes.Select(o => o.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var runs = outcomes.Select(o => o.Test).Where(t => !string.Equals(t, test, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return runs.Count == 0 ? $"in {files}" : $"as {string.Join(", ", runs)} in {files}";
    }
}
