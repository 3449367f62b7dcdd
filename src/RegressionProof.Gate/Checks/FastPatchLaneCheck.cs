using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// Fast-patch lane: class patch; every card a P0/P1 regression, an SLA breach, a security fix or a
/// cost/performance anomaly, with evidence and an owner; rollback tested; release captain
/// approval; no API addition.
/// </summary>
internal static class FastPatchLaneCheck
{
    private static readonly CardReason[] EligibleReasons = [CardReason.SlaBreach, CardReason.Security, CardReason.CostAnomaly, CardReason.PerformanceAnomaly];

    public static IEnumerable<Finding> Check(GateInput input)
    {
        if (input.Release.Lane != ReleaseLane.FastPatch)
        {
            yield break;
        }

        if (input.Release.Class != ReleaseClass.Patch)
        {
            yield return Fail(null, $"the fast-patch lane takes patches only, and {input.Release.Version} is a {input.Release.Class.ToString().ToLowerInvariant()} release", "use the standard lane");
        }

        foreach (var card in input.Release.Cards)
        {
            var eligible = (card.Reason == CardReason.Regression && card.Priority is CardPriority.P0 or CardPriority.P1)
                || (card.Reason is { } reason && Array.IndexOf(EligibleReasons, reason) >= 0);
            if (!eligible)
            {
                yield return Fail(card.Id, $"{card.Id} ({(card.Reason is { } r ? WireNames.Of(r) : "no reason")}, {(card.Priority is { } p ? WireNames.Of(p) : "no priority")}) is not eligible for the fast-patch lane",
                    "fast-patch only P0/P1 regressions, SLA breaches, security fixes and cost/performance anomalies; ship the rest in the standard lane");
            }

            if (!card.Evidence.Any(EvidenceCheck.IsHttpLink) || string.IsNullOrWhiteSpace(card.Owner))
            {
                yield return Fail(card.Id, $"{card.Id} needs evidence and an owner to take the fast-patch lane", $"set \"evidence\" and \"owner\" of {card.Id}");
            }
        }

        if (!input.Release.Rollback.Tested)
        {
            yield return Fail(null, "the fast-patch lane needs a tested rollback", "set \"rollback\": { \"tested\": true } once the rollback was validated");
        }

        if (!input.Release.Approvals.Any(a => string.Equals(a.Role, ApprovalsCheck.ReleaseCaptain, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(a.By)))
        {
            yield return Fail(null, "the fast-patch lane needs the release captain's approval", "add { \"role\": \"release-captain\", \"by\": \"…\" } to \"approvals\"");
        }

        if (input.Baseline is not null)
        {
            foreach (var assembly in input.Assemblies)
            {
                if (ApiCompatibilityCheck.Compare(input.Baseline, assembly).Added is { Count: > 0 } added)
                {
                    yield return Fail(null, $"the fast-patch lane allows no API addition, and {assembly.Name} adds {added.Count} ({string.Join("; ", added.Take(3).Select(e => e.Identity))})",
                        "remove the addition or ship it in the standard lane");
                }
            }
        }
    }

    private static Finding Fail(string? card, string message, string fix) =>
        new(Policies.FastPatchLane.Name, Policies.FastPatchLane.RuleId, FindingLevel.Error, card, message, fix);
}
