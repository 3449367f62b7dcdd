using System;
using System.Linq;

namespace RegressionProof.Gate.Model;

/// <summary>
/// A member's hash as the coverage manifest records it (docs/gate.md, "Scope report"): one hash,
/// or, when the copies of an assembly hold different code (target frameworks compiled against
/// different libraries), each distinct hash, sorted, separated by single spaces.
/// </summary>
internal static class MemberHashes
{
    /// <summary>The hashes of both, each once, sorted.</summary>
    public static string Merge(string first, string second) =>
        first == second ? first : string.Join(' ', first.Split(' ').Concat(second.Split(' ')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>
    /// Whether the member is unchanged: a hash of this build is one of the baseline's. A change
    /// changes the code of every copy; a copy of one build that the other did not scan (a target
    /// framework added, a Debug copy beside the Release one) is not a change.
    /// </summary>
    public static bool Unchanged(string before, string now)
    {
        if (before == now)
        {
            return true;
        }

        var earlier = before.Split(' ');
        return now.Split(' ').Any(hash => earlier.Contains(hash, StringComparer.Ordinal));
    }
}
