using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// With a baseline: a [Fixes("X")] member whose fingerprint changed while no proof of X was added
/// or changed: the fix moved, its proof did not. An error for cards of this release, a warning otherwise.
/// </summary>
internal static class SuspectProofCheck
{
    public static IEnumerable<Finding> Check(GateInput input)
    {
        if (input.Baseline is null)
        {
            yield break;
        }

        var baselineProofs = input.Baseline.Links.Where(l => LinkKinds.IsProof(l.Kind)).ToLookup(l => l.Card, StringComparer.Ordinal);
        var before = input.Baseline.Links
            .Where(l => l.Kind == LinkKinds.Fixes)
            .GroupBy(l => (l.Card, l.Symbol))
            .ToDictionary(g => g.Key, g => g.First().Fingerprint);
        foreach (var fix in input.Fixes.DistinctBy(f => (f.Card, f.Symbol)))
        {
            if (!before.TryGetValue((fix.Card, fix.Symbol), out var earlier) || earlier == fix.Fingerprint)
            {
                continue;
            }

            if (ProofsChanged(input.ProofsOf(fix.Card), baselineProofs[fix.Card]))
            {
                continue;
            }

            var ofRelease = input.IsCardOfRelease(fix.Card);
            yield return new Finding(Policies.SuspectProof.Name, Policies.SuspectProof.RuleId, ofRelease ? FindingLevel.Error : FindingLevel.Warning, fix.Card,
                $"{fix.Display} changed since the baseline, but no proof of {fix.Card} was added or changed: the fix moved, its proof did not",
                $"update or add a proof of {fix.Card} that covers the new code",
                SourceLocation.Of(fix));
        }
    }

    /// <summary>Whether a proof of the card was added or changed since the baseline.</summary>
    private static bool ProofsChanged(IEnumerable<ManifestLink> now, IEnumerable<ManifestLink> then)
    {
        var earlier = then.Select(l => (l.Kind, l.Symbol, l.Fingerprint)).ToHashSet();
        return now.Any(l => !earlier.Contains((l.Kind, l.Symbol, l.Fingerprint)));
    }
}
