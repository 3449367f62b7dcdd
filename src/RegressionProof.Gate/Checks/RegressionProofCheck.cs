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
        if (input.TestResults is not null)
        {
            foreach (var finding in TestProofFindings.OfFiles(input.TestResults))
            {
                yield return finding;
            }
        }

        var ids = input.Release.Cards.Select(c => c.Id).Concat(input.Fixes.Select(f => f.Card)).Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var proofs = input.ProofsOf(id).ToList();
            var fix = input.FixesOf(id).FirstOrDefault();
            var location = fix is null ? null : SourceLocation.Of(fix);
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
                    SourceLocation.Of(overdue));
                continue;
            }

            if (input.TestResults is null || !input.IsCardOfRelease(id))
            {
                continue;
            }

            foreach (var test in proofs.Where(p => LinkKinds.IsTest(p.Kind) && p.Test is not null).DistinctBy(p => p.Test))
            {
                foreach (var finding in TestProofFindings.Of(input, input.TestResults, id, test))
                {
                    yield return finding;
                }
            }
        }
    }
}
