using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>Runs every check of the policy table and decides the release.</summary>
internal static class Gatekeeper
{
    private static readonly Func<GateInput, IEnumerable<Finding>>[] Checks =
    [
        EvidenceCheck.Check,
        OwnerAndBackupCheck.Check,
        RegressionProofCheck.Check,
        FixLinkedToCardCheck.Check,
        ApprovalsCheck.Check,
        RollbackCheck.Check,
        ChangelogCheck.Check,
        ApiCompatibilityCheck.Check,
        MajorMigrationTestsCheck.Check,
        FastPatchLaneCheck.Check,
        KeepProbesCheck.Check,
        SuspectProofCheck.Check,
        ReleaseLabelsCheck.Check,
        ScopeCheck.Check,
        AdditionalCiCheck.Check,
        DocUpdatesCheck.Check,
        CustomerReadinessCheck.Check,
    ];

    /// <summary>
    /// Every finding, placed (<see cref="ReleaseFileLocations"/>) and in a fixed order: by rule,
    /// card, message, then location; the checks need not sort. The release file's exceptions are
    /// applied last, to every other check's findings.
    /// </summary>
    public static IReadOnlyList<Finding> Decide(GateInput input) =>
        AuditedExceptionsCheck.Apply(input, Checks.SelectMany(check => check(input)).Select(finding => ReleaseFileLocations.Place(finding, input)).ToList())
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Card ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ToList();
}
