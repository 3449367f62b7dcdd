using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// One writer of reports per folder at a time, across threads and processes: an exclusive lock on
/// <c>.regression-proof.lock</c> in the folder. The operating system lets the lock go when its
/// holder ends, even when it is killed, so a dead gate never blocks the next one. The file itself
/// stays: deleting it would let a waiting writer lock the deleted file while a third locks a new
/// one.
/// </summary>
internal static class OutputLock
{
    public const string FileName = ".regression-proof.lock";

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(25);

    /// <summary>Waits up to <paramref name="timeout"/> for the lock; then an <see cref="IOException"/> says who holds it.</summary>
    public static IDisposable Acquire(string directory, TimeSpan timeout)
    {
        var path = Path.Combine(directory, FileName);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException busy) when (busy.GetType() == typeof(IOException))
            {
                if (waited.Elapsed >= timeout)
                {
                    throw new IOException(
                        $"another verify-regression-safety is writing reports to '{directory}': its lock '{path}' was not released within "
                        + $"{Math.Ceiling(timeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)} s ({busy.Message}). Give each concurrent gate its own --out.", busy);
                }

                Thread.Sleep(Pause);
            }
        }
    }
}
