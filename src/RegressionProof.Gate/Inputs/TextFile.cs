using System;
using System.IO;
using System.Text;

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
    public static ReadOnlyMemory<byte> ReadUtf8(string path, string what, long maxBytes = MaxBytes)
    {
        var bytes = ReadBytes(path, what, maxBytes);
        var preamble = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return bytes.AsMemory(preamble);
    }

    private static byte[] ReadBytes(string path, string what, long maxBytes)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(path, $"is a directory; expected the {what} file");
        }

        if (!File.Exists(path))
        {
            throw new InputException(path, $"the {what} file does not exist");
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                throw new InputException(path, $"the {what} file is {length:N0} bytes; more than {maxBytes:N0} is not a {what} file");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException exception)
        {
            throw new InputException(path, $"the {what} file cannot be read: {exception.Message}");
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new InputException(path, $"the {what} file cannot be read: {exception.Message}");
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
