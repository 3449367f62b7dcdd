using System.Globalization;
using System.Text;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>What a JSON value is, told by the token it starts with.</summary>
internal enum JsonTokenKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// The lexer of strict JSON (RFC 8259) under both of the analyzers' readers:
/// <see cref="JsonDocumentReader"/> (a tree of the release file) and
/// <see cref="CoverageManifestCardScanner"/> (the card IDs of a coverage manifest that can run to
/// tens of megabytes). It walks one text, keeps the 1-based line and column, and fails with a
/// <see cref="JsonSyntaxException"/> that says what is wrong in words for a person editing the file.
/// </summary>
/// <remarks>
/// A value's kind is told from its first character (<see cref="PeekValue"/>) and the token is read
/// only when the reader asks for it, so each reader decides what it keeps: a string is decoded only
/// when kept, a number parsed only when its value is wanted. Either way the same text fails at the
/// same point with the same message. The readers keep only their own grammar walk.
/// </remarks>
internal sealed class JsonTokenizer
{
    public const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    public JsonTokenizer(string text)
    {
        _text = text;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            // Columns count from after the byte order mark.
            _position = 1;
            _lineStart = 1;
        }
    }

    /// <summary>The 1-based line of the next character: after a Peek, of the token it looked at.</summary>
    public int Line => _line;

    /// <summary>The 1-based column of the next character: after a Peek, of the token it looked at.</summary>
    public int Column => _position - _lineStart + 1;

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    /// <summary>Skips the white space before the document; a text of nothing else is an error.</summary>
    public void StartDocument()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Fail("the file is empty; expected a JSON object");
        }
    }

    /// <summary>Checks that nothing but white space follows the document's value.</summary>
    public void EndDocument()
    {
        SkipWhitespace();
        if (!AtEnd)
        {
            throw Fail($"unexpected '{Current}' after the end of the JSON value");
        }
    }

    /// <summary>
    /// Moves to the start of a value nested <paramref name="depth"/> levels deep and says what kind
    /// it is; the caller then reads it (<see cref="OpenContainer"/>, <see cref="ReadString"/>,
    /// <see cref="SkipNumber"/> or <see cref="ReadNumber"/>, <see cref="SkipLiteral"/>).
    /// </summary>
    public JsonTokenKind PeekValue(int depth)
    {
        // Checked before anything is read, so a deep text fails where the value was due.
        if (depth > MaxDepth)
        {
            throw Fail($"values are nested more than {MaxDepth} levels deep");
        }

        SkipWhitespace();
        if (AtEnd)
        {
            throw Fail("unexpected end of file; expected a value");
        }

        switch (Current)
        {
            case '{': return JsonTokenKind.Object;
            case '[': return JsonTokenKind.Array;
            case '"': return JsonTokenKind.String;
            case 't': return JsonTokenKind.True;
            case 'f': return JsonTokenKind.False;
            case 'n': return JsonTokenKind.Null;
            case '-':
            case >= '0' and <= '9':
                return JsonTokenKind.Number;
            default:
                throw Fail($"unexpected '{Current}'; expected a value");
        }
    }

    /// <summary>
    /// Reads the <c>{</c> or <c>[</c> of a container that ends with <paramref name="close"/>;
    /// false (the close read too) when the container is empty.
    /// </summary>
    public bool OpenContainer(char close)
    {
        _position++;
        SkipWhitespace();
        if (!AtEnd && Current == close)
        {
            _position++;
            return false;
        }

        return true;
    }

    /// <summary>
    /// After a container's item: true (the <c>,</c> read) when another item follows, false (the
    /// <paramref name="close"/> read) when the container ends.
    /// </summary>
    public bool NextItem(char close)
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Fail($"unexpected end of file; expected ',' or '{close}'");
        }

        if (Current == ',')
        {
            _position++;
            return true;
        }

        if (Current != close)
        {
            throw Fail($"unexpected '{Current}'; expected ',' or '{close}'");
        }

        _position++;
        return false;
    }

    /// <summary>Moves to the start of a property name, which must be a string; read it with <see cref="ReadString"/>.</summary>
    public void PeekPropertyName()
    {
        SkipWhitespace();
        if (AtEnd || Current != '"')
        {
            throw Fail(AtEnd ? "unexpected end of file; expected a property name" : $"unexpected '{Current}'; expected a property name in double quotes");
        }
    }

    /// <summary>Reads the <c>:</c> between a property's name and its value.</summary>
    public void ExpectColon()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Fail("unexpected end of file; expected ':'");
        }

        if (Current != ':')
        {
            throw Fail($"unexpected '{Current}'; expected ':'");
        }

        _position++;
    }

    /// <summary>
    /// Reads the string at the current <c>"</c>, checking every escape; returns its decoded value
    /// only when <paramref name="keep"/>, so a string that is skipped allocates nothing.
    /// </summary>
    public string? ReadString(bool keep)
    {
        var text = _text;
        var position = _position + 1;
        var start = position;
        StringBuilder? builder = null;
        while (true)
        {
            if (position >= text.Length)
            {
                _position = position;
                throw Fail("unexpected end of file inside a string");
            }

            var c = text[position];
            if (c == '"')
            {
                _position = position + 1;
                if (!keep)
                {
                    return null;
                }

                return builder is null ? text.Substring(start, position - start) : builder.Append(text, start, position - start).ToString();
            }

            if (c < ' ')
            {
                _position = position;
                throw Fail("control characters must be escaped inside a string");
            }

            if (c != '\\')
            {
                position++;
                continue;
            }

            if (keep)
            {
                builder ??= new StringBuilder();
                builder.Append(text, start, position - start);
            }

            _position = position;
            var decoded = ReadEscape();
            builder?.Append(decoded);
            position = _position;
            start = position;
        }
    }

    /// <summary>Checks the RFC 8259 number grammar, <c>-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</c>, and moves past the number.</summary>
    public void SkipNumber()
    {
        var start = _position;
        if (Current == '-')
        {
            _position++;
        }

        var valid = SkipDigits(leadingZeroAlone: true);
        if (valid && !AtEnd && Current == '.')
        {
            _position++;
            valid = SkipDigits(leadingZeroAlone: false);
        }

        if (valid && !AtEnd && (Current == 'e' || Current == 'E'))
        {
            _position++;
            if (!AtEnd && (Current == '+' || Current == '-'))
            {
                _position++;
            }

            valid = SkipDigits(leadingZeroAlone: false);
        }

        // The error names the whole run of number characters ("1.5.3", "01"), not its valid start.
        if (!valid || (!AtEnd && IsNumberCharacter(Current)))
        {
            while (!AtEnd && IsNumberCharacter(Current))
            {
                _position++;
            }

            throw NotANumber(start);
        }
    }

    /// <summary>Reads the number at the current position (see <see cref="SkipNumber"/>) and its value.</summary>
    public double ReadNumber()
    {
        var start = _position;
        SkipNumber();

        // Only a number too large for a double is refused here, and only by some runtimes.
        if (!double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw NotANumber(start);
        }

        return value;
    }

    /// <summary>Reads the literal <c>true</c>, <c>false</c> or <c>null</c> that <see cref="PeekValue"/> saw the start of.</summary>
    public void SkipLiteral(JsonTokenKind kind)
    {
        var literal = kind switch
        {
            JsonTokenKind.True => "true",
            JsonTokenKind.False => "false",
            _ => "null",
        };
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Fail($"unexpected '{Current}'; expected a value");
        }

        _position += literal.Length;
    }

    /// <summary>An error at the current position.</summary>
    public JsonSyntaxException Fail(string message) => FailAt(message, _line, Column);

    /// <summary>An error at a position the reader noted earlier.</summary>
    public static JsonSyntaxException FailAt(string message, int line, int column) => new(new JsonSyntaxError(message, line, column));

    private static bool IsNumberCharacter(char c) => c is (>= '0' and <= '9') or '.' or 'e' or 'E' or '+' or '-';

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>Reads the escape at the current <c>\</c>; an error is placed at the backslash.</summary>
    private char ReadEscape()
    {
        var escapeStart = _position;
        _position++;
        if (AtEnd)
        {
            throw Fail("unexpected end of file inside a string");
        }

        char decoded;
        switch (Current)
        {
            case '"': decoded = '"'; break;
            case '\\': decoded = '\\'; break;
            case '/': decoded = '/'; break;
            case 'b': decoded = '\b'; break;
            case 'f': decoded = '\f'; break;
            case 'n': decoded = '\n'; break;
            case 'r': decoded = '\r'; break;
            case 't': decoded = '\t'; break;
            case 'u':
                var code = 0;
                for (var i = 1; i <= 4; i++)
                {
                    var digit = _position + i < _text.Length ? HexValue(_text[_position + i]) : -1;
                    if (digit < 0)
                    {
                        _position = escapeStart;
                        throw Fail("\\u must be followed by four hexadecimal digits");
                    }

                    code = (code * 16) + digit;
                }

                decoded = (char)code;
                _position += 4;
                break;
            default:
                var escape = Current;
                _position = escapeStart;
                throw Fail($"'\\{escape}' is not a JSON escape");
        }

        _position++;
        return decoded;
    }

    private bool SkipDigits(bool leadingZeroAlone)
    {
        var first = _position;
        while (!AtEnd && Current >= '0' && Current <= '9')
        {
            _position++;
        }

        var count = _position - first;
        return count > 0 && !(leadingZeroAlone && count > 1 && _text[first] == '0');
    }

    private JsonSyntaxException NotANumber(int start)
    {
        var token = _text.Substring(start, _position - start);
        _position = start;
        return Fail($"'{token}' is not a number");
    }

    private void SkipWhitespace()
    {
        var text = _text;
        var position = _position;
        while (position < text.Length)
        {
            switch (text[position])
            {
                case '\n':
                    position++;
                    _line++;
                    _lineStart = position;
                    break;
                case ' ':
                case '\t':
                case '\r':
                    position++;
                    break;
                default:
                    _position = position;
                    return;
            }
        }

        _position = position;
    }
}
