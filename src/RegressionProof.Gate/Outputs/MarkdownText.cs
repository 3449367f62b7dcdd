using System;
using System.Text;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// User text in Markdown: it renders as the text it is, never as markup or HTML. It is made
/// printable first (<see cref="Text"/>: no line break, so it can neither start a heading, a list
/// or a command line nor end a table row), then every character Markdown or HTML would act on is
/// escaped.
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string? value)
    {
        var builder = new StringBuilder();
        foreach (var c in Text.Printable(value))
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '|': builder.Append("\\|"); break;
                case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '~': case '!':
                    builder.Append('\\').Append(c);
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A table cell: escaped, and cut with an ellipsis beyond <paramref name="maxLength"/> characters.</summary>
    public static string Cell(string? value, int maxLength) => Escape(Text.Cell(value, maxLength));

    /// <summary>An http(s) link as an autolink; anything else as escaped text.</summary>
    public static string Link(string value)
    {
        var safe = Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && value.IndexOfAny([' ', '<', '>', '"', '`', '|', '\\']) < 0
            && Text.Printable(value) == value;
        return safe ? "<" + value + ">" : Escape(value);
    }
}
