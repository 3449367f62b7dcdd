using System;
using System.Collections.Generic;
using System.Text.Json;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// The first reason a text is no JSON document, found with System.Text.Json's reader and told in
/// the words of a person fixing the file by hand ("unexpected ','; expected a property name in
/// double quotes"), with the byte offset where it is. Run before the release file is deserialized,
/// it also refuses a name given twice in one object and says where the first one was: readers
/// disagree on which value wins (jq and Python take the last), so a reviewer could read another
/// release than the gate decides.
/// </summary>
internal static class ReleaseJsonSyntax
{
    /// <summary>The release file nests three levels; unknown parts may nest deeper, up to this.</summary>
    public const int MaxDepth = 64;

    public static (string Reason, long Offset)? FirstProblem(ReadOnlySpan<byte> utf8)
    {
        if (utf8.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return ("the file is empty; expected a JSON object", utf8.Length);
        }

        // One more level than allowed, so that too deep a text is told in this reader's words.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        var containers = new Stack<Dictionary<string, long>?>(); // per open object its names and where each is; null for an array
        JsonTokenType? last = null;
        long lastEnd = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= MaxDepth:
                        return ($"values are nested more than {MaxDepth} levels deep", reader.TokenStartIndex);
                    case JsonTokenType.StartObject:
                        containers.Push(new Dictionary<string, long>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        containers.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        if (StringOf(ref reader) is not { } name)
                        {
                            return ("a property name holds an escaped unpaired surrogate, which is not text", reader.TokenStartIndex);
                        }

                        if (!containers.Peek()!.TryAdd(name, reader.TokenStartIndex))
                        {
                            var firstLine = RegressionProof.Manifest.JsonProblem.PositionOf(utf8, containers.Peek()![name]).Line;
                            return ($"\"{Text.Printable(name)}\" is given twice in one object (first at line {firstLine}); give it once", reader.TokenStartIndex);
                        }

                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped && StringOf(ref reader) is null:
                        return ("a string holds an escaped unpaired surrogate, which is not text", reader.TokenStartIndex);
                }

                last = reader.TokenType;
                lastEnd = reader.BytesConsumed;
            }

            return null;
        }
        catch (JsonException exception)
        {
            var offset = Offset(utf8, exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0);
            return (Describe(utf8, offset, last, lastEnd, containers.Count == 0 ? null : containers.Peek() is not null), offset);
        }
    }

    /// <summary>What was found at <paramref name="offset"/> and what the text needed there instead.</summary>
    private static string Describe(ReadOnlySpan<byte> utf8, long offset, JsonTokenType? last, long lastEnd, bool? inObject)
    {
        var between = utf8[(int)Math.Min(lastEnd, utf8.Length)..(int)Math.Min(Math.Max(offset, lastEnd), utf8.Length)];
        var sawComma = between.Contains((byte)',');

        // The reader gives a property name only with its ':', so a name without one is still in between.
        var sawName = between.Contains((byte)'"');
        var found = utf8[(int)Math.Min(offset, utf8.Length)..].TrimStart(" \t\r\n"u8);
        if (found.IsEmpty)
        {
            return last is null ? "the file is empty; expected a JSON object" : "unexpected end of file; expected " + Expected(last, between.Contains((byte)':'), sawComma, sawName, inObject);
        }

        System.Text.Rune.DecodeFromUtf8(found, out var rune, out _);
        var unexpected = $"unexpected '{Text.Printable(rune.ToString())}'";
        return inObject is null && last is not null
            ? unexpected + " after the end of the JSON value"
            : unexpected + "; expected " + Expected(last, between.Contains((byte)':'), sawComma, sawName, inObject);
    }

    private static string Expected(JsonTokenType? last, bool sawColon, bool sawComma, bool sawName, bool? inObject) => last switch
    {
        null or JsonTokenType.StartArray => "a value",
        JsonTokenType.StartObject => sawName ? "':'" : "a property name in double quotes",
        JsonTokenType.PropertyName => sawColon ? "a value" : "':'",
        _ when sawComma => inObject == true ? (sawName ? "':'" : "a property name in double quotes") : "a value",
        _ => inObject == true ? "',' or '}'" : "',' or ']'",
    };

    private static string? StringOf(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The byte offset of a 0-based line and byte position, as System.Text.Json reports an error.</summary>
    private static long Offset(ReadOnlySpan<byte> utf8, long line, long bytePositionInLine)
    {
        var start = 0;
        for (var i = 0; i < line; i++)
        {
            var next = utf8[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            start += next + 1;
        }

        return Math.Min(start + bytePositionInLine, utf8.Length);
    }
}
