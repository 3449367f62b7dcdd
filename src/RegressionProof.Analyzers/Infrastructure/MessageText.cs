using System.Globalization;
using System.Text;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// Makes user text (intake IDs, patterns, paths) safe to put in a diagnostic message: a build log
/// is read by terminals and CI runners, so control characters, line breaks, bidirectional
/// overrides and unpaired surrogates are shown as escapes, and very long text is cut. Every rule
/// that quotes user text goes through here.
/// </summary>
internal static class MessageText
{
    /// <summary>How many characters of a quoted value (an intake ID) a message shows at most.</summary>
    public const int MaxLength = 120;

    /// <summary>
    /// <paramref name="value"/> as a C# string literal, the way it is written in source:
    /// <c>"INTAKE-7\n"</c>; <c>null</c> for null.
    /// </summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder(System.Math.Min(value.Length, MaxLength) + 32).Append('"');
        Append(text, value, literal: true, MaxLength);
        return text.Append('"').ToString();
    }

    /// <summary>
    /// <paramref name="value"/> with only the unsafe characters escaped (<c>\u001b</c>), for text
    /// shown without quotes (paths, patterns), which is never cut.
    /// </summary>
    public static string Escape(string value) => Escape(value, int.MaxValue);

    /// <summary>An intake ID shown without quotes (<c>INTAKE-7</c>): escaped like <see cref="Escape(string)"/> and cut like <see cref="Quote"/>.</summary>
    public static string Card(string id) => Escape(id, MaxLength);

    private static string Escape(string value, int maxLength)
    {
        if (value.Length <= maxLength && !NeedsEscaping(value))
        {
            return value;
        }

        var text = new StringBuilder(System.Math.Min(value.Length, maxLength) + 32);
        Append(text, value, literal: false, maxLength);
        return text.ToString();
    }

    /// <summary>
    /// Whether <paramref name="c"/> must never reach a log or a card ID raw: C0 and C1 controls,
    /// line and paragraph separators, and the bidirectional formatting characters that can make
    /// text read differently from what it is.
    /// </summary>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');

    /// <summary>The first unsafe character of <paramref name="value"/> (see <see cref="IsUnsafe"/>), or -1.</summary>
    public static int IndexOfUnsafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsUnsafe(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>How a character is named in a message: <c>U+000A</c>.</summary>
    public static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    private static bool NeedsEscaping(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsUnsafe(value[i]) || IsUnpairedSurrogate(value, i))
            {
                return true;
            }
        }

        return false;
    }

    private static void Append(StringBuilder text, string value, bool literal, int maxLength)
    {
        var length = value.Length > maxLength ? maxLength : value.Length;
        if (length < value.Length && char.IsHighSurrogate(value[length - 1]))
        {
            length--; // never cut a pair in two
        }

        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            if (literal && (c is '"' or '\\'))
            {
                text.Append('\\').Append(c);
            }
            else if (literal && ShortEscape(c) is { } escape)
            {
                text.Append('\\').Append(escape);
            }
            else if (IsUnsafe(c) || IsUnpairedSurrogate(value, i))
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        if (length < value.Length)
        {
            text.Append("… (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        }
    }

    private static char? ShortEscape(char c) => c switch
    {
        '\0' => '0',
        '\a' => 'a',
        '\b' => 'b',
        '\f' => 'f',
        '\n' => 'n',
        '\r' => 'r',
        '\t' => 't',
        '\v' => 'v',
        _ => null,
    };

    private static bool IsUnpairedSurrogate(string value, int i)
    {
        var c = value[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
    }
}
