using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>A parsed JSON value with the 1-based line and column where it starts.</summary>
internal sealed class JsonNode
{
    public JsonNode(JsonNodeKind kind, object? value, int line, int column)
    {
        Kind = kind;
        Value = value;
        Line = line;
        Column = column;
    }

    public JsonNodeKind Kind { get; }

    /// <summary>string, double, bool, null, <see cref="List{T}"/> of nodes, or a list of (name, node) pairs.</summary>
    public object? Value { get; }

    public int Line { get; }

    public int Column { get; }

    public string? AsString => Value as string;

    public IReadOnlyList<JsonNode> Items => Value as List<JsonNode> ?? (IReadOnlyList<JsonNode>)Array.Empty<JsonNode>();

    public JsonNode? this[string name]
    {
        get
        {
            if (Value is List<KeyValuePair<string, JsonNode>> properties)
            {
                foreach (var property in properties)
                {
                    if (property.Key == name)
                    {
                        return property.Value;
                    }
                }
            }

            return null;
        }
    }
}

internal enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>Why a JSON text could not be read, and where.</summary>
internal sealed class JsonSyntaxError
{
    public JsonSyntaxError(string message, int line, int column)
    {
        Message = message;
        Line = line;
        Column = column;
    }

    public string Message { get; }

    public int Line { get; }

    public int Column { get; }
}

/// <summary>
/// A small strict JSON reader (RFC 8259) that keeps line and column of every value. Analyzers
/// cannot rely on System.Text.Json being loadable in every compiler host, hence this one.
/// </summary>
internal sealed class JsonDocumentReader
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private JsonDocumentReader(string text)
    {
        _text = text;
    }

    public static JsonNode? Parse(string text, out JsonSyntaxError? error)
    {
        var reader = new JsonDocumentReader(text);
        try
        {
            reader.SkipBom();
            reader.SkipWhitespace();
            if (reader.AtEnd)
            {
                throw reader.Fail("the file is empty; expected a JSON object");
            }

            var root = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (!reader.AtEnd)
            {
                throw reader.Fail($"unexpected '{reader.Current}' after the end of the JSON value");
            }

            error = null;
            return root;
        }
        catch (JsonFailure failure)
        {
            error = failure.Error;
            return null;
        }
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private int Column => _position - _lineStart + 1;

    private void SkipBom()
    {
        if (!AtEnd && Current == '\uFEFF')
        {
            _position++;
            _lineStart = _position;
        }
    }

    private JsonNode ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Fail($"values are nested more than {MaxDepth} levels deep");
        }

        SkipWhitespace();
        if (AtEnd)
        {
            throw Fail("unexpected end of file; expected a value");
        }

        int line = _line, column = Column;
        switch (Current)
        {
            case '{':
                return new JsonNode(JsonNodeKind.Object, ReadObject(depth), line, column);
            case '[':
                return new JsonNode(JsonNodeKind.Array, ReadArray(depth), line, column);
            case '"':
                return new JsonNode(JsonNodeKind.String, ReadString(), line, column);
            case 't':
                ReadLiteral("true");
                return new JsonNode(JsonNodeKind.Boolean, true, line, column);
            case 'f':
                ReadLiteral("false");
                return new JsonNode(JsonNodeKind.Boolean, false, line, column);
            case 'n':
                ReadLiteral("null");
                return new JsonNode(JsonNodeKind.Null, null, line, column);
            default:
                if (Current == '-' || (Current >= '0' && Current <= '9'))
                {
                    return new JsonNode(JsonNodeKind.Number, ReadNumber(), line, column);
                }

                throw Fail($"unexpected '{Current}'; expected a value");
        }
    }

    private List<KeyValuePair<string, JsonNode>> ReadObject(int depth)
    {
        var properties = new List<KeyValuePair<string, JsonNode>>();
        _position++;
        SkipWhitespace();
        if (!AtEnd && Current == '}')
        {
            _position++;
            return properties;
        }

        // A name given twice is refused: readers disagree on which value wins (jq and Python
        // take the last), so a reviewer could read another release than the gate decides.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (true)
        {
            SkipWhitespace();
            if (AtEnd || Current != '"')
            {
                throw Fail(AtEnd ? "unexpected end of file; expected a property name" : $"unexpected '{Current}'; expected a property name in double quotes");
            }

            int nameLine = _line, nameColumn = Column;
            var name = ReadString();
            if (seen.TryGetValue(name, out var firstLine))
            {
                throw new JsonFailure(new JsonSyntaxError($"\"{name}\" is given twice in one object (first at line {firstLine}); give it once", nameLine, nameColumn));
            }

            seen.Add(name, nameLine);
            SkipWhitespace();
            Expect(':');
            properties.Add(new KeyValuePair<string, JsonNode>(name, ReadValue(depth + 1)));
            SkipWhitespace();
            if (AtEnd)
            {
                throw Fail("unexpected end of file; expected ',' or '}'");
            }

            if (Current == ',')
            {
                _position++;
                continue;
            }

            if (Current != '}')
            {
                throw Fail($"unexpected '{Current}'; expected ',' or '}}'");
            }

            _position++;
            return properties;
        }
    }

    private List<JsonNode> ReadArray(int depth)
    {
        var items = new List<JsonNode>();
        _position++;
        SkipWhitespace();
        if (!AtEnd && Current == ']')
        {
            _position++;
            return items;
        }

        while (true)
        {
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            if (AtEnd)
            {
                throw Fail("unexpected end of file; expected ',' or ']'");
            }

            if (Current == ',')
            {
                _position++;
                continue;
            }

            if (Current != ']')
            {
                throw Fail($"unexpected '{Current}'; expected ',' or ']'");
            }

            _position++;
            return items;
        }
    }

    private string ReadString()
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Fail("unexpected end of file inside a string");
            }

            var c = Current;
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Fail("control characters must be escaped inside a string");
            }

            if (c != '\\')
            {
                builder.Append(c);
                _position++;
                continue;
            }

            var escapeStart = _position;
            _position++;
            if (AtEnd)
            {
                throw Fail("unexpected end of file inside a string");
            }

            switch (Current)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 >= _text.Length
                        || !int.TryParse(_text.Substring(_position + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        _position = escapeStart;
                        throw Fail("\\u must be followed by four hexadecimal digits");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    var escape = Current;
                    _position = escapeStart;
                    throw Fail($"'\\{escape}' is not a JSON escape");
            }

            _position++;
        }
    }

    private double ReadNumber()
    {
        var start = _position;
        if (Current == '-')
        {
            _position++;
        }

        while (!AtEnd && "0123456789.eE+-".IndexOf(Current) >= 0)
        {
            _position++;
        }

        var token = _text.Substring(start, _position - start);
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            _position = start;
            throw Fail($"'{token}' is not a number");
        }

        return value;
    }

    private void ReadLiteral(string literal)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Fail($"unexpected '{Current}'; expected a value");
        }

        _position += literal.Length;
    }

    private void Expect(char expected)
    {
        if (AtEnd)
        {
            throw Fail($"unexpected end of file; expected '{expected}'");
        }

        if (Current != expected)
        {
            throw Fail($"unexpected '{Current}'; expected '{expected}'");
        }

        _position++;
    }

    private void SkipWhitespace()
    {
        while (!AtEnd)
        {
            switch (Current)
            {
                case '\n':
                    _position++;
                    _line++;
                    _lineStart = _position;
                    break;
                case ' ':
                case '\t':
                case '\r':
                    _position++;
                    break;
                default:
                    return;
            }
        }
    }

    private JsonFailure Fail(string message) => new(new JsonSyntaxError(message, _line, Column));

    // Used only to unwind the recursive descent; never escapes Parse.
    private sealed class JsonFailure : Exception
    {
        public JsonFailure(JsonSyntaxError error)
        {
            Error = error;
        }

        public JsonSyntaxError Error { get; }
    }
}
