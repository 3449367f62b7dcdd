using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// With a baseline, "keep regression probes in place": unless its card is retired, a probe, alert
/// or dashboard panel of an earlier card that disappeared fails, and so does a card whose proofs
/// all disappeared; a test gone while other proofs of its card remain is a warning.
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
            // The policy names probes: a monitor watches production after every release, so losing
            // one is losing the proof, even while a test of the card remains.
            var monitorsGone = gone.Where(g => IsMonitor(g.Kind)).ToList();
            var fix = $"keep the proof in place, or add {card.Key} to \"retired\" in the release file when it may go";
            if (allGone)
            {
                yield return new Finding(Policies.KeepProbes.Name, Policies.KeepProbes.RuleId, FindingLevel.Error, card.Key,
                    $"every proof of the earlier card {card.Key} is gone ({string.Join(", ", gone.Select(g => g.Display))})", fix);
            }
            else if (monitorsGone.Count > 0)
            {
                yield return new Finding(Policies.KeepProbes.Name, Policies.KeepProbes.RuleId, FindingLevel.Error, card.Key,
                    $"a probe of the earlier card {card.Key} is gone: {Describe(monitorsGone)}", fix);
            }
            else
            {
                yield return new Finding(Policies.KeepProbes.Name, Policies.KeepProbes.RuleId, FindingLevel.Warning, card.Key,
                    $"a proof of {card.Key} is gone: {Describe(gone)}", fix);
            }
        }
    }

    private static bool IsMonitor(string kind) => kind is LinkKinds.SyntheticProbe or LinkKinds.RecurrenceAlert or LinkKinds.DashboardPanel;

    private static string Describe(IEnumerable<ManifestLink> proofs) => string.Join(", ", proofs.Select(g => $"{g.Kind} {g.Display}"));

    private static (string Kind, string Card, string Symbol) Key(ManifestLink link) => (link.Kind, link.Card, link.Symbol);
}
