using System;
using System.Net;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// User text in HTML: made printable first (<see cref="Text"/>: no control character, bidi
/// override or CI log command, no line break, so no line of the page starts with user text), then
/// HTML-encoded, quotes included, so the same text is safe between tags and in a quoted attribute.
/// Only an http(s) URL becomes a link.
/// </summary>
internal static class HtmlText
{
    public static string Encode(string? value) => WebUtility.HtmlEncode(Text.Printable(value));

    /// <summary>A table cell or heading: encoded, and cut with an ellipsis beyond <paramref name="maxLength"/> characters.</summary>
    public static string Cell(string? value, int maxLength) => WebUtility.HtmlEncode(Text.Cell(value, maxLength));

    /// <summary>An absolute http or https URL that reads the same once made printable (no space, control or log command in it).</summary>
    public static bool IsWebLink(string? value) =>
        value is not null
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && value.IndexOfAny([' ', '"', '\'', '<', '>', '`', '\\']) < 0
        && Text.Printable(value) == value;

    /// <summary><paramref name="text"/> as a link to <paramref name="url"/> when it is an http(s) URL; as text otherwise.</summary>
    public static string Link(string? url, string? text) =>
        IsWebLink(url)
            ? $"<a href=\"{WebUtility.HtmlEncode(url)}\" rel=\"noopener noreferrer\">{Encode(text)}</a>"
            : Encode(text);
}
