using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace RegressionProof.Gate.Model;

/// <summary>
/// A Keep a Changelog file: <c>## [x.y.z]</c> and <c>## [Unreleased]</c> sections and their text.
/// </summary>
internal sealed partial class Changelog
{
    private readonly IReadOnlyDictionary<string, string> _sections;

    public Changelog(string path, IReadOnlyDictionary<string, string> sections)
    {
        Path = path;
        _sections = sections;
    }

    public string Path { get; }

    /// <summary>The text of the section for <paramref name="version"/> and of the Unreleased section.</summary>
    public string SectionsFor(string version) =>
        (_sections.TryGetValue(version, out var released) ? released : string.Empty)
        + (_sections.TryGetValue("Unreleased", out var unreleased) ? unreleased : string.Empty);

    public bool HasSection(string version) => _sections.ContainsKey(version) || _sections.ContainsKey("Unreleased");

    /// <summary>Whether the release's section has a customer notice (a heading that says so).</summary>
    public bool HasCustomerNotice(string version) => CustomerNotice().IsMatch(SectionsFor(version));

    [GeneratedRegex(@"^#{3,6}\s+customer\s+notice", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex CustomerNotice();
}
