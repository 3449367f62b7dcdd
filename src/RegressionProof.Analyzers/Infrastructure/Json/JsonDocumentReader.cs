using System;
using System.Collections.Generic;

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

/// <summary>
/// A small strict JSON reader (RFC 8259) that keeps line and column of every value. Analyzers
/// cannot rely on System.Text.Json being loadable in every compiler host, hence this one; its
/// lexing is <see cref="JsonTokenizer"/>'s.
/// </summary>
internal sealed class JsonDocumentReader
{
    private readonly JsonTokenizer _tokens;

    private JsonDocumentReader(string text)
    {
        _tokens = new JsonTokenizer(text);
    }

    public static JsonNode? Parse(string text, out JsonSyntaxError? error)
    {
        var reader = new JsonDocumentReader(text);
        try
        {
            reader._tokens.StartDocument();
            var root = reader.ReadValue(0);
            reader._tokens.EndDocument();
            error = null;
            return root;
        }
        catch (JsonSyntaxException failure)
        {
            error = failure.Error;
            return null;
        }
    }

    private JsonNode ReadValue(int depth)
    {
        var kind = _tokens.PeekValue(depth);
        int line = _tokens.Line, column = _tokens.Column;
        switch (kind)
        {
            case JsonTokenKind.Object:
                return new JsonNode(JsonNodeKind.Object, ReadObject(depth), line, column);
            case JsonTokenKind.Array:
                return new JsonNode(JsonNodeKind.Array, ReadArray(depth), line, column);
            case JsonTokenKind.String:
                return new JsonNode(JsonNodeKind.String, _tokens.ReadString(keep: true), line, column);
            case JsonTokenKind.Number:
                return new JsonNode(JsonNodeKind.Number, _tokens.ReadNumber(), line, column);
            default:
                _tokens.SkipLiteral(kind);
                return kind == JsonTokenKind.Null
                    ? new JsonNode(JsonNodeKind.Null, null, line, column)
                    : new JsonNode(JsonNodeKind.Boolean, kind == JsonTokenKind.True, line, column);
        }
    }

    private List<KeyValuePair<string, JsonNode>> ReadObject(int depth)
    {
        var properties = new List<KeyValuePair<string, JsonNode>>();
        if (!_tokens.OpenContainer('}'))
        {
            return properties;
        }

        // A name given twice is refused: readers disagree on which value wins (jq and Python
        // take the last), so a reviewer could read another release than the gate decides.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        do
        {
            _tokens.PeekPropertyName();
            int nameLine = _tokens.Line, nameColumn = _tokens.Column;
            var name = _tokens.ReadString(keep: true)!;
            if (seen.TryGetValue(name, out var firstLine))
            {
                throw JsonTokenizer.FailAt($"\"{name}\" is given twice in one object (first at line {firstLine}); give it once", nameLine, nameColumn);
            }

            seen.Add(name, nameLine);
            _tokens.ExpectColon();
            properties.Add(new KeyValuePair<string, JsonNode>(name, ReadValue(depth + 1)));
        }
        while (_tokens.NextItem('}'));

        return properties;
    }

    private List<JsonNode> ReadArray(int depth)
    {
        var items = new List<JsonNode>();
        if (!_tokens.OpenContainer(']'))
        {
            return items;
        }

        do
        {
            items.Add(ReadValue(depth + 1));
        }
        while (_tokens.NextItem(']'));

        return items;
    }
}
