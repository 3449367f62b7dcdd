using System;
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

    /// <summary>
    /// Whether the release's section names <paramref name="name"/> as a whole identifier (a type's
    /// name, <c>GiftCard</c> in "Added `GiftCard`", but not in "GiftCards" or "MyGiftCard").
    /// </summary>
    public bool Names(string version, string name)
    {
        var text = SectionsFor(version);
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || !IsIdentifierPart(text[at - 1])) && (end == text.Length || !IsIdentifierPart(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    [GeneratedRegex(@"^#{3,6}\s+customer\s+notice", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex CustomerNotice();
}
