using System.Collections.Generic;

namespace RegressionProof.Gate.Model;

/// <summary>The release being decided, as <c>release.json</c> describes it (docs/schemas/release.v1.schema.json).</summary>
internal sealed record ReleaseFile(
    string Path,
    string Version,
    ReleaseClass Class,
    ReleaseLane Lane,
    IReadOnlyList<Approval> Approvals,
    Rollback Rollback,
    IReadOnlyList<Card> Cards,
    IReadOnlyList<string> Retired);

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

internal sealed record Approval(string Role, string By);

internal sealed record Rollback(string? Plan, bool Tested, bool StagedRollout);

/// <summary>An intake card of the release.</summary>
internal sealed record Card(
    string Id,
    string? Title,
    string? Priority,
    string? Reason,
    string? Owner,
    string? Backup,
    IReadOnlyList<string> Evidence);
