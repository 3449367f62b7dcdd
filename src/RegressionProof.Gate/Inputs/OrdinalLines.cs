using System;
using System.Collections.Generic;

namespace RegressionProof.Gate.Inputs;

/// <summary>Lists of lines kept in ordinal order, each line once, as the coverage manifest writes them.</summary>
internal static class OrdinalLines
{
    /// <summary>Sorts <paramref name="lines"/> in place and drops repeated lines; what a <c>SortedSet</c> would hold, without its nodes.</summary>
    public static List<string> SortDistinct(List<string> lines)
    {
        lines.Sort(StringComparer.Ordinal);
        var kept = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (kept == 0 || !string.Equals(lines[i], lines[kept - 1], StringComparison.Ordinal))
            {
                lines[kept++] = lines[i];
            }
        }

        lines.RemoveRange(kept, lines.Count - kept);
        return lines;
    }
}
