using System.Collections.Generic;

namespace RegressionProof.Gate.Model;

/// <summary>How a member differs from the baseline's build.</summary>
internal enum ScopeChangeKind
{
    Changed,
    Added,
    Removed,
}

/// <summary>A member of a production assembly whose code differs from the baseline's, by its documentation-comment ID.</summary>
internal sealed record ScopeChange(string Assembly, string Member, ScopeChangeKind Kind);

/// <summary>
/// The scope report (RPG016): every member of the production assemblies changed, added or removed
/// since the baseline that is neither a fix nor a proof of a card of this release.
/// </summary>
/// <param name="Changes">How many members differ from the baseline, linked or not.</param>
/// <param name="Unlinked">Those that are neither a fix nor a proof of a card of this release, sorted by assembly and member.</param>
/// <param name="NotVerified">The assemblies the baseline lists without member hashes (written by an earlier version): their members were not compared.</param>
internal sealed record ScopeReport(int Changes, IReadOnlyList<ScopeChange> Unlinked, IReadOnlyList<string> NotVerified)
{
    /// <summary>Whether nothing was compared: the baseline holds no member hashes at all.</summary>
    public bool NothingVerified { get; init; }
}
