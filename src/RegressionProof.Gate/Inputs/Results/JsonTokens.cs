using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// The tokens of a JSON file read as a stream: <see cref="Utf8JsonReader"/> over a buffer refilled
/// from the file, so a file of up to 1 GB is never held in memory (only the token being read is).
/// Errors name the file, line and column (a column in characters, not bytes).
/// </summary>
internal sealed class JsonTokens : IDisposable
{
    /// <summary>Result files nest a handful of values deep; anything far deeper is not one.</summary>
    public const int MaxDepth = 256;

    // The property names of a test in a CTRF report, the ones read thousands of times.
    private static readonly (byte[] Bytes, string Name)[] KnownNames =
        [.. new[] { "name", "status", "duration", "suite", "parameters", "rawStatus", "retries", "flaky", "start", "stop", "message", "trace", "filePath", "line", "extra", "tags", "type" }
            .Select(name => (Encoding.UTF8.GetBytes(name), name))];

    private readonly Stream _stream;
    private readonly string _path;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _length;
    private long _bufferOffset; // where _buffer[0] is in the file
    private bool _final;
    private bool _byteOrderMark;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = MaxDepth });

    public JsonTokens(Stream stream, string path)
    {
        _stream = stream;
        _path = path;
        SkipByteOrderMark();
    }

    /// <summary>The kind of the token last read.</summary>
    public JsonTokenType Type { get; private set; }

    /// <summary>Where the token last read starts in the file, in bytes.</summary>
    public long Offset { get; private set; }

    /// <summary>The token's text (a string unescaped, a number as written) when it was read with <c>keep</c>; otherwise null.</summary>
    public string? Text { get; private set; }

    /// <summary>Reads the next token; false at the end of the file.</summary>
    /// <param name="keep">Keep the token's text (a value the reader needs); other strings are never decoded.</param>
    public bool Read(bool keep = false)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _length - _start), _final, _state);
            bool read;
            try
            {
                read = reader.Read();
            }
            catch (JsonException exception)
            {
                throw Malformed(exception);
            }

            if (read)
            {
                Type = reader.TokenType;
                Offset = _bufferOffset + _start + reader.TokenStartIndex;
                Text = !keep ? null : reader.TokenType switch
                {
                    JsonTokenType.PropertyName => KnownName(ref reader) ?? reader.GetString(),
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => null,
                };
                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return true;
            }

            if (_final)
            {
                return false;
            }

            _state = reader.CurrentState;
            _start += (int)reader.BytesConsumed;
            Refill();
        }
    }

    // A property name the readers look for, without a new string for each of the thousands of times it occurs.
    private static string? KnownName(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return null;
        }

        foreach (var (bytes, name) in KnownNames)
        {
            if (reader.ValueSpan.SequenceEqual(bytes))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Reads past the value that starts with the token last read (an object or array whole).</summary>
    public void SkipValue()
    {
        if (Type is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = 1;
        while (depth > 0 && Read())
        {
            depth += Type switch
            {
                JsonTokenType.StartObject or JsonTokenType.StartArray => 1,
                JsonTokenType.EndObject or JsonTokenType.EndArray => -1,
                _ => 0,
            };
        }
    }

    /// <summary>An error at the token last read.</summary>
    public InputException Error(string reason) => Error(reason, Offset);

    /// <summary>An error at a byte offset of the file.</summary>
    public InputException Error(string reason, long offset)
    {
        var (line, column) = PositionOf(offset);
        return new InputException(_path, reason, line, column);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _stream.Dispose();
    }

    private void SkipByteOrderMark()
    {
        Refill();
        if (_length >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
            _byteOrderMark = true;
        }
    }

    // Keeps the unread bytes (a token cut at the buffer's end), growing the buffer when one token fills it.
    private void Refill()
    {
        var unread = _length - _start;
        if (unread == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(_start, unread).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        }

        _bufferOffset += _start;
        _start = 0;
        _length = unread;
        var read = _stream.ReadAtLeast(_buffer.AsMemory(_length).Span, _buffer.Length - _length, throwOnEndOfStream: false);
        _length += read;
        _final = _length < _buffer.Length;
    }

    // The reader's own message ends in " LineNumber: n | BytePositionInLine: m."; the position goes in front instead.
    private InputException Malformed(JsonException exception)
    {
        var message = exception.Message;
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = "the test results file is not valid JSON: " + (at < 0 ? message : message[..at]);
        if (exception.LineNumber is not { } line || exception.BytePositionInLine is not { } bytes)
        {
            return new InputException(_path, reason);
        }

        // The reader counts from after the byte order mark; the file's first line holds it.
        return new InputException(_path, reason, line + 1, ColumnOf(line, bytes + (line == 0 && _byteOrderMark ? 3 : 0)));
    }

    // The 1-based line and column (in characters) of a byte offset, counted from the file itself: only on an error.
    private (long Line, long Column) PositionOf(long offset)
    {
        using var file = File.OpenRead(_path);
        var line = 0L;
        var lineStart = 0L;
        var buffer = new byte[64 * 1024];
        for (long position = 0; position < offset;)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - position));
            if (read == 0)
            {
                break;
            }

            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    line++;
                    lineStart = position + i + 1;
                }
            }

            position += read;
        }

        return (line + 1, ColumnOf(line, offset - lineStart));
    }

    // The 1-based column, in characters, of a byte position in a 0-based line of the file (the
    // byte order mark, on the first line, is no character).
    private long ColumnOf(long line, long bytesInLine)
    {
        using var file = new BufferedStream(File.OpenRead(_path));
        var current = 0L;
        int next;
        while (current < line && (next = file.ReadByte()) >= 0)
        {
            current += next == '\n' ? 1 : 0;
        }

        var head = new byte[(int)Math.Min(bytesInLine, 1024 * 1024)];
        var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var skipped = line == 0 && _byteOrderMark ? Math.Min(3, length) : 0;
        return Encoding.UTF8.GetCharCount(head, skipped, length - skipped) + 1 + (bytesInLine - head.Length);
    }
}
