using System;
using System.IO;
using System.Text;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>Reads an input file as strict UTF-8, with the errors a user can act on.</summary>
internal static class TextFile
{
    /// <summary>Hand-written inputs (release file, changelog) larger than this are refused rather than read into memory.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    /// <summary>Generated inputs (a baseline of 100,000 links is about 60 MB) may be larger.</summary>
    public const long MaxGeneratedBytes = 1024L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(string path, string what, long maxBytes = MaxBytes)
    {
        var bytes = ReadBytes(path, what, maxBytes);
        var text = StrictUtf8.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text; // a byte order mark is not content
    }

    /// <summary>The file's bytes, checked to be UTF-8, without a byte order mark.</summary>
    public static ReadOnlyMemory<byte> ReadUtf8(string path, string what, long maxBytes = MaxBytes) =>
        WithoutByteOrderMark(ReadBytes(path, what, maxBytes));

    /// <summary>
    /// The file's bytes, checked to be UTF-8, without a byte order mark; and the SHA-256 of every
    /// byte read, the mark included: the digest names the file as it is on disk, the very bytes decided on.
    /// </summary>
    public static ReadOnlyMemory<byte> ReadUtf8(string path, string what, out string sha256, long maxBytes = MaxBytes)
    {
        var bytes = ReadBytes(path, what, maxBytes);
        sha256 = Sha256Hex.Of(bytes);
        return WithoutByteOrderMark(bytes);
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsMemory(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0);

    /// <summary>
    /// Opens an input for reading after making sure it is a regular file: a FIFO would block the
    /// gate on opening it, a device would never end.
    /// </summary>
    public static FileStream Open(string path, string what)
    {
        if (FileKind.NotARegularFile(path) is { } kind)
        {
            throw new InputException(path, kind == "a directory" ? $"is a directory; expected the {what} file" : $"is {kind}, not a regular file; expected the {what} file");
        }

        if (!File.Exists(path))
        {
            throw new InputException(path, $"the {what} file does not exist");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"the {what} file cannot be read: {exception.Message}");
        }
    }

    /// <summary>"16 MiB", or a number of bytes below one MiB.</summary>
    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes:N0} bytes";

    private static byte[] ReadBytes(string path, string what, long maxBytes)
    {
        byte[] bytes;
        using (var file = Open(path, what))
        {
            bytes = ReadCapped(file, path, what, maxBytes);
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return bytes;
        }

        try
        {
            StrictUtf8.GetCharCount(bytes);
            return bytes;
        }
        catch (DecoderFallbackException exception)
        {
            var offset = Math.Max(0, exception.Index);
            var (line, column) = Position(bytes, offset);
            throw new InputException(path, $"the {what} file is not UTF-8: byte 0x{bytes[Math.Min(offset, bytes.Length - 1)]:X2} at offset {offset}", line, column);
        }
    }

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> and fails on the byte after: the length a file
    /// reports is not trusted (files under /proc report 0, and a file can grow while it is read).
    /// </summary>
    private static byte[] ReadCapped(FileStream file, string path, string what, long maxBytes)
    {
        try
        {
            var reported = file.Length;
            if (reported > maxBytes)
            {
                throw TooLarge(path, what, maxBytes);
            }

            using var content = new MemoryStream(checked((int)Math.Max(reported, 0)));
            var chunk = new byte[81920];
            int read;
            while ((read = file.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - content.Length))) > 0)
            {
                content.Write(chunk, 0, read);
                if (content.Length > maxBytes)
                {
                    throw TooLarge(path, what, maxBytes);
                }
            }

            return content.Length == content.Capacity ? content.GetBuffer() : content.ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"the {what} file cannot be read: {exception.Message}");
        }
    }

    private static InputException TooLarge(string path, string what, long maxBytes) =>
        new(path, $"the {what} file is larger than {Size(maxBytes)}; that is not a {what} file");

    private static (long Line, long Column) Position(byte[] bytes, int offset)
    {
        long line = 1, column = 1;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }
}
