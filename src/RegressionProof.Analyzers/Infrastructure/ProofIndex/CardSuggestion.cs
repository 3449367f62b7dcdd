using System;
using System.Collections.Generic;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// "Did you mean INTAKE-123?": the one card among the candidates that an ID is a likely typo of,
/// one or two edits away (a changed, added or removed character, or two neighbours swapped).
/// </summary>
internal static class CardSuggestion
{
    /// <summary>Edits at most: a typo, not a different card.</summary>
    public const int MaxDistance = 2;

    /// <summary>Longer IDs are not compared: intake IDs are short, and the comparison is quadratic in the length.</summary>
    private const int MaxLength = 256;

    /// <summary>
    /// The only candidate within <see cref="MaxDistance"/> of <paramref name="id"/>, or null when
    /// none is, or several are: a guess between two cards would mislead more than it helps.
    /// </summary>
    public static string? Find(string id, IEnumerable<string> candidates)
    {
        string? found = null;
        if (id.Length > MaxLength)
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            // A card with a control character (RP0002 reports it where it is written) is never offered as a replacement.
            if (candidate == id || candidate.Length > MaxLength || MessageText.IndexOfUnsafe(candidate) >= 0 || Math.Abs(candidate.Length - id.Length) > MaxDistance || Distance(id, candidate) > MaxDistance)
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = candidate;
        }

        return found;
    }

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions, ordinal.</summary>
    public static int Distance(string a, string b)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, previous2[j - 2] + 1);
                }

                current[j] = best;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
