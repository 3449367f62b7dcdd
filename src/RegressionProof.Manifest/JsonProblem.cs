using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace RegressionProof.Manifest;

/// <summary>
/// Why a JSON file cannot be read as the document a reader expects, in the words of the person who
/// wrote it ("links[2].path is null; expected a string"), with the 1-based line and column (in
/// characters) where the offending value starts. Worked out only once reading has failed, so the
/// reading of a good file costs nothing more.
/// </summary>
public sealed record JsonProblem(string Reason, int? Line, int? Column)
{
    /// <summary>
    /// Explains <paramref name="exception"/>, thrown while reading <paramref name="utf8"/> as a
    /// <paramref name="root"/>: bytes that are not UTF-8, a syntax error, a name given twice in one
    /// object, or a value of the wrong kind, null, or an object without a property it needs.
    /// </summary>
    public static JsonProblem Of(Exception exception, ReadOnlySpan<byte> utf8, Type root, JsonSerializerOptions options)
    {
        if (NotUtf8(utf8) is { } encoding)
        {
            return encoding;
        }

        if (Syntax(utf8, options.MaxDepth == 0 ? 64 : options.MaxDepth) is { } syntax)
        {
            return syntax;
        }

        var json = exception as JsonException;
        if (json?.Path is not { } path || ParsePath(path) is not { } segments)
        {
            return new JsonProblem(FirstSentence(exception.Message), Number(json?.LineNumber), Number(json?.BytePositionInLine));
        }

        var expected = TypeAt(root, segments, options);
        var found = Find(utf8, segments);
        var name = segments.Count == 0 ? "the top level" : Display(segments);
        if (found is null)
        {
            return new JsonProblem($"{name} is missing; expected {Describe(expected)}", Number(json.LineNumber), Number(json.BytePositionInLine));
        }

        var (line, column) = PositionOf(utf8, found.Offset);
        if (expected is not null && Kind(expected) == found.Token && found.Token == JsonTokenType.StartObject)
        {
            var missing = RequiredNames(expected, options).Where(n => !found.Names.Contains(n)).ToList();
            if (missing.Count > 0)
            {
                return new JsonProblem($"{name} lacks {string.Join(", ", missing.Select(m => $"\"{m}\""))}", line, column);
            }
        }

        return new JsonProblem($"{name} is {Describe(found.Token)}; expected {Describe(expected)}", line, column);
    }

    /// <summary>A problem with the value at <paramref name="path"/> (for example <c>$.assemblies[3].name</c>), placed where that value starts.</summary>
    public static JsonProblem At(ReadOnlySpan<byte> utf8, string path, string reason)
    {
        var found = ParsePath(path) is { } segments ? Find(utf8, segments) : null;
        if (found is null)
        {
            return new JsonProblem(reason, null, null);
        }

        var (line, column) = PositionOf(utf8, found.Offset);
        return new JsonProblem(reason, line, column);
    }

    /// <summary>
    /// Where the value at <paramref name="path"/> starts (1-based line and column), its kind and,
    /// for an object, its property names; null when the text has no value there.
    /// </summary>
    public static (int Line, int Column, JsonTokenType Token, IReadOnlySet<string> Names)? Locate(ReadOnlySpan<byte> utf8, string path)
    {
        var found = ParsePath(path) is { } segments ? Find(utf8, segments) : null;
        if (found is null)
        {
            return null;
        }

        var (line, column) = PositionOf(utf8, found.Offset);
        return (line, column, found.Token, found.Names);
    }

    /// <summary>The first byte that is not UTF-8, or null when the text is UTF-8 throughout.</summary>
    public static JsonProblem? NotUtf8(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }

        var offset = 0;
        while (offset < utf8.Length && Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        // C# source can hold "\ud800", which compilers store as the bytes ED A0 80: not text.
        var what = offset + 1 < utf8.Length && utf8[offset] == 0xED && utf8[offset + 1] >= 0xA0
            ? "an unpaired surrogate, which is not text"
            : "not UTF-8";
        var (line, column) = PositionOf(utf8, offset);
        return new JsonProblem($"byte 0x{utf8[offset]:X2} at offset {offset} is {what}", line, column);
    }

    /// <summary>
    /// The first syntax error, name given twice, or string that is not text (an escaped unpaired
    /// surrogate such as <c>"\ud83d"</c>), or null when there is none.
    /// </summary>
    private static JsonProblem? Syntax(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        var names = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        names.Pop();
                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped && !IsText(ref reader):
                    case JsonTokenType.PropertyName when reader.ValueIsEscaped && !IsText(ref reader):
                        var where = PositionOf(utf8, reader.TokenStartIndex);
                        return new JsonProblem($"{(reader.TokenType == JsonTokenType.PropertyName ? "a property name" : "a string")} holds an escaped unpaired surrogate, which is not text", where.Line, where.Column);
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (!names.Peek().Add(name))
                        {
                            var (line, column) = PositionOf(utf8, reader.TokenStartIndex);
                            return new JsonProblem($"\"{name}\" is given twice in one object; give it once", line, column);
                        }

                        break;
                }
            }

            return null;
        }
        catch (JsonException exception)
        {
            return new JsonProblem(FirstSentence(exception.Message), Number(exception.LineNumber), Number(exception.BytePositionInLine));
        }
    }

    private static bool IsText(ref Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private sealed record Spot(long Offset, JsonTokenType Token, HashSet<string> Names);

    /// <summary>Where the value at <paramref name="target"/> starts, its kind, and (for an object) its property names.</summary>
    private static Spot? Find(ReadOnlySpan<byte> utf8, List<object> target)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        var path = new List<object>();
        var indexes = new Stack<int>(); // per open array: the index of its next item; -1 for objects
        string? property = null;
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                    continue;
                }

                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    indexes.Pop();
                    if (path.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    continue;
                }

                // A value starts here: its path is that of its container and its name or index.
                if (indexes.Count > 0)
                {
                    if (indexes.Peek() >= 0)
                    {
                        var index = indexes.Pop();
                        indexes.Push(index + 1);
                        path.Add(index);
                    }
                    else
                    {
                        path.Add(property!);
                    }
                }

                if (path.SequenceEqual(target))
                {
                    var spot = new Spot(reader.TokenStartIndex, token, new HashSet<string>(StringComparer.Ordinal));
                    if (token == JsonTokenType.StartObject)
                    {
                        var depth = reader.CurrentDepth;
                        while (reader.Read() && reader.CurrentDepth > depth)
                        {
                            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
                            {
                                spot.Names.Add(reader.GetString()!);
                            }
                        }
                    }

                    return spot;
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    indexes.Push(token == JsonTokenType.StartArray ? 0 : -1);
                }
                else if (path.Count > 0 && indexes.Count > 0)
                {
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
        catch (JsonException)
        {
            // Not reached for text that parsed; a position is a courtesy, not a must.
        }

        return null;
    }

    /// <summary>
    /// The segments of a path as System.Text.Json reports it (<c>$.links[0].path</c>,
    /// <c>$['odd.name']</c>): property names and array indexes.
    /// </summary>
    private static List<object>? ParsePath(string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }

        var segments = new List<object>();
        var at = 1;
        while (at < path.Length)
        {
            if (path[at] == '.')
            {
                var end = path.IndexOfAny(['.', '['], at + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(at + 1)..end]);
                at = end;
            }
            else if (path.AsSpan(at).StartsWith("['"))
            {
                var end = path.IndexOf("']", at + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                segments.Add(path[(at + 2)..end]);
                at = end + 2;
            }
            else if (path[at] == '[')
            {
                var end = path.IndexOf(']', at);
                if (end < 0 || !int.TryParse(path.AsSpan(at + 1, end - at - 1), out var index))
                {
                    return null;
                }

                segments.Add(index);
                at = end + 1;
            }
            else
            {
                return null;
            }
        }

        return segments;
    }

    private static string Display(List<object> segments)
    {
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment is int index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                text.Append(text.Length == 0 ? string.Empty : ".").Append(segment);
            }
        }

        return text.ToString();
    }

    /// <summary>The .NET type a reader of <paramref name="root"/> expects at the path, or null when it cannot tell.</summary>
    private static Type? TypeAt(Type root, List<object> segments, JsonSerializerOptions options)
    {
        Type? type = root;
        foreach (var segment in segments)
        {
            type = type is null ? null
                : segment is int ? ElementType(type)
                : Properties(type, options).FirstOrDefault(p => p.Name == (string)segment).Type;
        }

        return type;
    }

    private static IEnumerable<(string Name, Type Type, PropertyInfo Property)> Properties(Type type, JsonSerializerOptions options) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name, p.PropertyType, p));

    private static IEnumerable<string> RequiredNames(Type type, JsonSerializerOptions options)
    {
        var constructorParameters = type.GetConstructors()
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()?.GetParameters()
            .Where(p => !p.HasDefaultValue)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        return Properties(type, options)
            .Where(p => p.Property.IsDefined(typeof(RequiredMemberAttribute))
                || (options.RespectRequiredConstructorParameters && constructorParameters.Contains(p.Property.Name)))
            .Select(p => p.Name);
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static JsonTokenType Kind(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? JsonTokenType.String
            : type == typeof(bool) ? JsonTokenType.True
            : type.IsPrimitive || type == typeof(decimal) ? JsonTokenType.Number
            : typeof(IEnumerable).IsAssignableFrom(type) ? JsonTokenType.StartArray
            : JsonTokenType.StartObject;
    }

    private static string Describe(Type? type)
    {
        if (type is null)
        {
            return "another value";
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return Kind(type) switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.True => "true or false",
            JsonTokenType.Number => type == typeof(int) || type == typeof(long) ? "a whole number" : "a number",
            JsonTokenType.StartArray => ElementType(type) is { } item ? "an array of " + Describe(item) switch
            {
                "a string" => "strings",
                "an object" => "objects",
                var other => "values (" + other + ")",
            } : "an array",
            _ => "an object",
        };
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    /// <summary>1-based line and column (in characters, not bytes) of a byte offset.</summary>
    public static (int Line, int Column) PositionOf(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)Math.Min(offset, utf8.Length)];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        var column = 1;
        foreach (var b in before[lineStart..])
        {
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }

    private static int? Number(long? value) => value is { } v ? (int)Math.Min(v + 1, int.MaxValue) : null;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
