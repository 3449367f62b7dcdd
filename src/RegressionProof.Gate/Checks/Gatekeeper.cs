using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>Runs every check of the policy table and decides the release.</summary>
internal static class Gatekeeper
{
    /// <summary>Every check of the policy table, with the rows it enforces.</summary>
    public static readonly IReadOnlyList<GateCheck> Checks =
    [
        new(EvidenceCheck.Check, Policies.Evidence),
        new(OwnerAndBackupCheck.Check, Policies.OwnerAndBackup),
        new(RegressionProofCheck.Check, Policies.RegressionProof),
        new(FixLinkedToCardCheck.Check, Policies.FixLinkedToCard),
        new(ApprovalsCheck.Check, Policies.Approvals),
        new(RollbackCheck.Check, Policies.Rollback),
        new(ChangelogCheck.Check, Policies.Changelog),
        new(ApiCompatibilityCheck.Check, Policies.PatchZeroApiChange, Policies.MinorAdditive),
        new(MajorMigrationTestsCheck.Check, Policies.MajorMigrationTests),
        new(FastPatchLaneCheck.Check, Policies.FastPatchLane),
        new(KeepProbesCheck.Check, Policies.KeepProbes),
        new(SuspectProofCheck.Check, Policies.SuspectProof),
        new(ReleaseLabelsCheck.Check, Policies.ReleaseLabels),
        new(ScopeCheck.Check, Policies.Scope),
        new(AdditionalCiCheck.Check, Policies.AdditionalCi),
        new(DocUpdatesCheck.Check, Policies.DocUpdates),
        new(CustomerReadinessCheck.Check, Policies.CustomerReadiness),
    ];

    /// <summary>
    /// The rows of the step that applies the release file's exceptions
    /// (<see cref="AuditedExceptionsCheck.Apply"/>). It runs last, over every other check's
    /// findings, so it is not a <see cref="GateCheck"/>; every finding it adds is of these rows.
    /// </summary>
    public static readonly IReadOnlyList<Policy> ExceptionsEnforce = [Policies.AuditedExceptions];

    /// <summary>
    /// Every finding, placed (<see cref="ReleaseFileLocations"/>) and in a fixed order: by rule,
    /// card, message, then location; the checks need not sort. The release file's exceptions are
    /// applied last, to every other check's findings.
    /// </summary>
    public static IReadOnlyList<Finding> Decide(GateInput input) =>
        AuditedExceptionsCheck.Apply(input, Checks.SelectMany(check => check.Check(input)).Select(finding => ReleaseFileLocations.Place(finding, input)).ToList())
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Card ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ToList();
}
