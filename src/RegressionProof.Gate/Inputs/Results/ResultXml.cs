using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// What every XML result format shares: one safe reader configuration (DTDs refused, so no entity
/// is ever expanded or fetched; a bounded size), and errors that name the file, line and column.
/// </summary>
internal static class ResultXml
{
    /// <summary>Result files nest a handful of elements deep; anything far deeper is not one.</summary>
    public const int MaxDepth = 256;

    public static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = TextFile.MaxGeneratedBytes,
        CloseInput = true,
    };

    /// <summary>
    /// Runs <paramref name="read"/> over the file's XML, turning the XML reader's errors into
    /// messages a user can act on.
    /// </summary>
    public static T Read<T>(Stream stream, string path, Func<XmlReader, T> read)
    {
        using var reader = XmlReader.Create(stream, Settings);
        try
        {
            return read(reader);
        }
        catch (XmlException exception) when (exception.LineNumber == 0 && DoctypePosition(path) is var (line, column))
        {
            // The reader refuses a DTD without saying where it is; the file does.
            throw new InputException(path, "the test results file declares a DTD (<!DOCTYPE>); test results never do, and DTDs are not read", line, column);
        }
        catch (XmlException exception)
        {
            // The reader's own message ends in " Line n, position m."; the position goes in front instead.
            throw new InputException(path, "the test results file is not valid XML: " + exception.Message.Split(" Line ")[0],
                exception.LineNumber > 0 ? exception.LineNumber : null, exception.LineNumber > 0 ? exception.LinePosition : null);
        }
    }

    /// <summary>Refuses an element nested deeper than any result format goes.</summary>
    public static void CheckDepth(XmlReader reader, string path, string format)
    {
        if (reader.Depth > MaxDepth)
        {
            throw Error(reader, path, $"nests elements more than {MaxDepth} deep; a {format} file never does");
        }
    }

    /// <summary>An attribute read as a date and time; null when absent, an error naming the position when not a date.</summary>
    public static DateTimeOffset? Time(XmlReader reader, string attribute, string path)
    {
        if (!reader.MoveToAttribute(attribute))
        {
            return null;
        }

        var value = reader.Value;
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            var error = Error(reader, path, $"{attribute} \"{Shorten(value)}\" is not a date and time");
            reader.MoveToElement();
            throw error;
        }

        reader.MoveToElement();
        return time;
    }

    /// <summary>An error at the reader's position (the element, or the attribute it is on).</summary>
    public static InputException Error(XmlReader reader, string path, string reason) =>
        reader is IXmlLineInfo { } info && info.HasLineInfo()
            ? new InputException(path, reason, info.LineNumber, info.LinePosition)
            : new InputException(path, reason);

    /// <summary>A value quoted in a message, cut where it would flood it.</summary>
    public static string Shorten(string value) => value.Length > 64 ? value[..64] + "…" : value;

    // Where "<!DOCTYPE" starts, looked for where a DTD can be: in the first bytes, before the root element.
    private static (long Line, long Column)? DoctypePosition(string path)
    {
        var head = new byte[64 * 1024];
        int length;
        using (var file = File.OpenRead(path))
        {
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var text = Encoding.UTF8.GetString(head, 0, length);
        var at = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var line = 1 + text.AsSpan(0, at).Count('\n');
        var column = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return (line, column);
    }
}
