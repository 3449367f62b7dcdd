using System;
using System.Text;

namespace RegressionProof.Gate.Model;

/// <summary>
/// The one neutraliser for user text in every human-readable output (the text summary, error
/// messages, Markdown, annotations). User text is shown, never obeyed:
/// <list type="bullet">
/// <item>control characters (C0, DEL, C1 such as U+009B CSI), bidirectional overrides, isolates and
/// marks, line and paragraph separators and unpaired surrogates are shown as <c>\uXXXX</c>: a
/// terminal cannot be steered, text cannot be reordered on screen, and a reader sees what was there;</item>
/// <item>the CI log commands that runners match anywhere in a line, <c>##[</c> and <c>##vso[</c>
/// (Azure Pipelines, and GitHub's older form), have their first <c>#</c> shown as <c>\u0023</c>.</item>
/// </list>
/// A workflow command that only counts at the start of a line (GitHub's <c>::</c>) is kept from
/// power by the writers: no output line starts with user text.
/// </summary>
internal static class Text
{
    /// <summary>User text on one line: line breaks and tabs become spaces, the rest as the class says.</summary>
    public static string Printable(string? value) => Neutralise(value, keepLineBreaks: false);

    /// <summary>
    /// Like <see cref="Printable"/>, but CR and LF are kept for a caller that encodes them itself
    /// (the GitHub annotation writer).
    /// </summary>
    public static string Neutralise(string? value, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (!NeedsWork(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\n' or '\r' or '\t')
            {
                builder.Append(keepLineBreaks && c != '\t' ? c : ' ');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (IsInvisibleOrSteering(c) || char.IsSurrogate(c) || StartsLogCommand(value, i))
            {
                AppendEscaped(builder, c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A table cell: the value made printable and, beyond <paramref name="maxLength"/> characters,
    /// cut with an ellipsis, so one enormous value cannot widen every row of a table.
    /// </summary>
    public static string Cell(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Cut before neutralising so a 4 MB value costs no more than a short one; neutralising can
        // only lengthen the text, so the result is cut again.
        var cut = value.Length > maxLength;
        var printable = Printable(cut ? value[..(char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength)] : value);
        if (!cut && printable.Length <= maxLength)
        {
            return printable;
        }

        var keep = maxLength - 1;
        if (char.IsHighSurrogate(printable[keep - 1]))
        {
            keep--;
        }

        return string.Concat(printable.AsSpan(0, keep), "…");
    }

    private static bool NeedsWork(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (c < ' ' || (c >= '\u007f' && (IsInvisibleOrSteering(c) || char.IsSurrogate(c))) || StartsLogCommand(value, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInvisibleOrSteering(char c) => c switch
    {
        < ' ' or '\u007f' => true,
        >= '\u0080' and <= '\u009f' => true, // C1 controls: U+009B is a CSI escape for many terminals
        '\u061c' or '\u200e' or '\u200f' => true, // Arabic letter mark, left-to-right and right-to-left marks
        >= '\u202a' and <= '\u202e' => true, // embeddings and overrides
        >= '\u2066' and <= '\u2069' => true, // isolates
        '\u2028' or '\u2029' => true, // line and paragraph separators
        _ => false,
    };

    /// <summary>Whether the <c>#</c> at <paramref name="index"/> starts <c>##[</c> or <c>##vso[</c> (any case).</summary>
    private static bool StartsLogCommand(string value, int index)
    {
        if (value[index] != '#' || index + 2 >= value.Length || value[index + 1] != '#')
        {
            return false;
        }

        var rest = value.AsSpan(index + 2);
        return rest[0] == '[' || rest.StartsWith("vso[", StringComparison.OrdinalIgnoreCase);
    }

    private static void AppendEscaped(StringBuilder builder, char c) =>
        builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
}
