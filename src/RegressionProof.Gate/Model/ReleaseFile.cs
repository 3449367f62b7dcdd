using System;
using System.Collections.Generic;

namespace RegressionProof.Gate.Model;

/// <summary>The release being decided, as <c>release.json</c> describes it (docs/gate.md, "The release file").</summary>
internal sealed record ReleaseFile(
    string Path,
    string Version,
    ReleaseClass Class,
    ReleaseLane Lane,
    IReadOnlyList<Approval> Approvals,
    Rollback Rollback,
    IReadOnlyList<Card> Cards,
    IReadOnlyList<string> Retired)
{
    /// <summary>
    /// Where its parts are, for findings about the release itself (approvals, rollback, a card's
    /// owner): the line of <c>version</c>, <c>class</c>, <c>lane</c>, <c>approvals</c>,
    /// <c>rollback</c>, <c>retired</c>, and <c>card:ID</c> for each card's <c>id</c>. Empty for a
    /// release built in code.
    /// </summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();

    /// <summary>Audited exceptions to checks of the gate (docs/gate.md, "Audited exceptions").</summary>
    public IReadOnlyList<ReleaseException> Exceptions { get; init; } = [];

    /// <summary>The SHA-256 of the file's bytes as read (the policy the verification summary names); null for a release built in code.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The documentation pages this release changed (<c>docs</c>), for a minor release's doc updates (RPG018).</summary>
    public IReadOnlyList<string> Docs { get; init; } = [];

    /// <summary>Who checked that customers are ready for a major release, and when (<c>customerReadiness</c>, RPG019); null when not recorded.</summary>
    public CustomerReadiness? CustomerReadiness { get; init; }

    /// <summary>When the release was deployed and how long its traffic cycle is (docs/gate.md, "Close-out"); null until it is recorded.</summary>
    public DeployRecord? Deploy { get; init; }
}

/// <summary>The deploy of a release: when it went out, and the traffic cycle its monitoring must cover.</summary>
internal sealed record DeployRecord(DateTimeOffset At, TimeSpan TrafficCycle)
{
    /// <summary>The traffic cycle when the release file does not give one.</summary>
    public static readonly TimeSpan DefaultTrafficCycle = TimeSpan.FromHours(24);

    /// <summary>When the first full traffic cycle after the deploy is over.</summary>
    public DateTimeOffset CycleEnds => At + TrafficCycle;
}

/// <summary>The customer-readiness check of a major release: who made it and on which day.</summary>
internal sealed record CustomerReadiness(string By, DateOnly On);

public enum ReleaseClass
{
    Patch,
    Minor,
    Major,
}

internal enum ReleaseLane
{
    Standard,
    FastPatch,
}

/// <summary>The priority of an intake card, P0 (highest) to P4.</summary>
public enum CardPriority
{
    P0,
    P1,
    P2,
    P3,
    P4,
}

/// <summary>Why an intake card is in the release.</summary>
public enum CardReason
{
    Regression,
    SlaBreach,
    Security,
    CostAnomaly,
    PerformanceAnomaly,
    Feature,
}

internal sealed record Approval(string Role, string By);

internal sealed record Rollback(string? Plan, bool Tested, bool StagedRollout)
{
    /// <summary>How the release is rolled back, as the policy's pre-deploy step names it; null when the file does not say.</summary>
    public RollbackMechanism? Mechanism { get; init; }
}

/// <summary>How a release is rolled back ("Pre-deploy: confirm rollback (feature flag or hotfix image)").</summary>
public enum RollbackMechanism
{
    FeatureFlag,
    HotfixImage,
}

/// <summary>An intake card of the release.</summary>
internal sealed record Card(
    string Id,
    string? Title,
    CardPriority? Priority,
    CardReason? Reason,
    string? Owner,
    string? Backup,
    IReadOnlyList<string> Evidence)
{
    /// <summary>The intake card's status after the deploy (<c>shipped</c> at close-out); null until it is recorded.</summary>
    public string? Status { get; init; }

    /// <summary>Links to the post-deploy monitoring of the card's regression signals.</summary>
    public IReadOnlyList<string> Monitoring { get; init; } = Array.Empty<string>();
}

/// <summary>
/// An emergency exception to a check: which rule (and, when given, which card) it waives, why,
/// who approved it for governance, the post-incident RCA (a link, or the date it is due) and the
/// day it expires. <see cref="Index"/> is its place in the release file's <c>exceptions</c>.
/// </summary>
internal sealed record ReleaseException(
    int Index,
    string Check,
    string? Card,
    string Reason,
    string? Approver,
    string? Rca,
    DateOnly? RcaDue,
    DateOnly Expires);
