using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Checks;

/// <summary>Major: when a migration is new, every card has at least one [MigrationTest].</summary>
internal static class MajorMigrationTestsCheck
{
    public static IEnumerable<Finding> Check(GateInput input)
    {
        if (input.Release.Class != ReleaseClass.Major)
        {
            yield break;
        }

        var migrations = ApiCompatibilityCheck.NewMigrations(input).ToList();
        if (migrations.Count == 0)
        {
            yield break;
        }

        foreach (var card in input.Release.Cards)
        {
            if (!input.ProofsOf(card.Id).Any(p => p.Kind == LinkKinds.MigrationTest))
            {
                yield return new Finding(Policies.MajorMigrationTests.Name, Policies.MajorMigrationTests.RuleId, FindingLevel.Error, card.Id,
                    $"{card.Id} has no [MigrationTest] although the release adds {string.Join(", ", migrations)}",
                    $"add a test with [MigrationTest(\"{card.Id}\")] that proves the migration");
            }
        }
    }
}
