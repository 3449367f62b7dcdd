using System;
using System.Collections.Generic;
using System.Text;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// Reads the card IDs out of a coverage manifest (the gate's <c>coverage-manifest.json</c>): the
/// <c>id</c> of every entry of <c>cards</c>, every entry of <c>retired</c>, and the <c>card</c> of
/// every entry of <c>links</c>. Everything else is checked to be JSON and skipped without being
/// kept, because a large repository's manifest runs to tens of megabytes and the analyzers need
/// only the IDs.
/// </summary>
internal sealed class CoverageManifestCardScanner
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private string? _schema;

    private CoverageManifestCardScanner(string text)
    {
        _text = text;
    }

    /// <summary>Where a value sits, as far as collecting IDs is concerned.</summary>
    private enum Place
    {
        Ignored,
        Root,
        Cards,
        Card,
        Retired,
        RetiredEntry,
        Links,
        Link,
        Id,
        Schema,
    }

    /// <summary>The IDs, or null with <paramref name="error"/> saying where the text is not JSON.</summary>
    public static HashSet<string>? Scan(string text, out string? schema, out JsonSyntaxError? error)
    {
        var scanner = new CoverageManifestCardScanner(text);
        schema = null;
        try
        {
            if (!scanner.AtEnd && scanner.Current == '\uFEFF')
            {
                scanner._position++;
                scanner._lineStart = scanner._position;
            }

            scanner.SkipWhitespace();
            if (scanner.AtEnd)
            {
                throw scanner.Fail("the file is empty; expected a JSON object");
            }

            scanner.ReadValue(Place.Root, 0);
            scanner.SkipWhitespace();
            if (!scanner.AtEnd)
            {
                throw scanner.Fail($"unexpected '{scanner.Current}' after the end of the JSON value");
            }

            schema = scanner._schema;
            error = null;
            return scanner._ids;
        }
        catch (ScanFailure failure)
        {
            error = failure.Error;
            return null;
        }
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private int Column => _position - _lineStart + 1;

    private void ReadValue(Place place, int depth)
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

        switch (Current)
        {
            case '{':
                ReadObject(place, depth);
                return;
            case '[':
                ReadArray(place, depth);
                return;
            case '"':
                var keep = place is Place.Id or Place.RetiredEntry or Place.Schema;
                var value = ReadString(keep);
                if (place == Place.Schema)
                {
                    _schema = value;
                }
                else if (keep && value is { Length: > 0 })
                {
                    _ids.Add(value);
                }

                return;
            case 't':
                ReadLiteral("true");
                return;
            case 'f':
                ReadLiteral("false");
                return;
            case 'n':
                ReadLiteral("null");
                return;
            default:
                if (Current == '-' || (Current >= '0' && Current <= '9'))
                {
                    ReadNumber();
                    return;
                }

                throw Fail($"unexpected '{Current}'; expected a value");
        }
    }

    private void ReadObject(Place place, int depth)
    {
        _position++;
        SkipWhitespace();
        if (!AtEnd && Current == '}')
        {
            _position++;
            return;
        }

        while (true)
        {
            SkipWhitespace();
            if (AtEnd || Current != '"')
            {
                throw Fail(AtEnd ? "unexpected end of file; expected a property name" : $"unexpected '{Current}'; expected a property name in double quotes");
            }

            // Names matter only where IDs are collected; elsewhere they are checked and dropped.
            var name = ReadString(keep: place != Place.Ignored);
            SkipWhitespace();
            Expect(':');
            ReadValue(PlaceOf(place, name), depth + 1);
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
            return;
        }
    }

    private static Place PlaceOf(Place objectPlace, string? name) => (objectPlace, name) switch
    {
        (Place.Root, "schema") => Place.Schema,
        (Place.Root, "cards") => Place.Cards,
        (Place.Root, "retired") => Place.Retired,
        (Place.Root, "links") => Place.Links,
        (Place.Card or Place.RetiredEntry, "id") => Place.Id,
        (Place.Link, "card") => Place.Id,
        _ => Place.Ignored,
    };

    private void ReadArray(Place place, int depth)
    {
        var itemPlace = place switch
        {
            Place.Cards => Place.Card,
            Place.Retired => Place.RetiredEntry,
            Place.Links => Place.Link,
            _ => Place.Ignored,
        };

        _position++;
        SkipWhitespace();
        if (!AtEnd && Current == ']')
        {
            _position++;
            return;
        }

        while (true)
        {
            ReadValue(itemPlace, depth + 1);
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
            return;
        }
    }

    /// <summary>Reads a string; returns its value only when <paramref name="keep"/>, so skipped text allocates nothing.</summary>
    private string? ReadString(bool keep)
    {
        _position++;
        var start = _position;
        StringBuilder? builder = null;
        while (true)
        {
            if (AtEnd)
            {
                throw Fail("unexpected end of file inside a string");
            }

            var c = Current;
            if (c == '"')
            {
                var end = _position;
                _position++;
                if (!keep)
                {
                    return null;
                }

                return builder is null ? _text.Substring(start, end - start) : builder.Append(_text, start, end - start).ToString();
            }

            if (c < ' ')
            {
                throw Fail("control characters must be escaped inside a string");
            }

            if (c != '\\')
            {
                _position++;
                continue;
            }

            if (keep)
            {
                builder ??= new StringBuilder();
                builder.Append(_text, start, _position - start);
            }

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

            builder?.Append(decoded);
            _position++;
            start = _position;
        }
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>Checks the RFC 8259 number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private void ReadNumber()
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

        if (!valid || (!AtEnd && (char.IsLetterOrDigit(Current) || Current == '.')))
        {
            while (!AtEnd && "0123456789.eE+-".IndexOf(Current) >= 0)
            {
                _position++;
            }

            var token = _text.Substring(start, _position - start);
            _position = start;
            throw Fail($"'{token}' is not a number");
        }
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

    private ScanFailure Fail(string message) => new(new JsonSyntaxError(message, _line, Column));

    // Used only to unwind the recursive descent; never escapes Scan.
    private sealed class ScanFailure : Exception
    {
        public ScanFailure(JsonSyntaxError error)
        {
            Error = error;
        }

        public JsonSyntaxError Error { get; }
    }
}
