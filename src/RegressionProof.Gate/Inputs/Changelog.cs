using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// A Keep a Changelog file: <c>## [x.y.z]</c> and <c>## [Unreleased]</c> sections and their text.
/// </summary>
internal sealed partial class Changelog
{
    private readonly Dictionary<string, string> _sections;

    private Changelog(string path, Dictionary<string, string> sections)
    {
        Path = path;
        _sections = sections;
    }

    public string Path { get; }

    public static Changelog Read(string path) => Parse(path, TextFile.Read(path, "changelog"));

    public static Changelog Parse(string path, string text)
    {
        var sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        var body = new System.Text.StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            var heading = SectionHeading().Match(line);
            if (heading.Success)
            {
                Flush();
                current = heading.Groups["name"].Value.Trim();
                continue;
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

    /// <summary>The text of the section for <paramref name="version"/> and of the Unreleased section.</summary>
    public string SectionsFor(string version) =>
        (_sections.TryGetValue(version, out var released) ? released : string.Empty)
        + (_sections.TryGetValue("Unreleased", out var unreleased) ? unreleased : string.Empty);

    public bool HasSection(string version) => _sections.ContainsKey(version) || _sections.ContainsKey("Unreleased");

    /// <summary>Whether the release's section has a customer notice (a heading that says so).</summary>
    public bool HasCustomerNotice(string version) => CustomerNotice().IsMatch(SectionsFor(version));

    [GeneratedRegex(@"^##\s+\[(?<name>[^\]]+)\]")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^#{3,6}\s+customer\s+notice", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex CustomerNotice();
}
