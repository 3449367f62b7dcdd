using System.Collections.Generic;

namespace RegressionProof.Gate.Checks;

/// <summary>A row of the policy table (docs/gate.md, "Checks"): what the gate enforces and why.</summary>
internal sealed record Policy(string RuleId, string Name, string Reason);

internal static class Policies
{
    public static readonly Policy Evidence = new("RPG001", "evidence of issue", "Every card carries evidence of the issue: at least one http(s) link.");
    public static readonly Policy OwnerAndBackup = new("RPG002", "owner + backup", "Every card has an owner and a backup, and they are different people.");
    public static readonly Policy RegressionProof = new("RPG003", "regression proof", "Every fix carries at least one regression proof, and test proofs ran and passed.");
    public static readonly Policy FixLinkedToCard = new("RPG004", "fix linked to a card", "Every [Fixes] names a card of this release or one the baseline already covers.");
    public static readonly Policy Approvals = new("RPG005", "approvals", "Patch: release captain + DRI; minor: release captain + domain lead; major: release captain + domain lead + product owner.");
    public static readonly Policy Rollback = new("RPG006", "rollback", "Patch: plan documented and tested; minor: documented; major: documented with a staged rollout; every class names its mechanism (feature flag or hotfix image).");
    public static readonly Policy Changelog = new("RPG007", "changelog", "Every card is in the changelog section of this version (or Unreleased); a major release has a customer notice.");
    public static readonly Policy PatchZeroApiChange = new("RPG008", "patch = zero API/schema change", "A patch changes no public API and adds no schema migration.");
    public static readonly Policy MinorAdditive = new("RPG009", "minor = additive", "A minor release removes and changes no public API.");
    public static readonly Policy MajorMigrationTests = new("RPG010", "major migration tests", "A major release with a new migration has a [MigrationTest] for every card.");
    public static readonly Policy FastPatchLane = new("RPG011", "fast-patch lane", "The fast-patch lane is for P0/P1 regressions, SLA breaches, security fixes and cost/performance anomalies, with rollback tested and release captain approval.");
    public static readonly Policy KeepProbes = new("RPG012", "keep probes in place", "Proofs of earlier cards stay in place unless the card is retired.");
    public static readonly Policy SuspectProof = new("RPG013", "suspect proof", "When a fix's code changes, its proof is expected to change with it.");
    public static readonly Policy AuditedExceptions = new("RPG014", "audited exceptions", "An exception waives a check only with governance approval and until it expires, visibly; its post-incident RCA is not overdue.");
    public static readonly Policy ReleaseLabels = new("RPG015", "release labels", "In a pull-request run on GitHub Actions, the pull request is labeled with the release class.");
    public static readonly Policy Scope = new("RPG016", "no scope creep", "Patch: \"no scope creep allowed\"; fast-patch lane: \"no additional scope allowed\". Every member changed since the baseline is a fix or a proof of a card of this release.");
    public static readonly Policy AdditionalCi = new("RPG017", "additional CI", "\"Additional CI\": patch \"Lint/unit affected scope\", minor \"Full affected packages\", major \"Full suite + migrations\": the test projects the class requires have results, and every [MigrationTest] of a major release ran.");
    public static readonly Policy DocUpdates = new("RPG018", "minor doc updates", "Minor \"Requires broader regression coverage and doc updates\": each added public type is named in the changelog section, or the release file records its docs change.");
    public static readonly Policy CustomerReadiness = new("RPG019", "major customer readiness", "Major \"Requires formal rollout plan and customer readiness checks\": the release file records who checked customer readiness, and when.");

    public static readonly Policy CloseOut = new("RPG020", "close-out", "After the deploy (verify-regression-safety close-out), every card is shipped, has monitoring evidence covering at least one full traffic cycle, and keeps its probes in place in the deployed build.");

    public static readonly IReadOnlyList<Policy> All =
    [
        Evidence, OwnerAndBackup, RegressionProof, FixLinkedToCard, Approvals, Rollback, Changelog,
        PatchZeroApiChange, MinorAdditive, MajorMigrationTests, FastPatchLane, KeepProbes, SuspectProof,
        AuditedExceptions, ReleaseLabels, Scope, AdditionalCi, DocUpdates, CustomerReadiness, CloseOut,
    ];
}
