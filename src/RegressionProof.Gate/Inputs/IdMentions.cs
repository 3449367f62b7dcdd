using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Which card IDs a text names as whole IDs: not preceded by a letter, digit, <c>_</c> or
/// <c>-</c>, not followed by a letter, digit or <c>_</c> (so <c>INTAKE-1</c> is not named by
/// <c>INTAKE-12</c> nor by <c>XINTAKE-1</c>, and is named by <c>INTAKE-1-fix</c>).
/// </summary>
internal static class IdMentions
{
    /// <summary>
    /// The IDs of <paramref name="ids"/> that <paramref name="text"/> names. IDs made of letters,
    /// digits, <c>_</c> and <c>-</c> (every ID the default pattern allows) are found in one pass
    /// over the text, whatever their number; others are searched one by one.
    /// </summary>
    public static HashSet<string> Find(string text, IEnumerable<string> ids)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        var tokenIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (id.Length > 0 && id.AsSpan().IndexOfAnyExcept(TokenChars) < 0)
            {
                tokenIds.Add(id);
            }
            else if (Regex.IsMatch(text, "(?<![A-Za-z0-9_-])" + Regex.Escape(id) + "(?![A-Za-z0-9_])"))
            {
                named.Add(id);
            }
        }

        if (tokenIds.Count == 0)
        {
            return named;
        }

        // A token ID starts where a run of token characters starts, and ends at the end of that
        // run or before one of its '-': each run offers one candidate per '-' plus one.
        // Only candidates as long as some ID are hashed, which keeps a long run of '-' cheap.
        var lengths = new HashSet<int>();
        foreach (var id in tokenIds)
        {
            lengths.Add(id.Length);
        }

        var lookup = tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = text.AsSpan();
        var at = 0;
        while (at < span.Length)
        {
            var start = span[at..].IndexOfAny(TokenChars);
            if (start < 0)
            {
                break;
            }

            start += at;
            var length = span[start..].IndexOfAnyExcept(TokenChars);
            var end = length < 0 ? span.Length : start + length;
            for (var i = start + 1; i <= end; i++)
            {
                if ((i == end || span[i] == '-') && lengths.Contains(i - start) && lookup.TryGetValue(span[start..i], out var id))
                {
                    named.Add(id);
                }
            }

            at = end;
        }

        return named;
    }

    private static readonly System.Buffers.SearchValues<char> TokenChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
}
