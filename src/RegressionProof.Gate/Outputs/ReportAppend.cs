using System;
using System.IO;
using System.Text;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// Adds a section to the end of a report that is already there (close-out's record in
/// <c>release-log.md</c>), as <see cref="AtomicOutput"/> replaces reports: under the folder's
/// lock, the earlier report is read, the new one (the earlier bytes unchanged, then the section)
/// is written and flushed beside it, and only then swapped in (<see cref="ReportSwap"/>). A
/// failure or a kill at any point leaves the earlier report or the new one whole, never a part.
/// </summary>
internal static class ReportAppend
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Appends <paramref name="section"/> after a blank line; the report must exist (<see cref="FileNotFoundException"/> otherwise).</summary>
    public static void Append(string directory, string name, string section, TimeSpan? lockTimeout = null, Action<string>? afterStep = null)
    {
        using var held = OutputLock.Acquire(directory, lockTimeout ?? AtomicOutput.DefaultLockTimeout);
        ReportSwap.Recover(directory);
        ReportSwap.RemoveOrphans(directory, [name]);
        var path = Path.Combine(directory, name);
        // Read under the lock: a gate or close-out writing meanwhile is waited for, never overwritten.
        var earlier = File.ReadAllBytes(path);

        var swap = ReportSwap.Plan(directory, [name]);
        try
        {
            using var stream = new FileStream(swap.Temporary(name), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024);
            stream.Write(earlier);
            stream.Write(Utf8NoBom.GetBytes(SeparatorAfter(earlier) + section));
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            swap.Abandon();
            throw;
        }

        swap.Commit(afterStep);
    }

    /// <summary>What goes between a report and a section added after it: a blank line, and nothing after nothing.</summary>
    public static string SeparatorAfter(ReadOnlySpan<byte> earlier) =>
        earlier.Length == 0 ? string.Empty : earlier[^1] == (byte)'\n' ? "\n" : "\n\n";
}
