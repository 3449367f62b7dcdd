using System;
using System.IO;
using System.Text;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// The close-out records at the end of a release log, which a new gate run of the same release
/// carries over: the gate rewrites its own part of the log, never the record of a deploy.
/// </summary>
/// <remarks>
/// Close-out only ever appends, so its records are everything from the first line that starts
/// with <see cref="CloseOutWriter.Heading"/> to the end. No other line can start so: user text in
/// the log has no line breaks and its <c>#</c> is escaped (<see cref="MarkdownText"/>).
/// </remarks>
internal static class CloseOutRecords
{
    private static readonly byte[] RecordStart = Encoding.UTF8.GetBytes("\n" + CloseOutWriter.Heading);

    /// <summary>
    /// The new log with the earlier log's close-out records after it, byte for byte, when the
    /// earlier log at <paramref name="earlierPath"/> is of the same release (its first line is the
    /// new log's); else the new log alone. Read under the reports' lock, so no close-out is
    /// appending meanwhile.
    /// </summary>
    public static byte[] CarriedOver(string earlierPath, byte[] newLog)
    {
        if (!File.Exists(earlierPath))
        {
            return newLog;
        }

        var earlier = File.ReadAllBytes(earlierPath);
        var start = earlier.AsSpan().IndexOf(RecordStart);
        if (start < 0 || !FirstLine(earlier).SequenceEqual(FirstLine(newLog)))
        {
            return newLog;
        }

        var records = earlier.AsSpan(start + 1);
        var separator = Encoding.UTF8.GetBytes(ReportAppend.SeparatorAfter(newLog));
        var carried = new byte[newLog.Length + separator.Length + records.Length];
        newLog.CopyTo(carried, 0);
        separator.CopyTo(carried, newLog.Length);
        records.CopyTo(carried.AsSpan(newLog.Length + separator.Length));
        return carried;
    }

    private static ReadOnlySpan<byte> FirstLine(byte[] text)
    {
        var end = text.AsSpan().IndexOf((byte)'\n');
        return end < 0 ? text : text.AsSpan(0, end);
    }
}
