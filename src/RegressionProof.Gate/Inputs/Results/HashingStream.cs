using System;
using System.IO;
using System.Security.Cryptography;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// A read-only view of a stream that adds each byte to a hash the first time it is read, so that a
/// file is hashed by the read that parses it rather than by a read of its own. Going back (to read
/// the head of a file again once its format is known) hashes nothing twice; skipping ahead would
/// leave bytes out of the hash, so it is refused.
/// </summary>
/// <remarks>
/// It owns neither the stream nor the hash: closing it (the XML reader and the JSON tokens close
/// their input when done) leaves both open, so that what the reader left unread after the root's
/// end can still be hashed (<see cref="HashRest"/>) before the owner closes the file.
/// </remarks>
internal sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
{
    private long _position; // where the next read starts, in the inner stream
    private long _hashed; // how many bytes, from the start, are in the hash

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        var end = _position + read;
        if (end > _hashed)
        {
            hash.AppendData(buffer[(int)(_hashed - _position)..read]);
            _hashed = end;
        }

        _position = end;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => inner.Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (target < 0 || target > _hashed)
        {
            throw new NotSupportedException($"a hashing stream goes back only within what it has read ({_hashed} bytes), not to {target}");
        }

        _position = inner.Seek(target, SeekOrigin.Begin);
        return _position;
    }

    /// <summary>Reads what is left of the stream into the hash: after it, the hash is of every byte of the stream.</summary>
    public void HashRest()
    {
        var buffer = new byte[64 * 1024];
        while (Read(buffer) > 0)
        {
            // each read hashes what it read
        }
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("a hashing stream is read-only");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("a hashing stream is read-only");
}
