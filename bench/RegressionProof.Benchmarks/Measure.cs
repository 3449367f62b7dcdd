using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace RegressionProof.Benchmarks;

/// <summary>Times an action several times after a warm-up and keeps the median, the figure least moved by noise.</summary>
internal static class Measure
{
    public static double MedianMilliseconds(Action action, int runs = 7, int warmups = 2)
    {
        for (var i = 0; i < warmups; i++)
        {
            action();
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>Measures two actions interleaved (A, B, A, B, …) so drift in the machine hits both alike.</summary>
    public static (double A, double B) SideBySide(Action a, Action b, int runs = 7)
    {
        a();
        b();
        var timesA = new List<double>();
        var timesB = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            foreach (var (action, times) in new[] { (a, timesA), (b, timesB) })
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var watch = Stopwatch.StartNew();
                action();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        timesA.Sort();
        timesB.Sort();
        return (timesA[runs / 2], timesB[runs / 2]);
    }

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
}
