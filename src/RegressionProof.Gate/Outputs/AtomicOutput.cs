using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// Writes the reports as a set: a release captain never finds a new report beside an old one in
/// one folder. Under an exclusive lock on the folder (<see cref="OutputLock"/>), whatever an
/// earlier writer left half done is finished or undone first, every target is checked before
/// anything is replaced, every new report is written and flushed to disk beside its target, and
/// only then is the set swapped in (<see cref="ReportSwap"/>). A failure before the swap leaves
/// the earlier reports as they were; one during it restores them.
/// </summary>
internal static class AtomicOutput
{
    /// <summary>How long a gate waits for another one writing to the same folder.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAll(string directory, IReadOnlyList<(string Name, string Content)> files)
    {
        var encoded = new List<(string, byte[])>(files.Count);
        foreach (var (name, content) in files)
        {
            encoded.Add((name, Utf8NoBom.GetBytes(content)));
        }

        WriteAll(directory, encoded);
    }

    public static void WriteAll(string directory, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        var writers = new List<(string, Action<Stream>)>(files.Count);
        foreach (var (name, content) in files)
        {
            writers.Add((name, stream => stream.Write(content)));
        }

        WriteAll(directory, writers);
    }

    /// <summary>
    /// Each file is written by its <c>Write</c> straight to a temporary file, never held whole in
    /// memory. <paramref name="afterStep"/> lets a test stop the swap part-way, as a kill would.
    /// </summary>
    public static void WriteAll(string directory, IReadOnlyList<(string Name, Action<Stream> Write)> files, TimeSpan? lockTimeout = null, Action<string>? afterStep = null)
    {
        Directory.CreateDirectory(directory);
        using var held = OutputLock.Acquire(directory, lockTimeout ?? DefaultLockTimeout);
        var names = files.Select(f => f.Name).ToList();
        ReportSwap.Recover(directory);
        ReportSwap.RemoveOrphans(directory, names);
        EnsureReplaceable(directory, names);

        var swap = ReportSwap.Plan(directory, names);
        try
        {
            foreach (var (name, write) in files)
            {
                using var stream = new FileStream(swap.Temporary(name), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024);
                write(stream);
                stream.Flush(flushToDisk: true);
            }
        }
        catch
        {
            swap.Abandon();
            throw;
        }

        swap.Commit(afterStep);
    }

    /// <summary>A directory where a report goes would fail the swap half-way: refuse before replacing anything.</summary>
    private static void EnsureReplaceable(string directory, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var target = Path.Combine(directory, name);
            if (Directory.Exists(target))
            {
                throw new IOException($"cannot write the report '{target}': a directory is in the way; no report was replaced");
            }
        }
    }
}
