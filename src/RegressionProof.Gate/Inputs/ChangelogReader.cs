using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>Reads a Keep a Changelog file into its <see cref="Changelog"/> sections.</summary>
internal static partial class ChangelogReader
{
    public static Changelog Read(string path) => Parse(path, TextFile.Read(path, "changelog"));

    /// <summary>
    /// Reads the sections as a Markdown reader sees them: a heading inside a code fence is code,
    /// and text inside an HTML comment is not shown, so neither opens a section or names a card.
    /// Lines may end in CR LF, LF or CR alone.
    /// </summary>
    public static Changelog Parse(string path, string text)
    {
        var sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        var body = new System.Text.StringBuilder();
        var inComment = false;
        string? fence = null; // the fence that opened the code block we are in
        foreach (var rawLine in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var line = rawLine;
            if (fence is null)
            {
                (line, inComment) = WithoutComments(line, inComment);
                var opening = Fence().Match(line);
                if (opening.Success)
                {
                    fence = opening.Groups["fence"].Value;
                }
                else if (SectionHeading().Match(line) is { Success: true } heading)
                {
                    Flush();
                    current = heading.Groups["name"].Value.Trim();
                    continue;
                }
            }
            else if (Fence().Match(line) is { Success: true } closing
                && closing.Groups["fence"].Value[0] == fence[0]
                && closing.Groups["fence"].Length >= fence.Length
                && string.IsNullOrWhiteSpace(closing.Groups["info"].Value))
            {
                fence = null;
            }

            if (current is not null)
            {
                body.Append(line).Append('\n');
            }
        }

        Flush();
        return new Changelog(path, sections);

        void Flush()
        {
            if (current is not null)
            {
                sections[current] = sections.TryGetValue(current, out var earlier) ? earlier + body : body.ToString();
            }

            body.Clear();
        }
    }

    /// <summary>The line without what HTML comments hide; whether a comment is still open at its end.</summary>
    private static (string Line, bool InComment) WithoutComments(string line, bool inComment)
    {
        var shown = new System.Text.StringBuilder();
        var at = 0;
        while (at <= line.Length)
        {
            if (inComment)
            {
                var end = line.IndexOf("-->", at, StringComparison.Ordinal);
                if (end < 0)
                {
                    return (shown.ToString(), true);
                }

                at = end + 3;
                inComment = false;
            }
            else
            {
                var start = line.IndexOf("<!--", at, StringComparison.Ordinal);
                if (start < 0)
                {
                    shown.Append(line, at, line.Length - at);
                    return (shown.ToString(), false);
                }

                shown.Append(line, at, start - at);
                at = start + 4;
                inComment = true;
            }
        }

        return (shown.ToString(), inComment);
    }

    [GeneratedRegex(@"^##\s+\[(?<name>[^\]]+)\]")]
    private static partial Regex SectionHeading();

    /// <summary>A code fence (CommonMark): three or more backticks or tildes, indented at most three spaces.</summary>
    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$")]
    private static partial Regex Fence();
}
