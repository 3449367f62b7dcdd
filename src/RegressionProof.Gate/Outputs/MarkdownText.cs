using System;
using System.Text;

namespace RegressionProof.Gate.Outputs;

/// <summary>User text in Markdown: it renders as the text it is, never as markup or HTML.</summary>
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
