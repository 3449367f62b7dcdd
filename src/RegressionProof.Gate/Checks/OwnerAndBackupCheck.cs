using System;
using System.Collections.Generic;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>Owner + backup: both set, and different people.</summary>
internal static class OwnerAndBackupCheck
{
    public static IEnumerable<Finding> Check(GateInput input)
    {
        foreach (var card in input.Release.Cards)
        {
            string? problem = null;
            if (string.IsNullOrWhiteSpace(card.Owner) && string.IsNullOrWhiteSpace(card.Backup))
            {
                problem = "has no owner and no backup";
            }
            else if (string.IsNullOrWhiteSpace(card.Owner))
            {
                problem = "has no owner";
            }
            else if (string.IsNullOrWhiteSpace(card.Backup))
            {
                problem = "has no backup";
            }
            else if (string.Equals(card.Owner.Trim(), card.Backup.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                problem = $"has the same person, {card.Owner}, as owner and backup";
            }

            if (problem is not null)
            {
                yield return new Finding(Policies.OwnerAndBackup.Name, Policies.OwnerAndBackup.RuleId, FindingLevel.Error, card.Id,
                    $"{card.Id} {problem}",
                    $"set \"owner\" and \"backup\" of {card.Id} to two different people");
            }
        }
    }
}
