using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// With a baseline: a card that had proofs still has one, unless it is retired (error); a single
/// proof that disappeared while others remain is reported as a warning.
/// </summary>
internal static class KeepProbesCheck
{
    public static IEnumerable<Finding> Check(GateInput input)
    {
        if (input.Baseline is null)
        {
            yield break;
        }

        var retired = input.Release.Retired.ToHashSet(StringComparer.Ordinal);
        var current = input.Links.Where(l => LinkKinds.IsProof(l.Kind)).Select(Key).ToHashSet();
        foreach (var card in input.Baseline.Links.Where(l => LinkKinds.IsProof(l.Kind)).GroupBy(l => l.Card))
        {
            if (retired.Contains(card.Key))
            {
                continue;
            }

            var gone = card.Where(proof => !current.Contains(Key(proof))).ToList();
            if (gone.Count == 0)
            {
                continue;
            }

            var allGone = gone.Count == card.Count() && !input.ProofsOf(card.Key).Any();
            yield return new Finding(Policies.KeepProbes.Name, Policies.KeepProbes.RuleId, allGone ? FindingLevel.Error : FindingLevel.Warning, card.Key,
                allGone
                    ? $"every proof of the earlier card {card.Key} is gone ({string.Join(", ", gone.Select(g => g.Display))})"
                    : $"a proof of {card.Key} is gone: {string.Join(", ", gone.Select(g => $"{g.Kind} {g.Display}"))}",
                $"keep the proof in place, or add {card.Key} to \"retired\" in the release file when it may go");
        }
    }

    private static (string Kind, string Card, string Symbol) Key(ManifestLink link) => (link.Kind, link.Card, link.Symbol);
}
