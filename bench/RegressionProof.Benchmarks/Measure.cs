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

    /// <summary>
    /// Like <see cref="SideBySide"/> for any number of actions, each with an untimed preparation
    /// (a warm generator driver, say) that returns what is timed; rounds are interleaved, so drift
    /// in the machine hits every action alike. With <paramref name="rotate"/>, each round starts
    /// one action later, so no action is always the one timed first after a pause. Returns the
    /// median of each, in the order given.
    /// </summary>
    public static double[] Interleaved(int runs, bool rotate, params Func<Action>[] prepare)
    {
        foreach (var step in prepare)
        {
            step()();
        }

        var times = prepare.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < runs; i++)
        {
            for (var position = 0; position < prepare.Length; position++)
            {
                var k = rotate ? (position + i) % prepare.Length : position;
                var action = prepare[k]();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var watch = Stopwatch.StartNew();
                action();
                times[k].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return times.Select(list => list.Order().ElementAt(runs / 2)).ToArray();
    }

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
}
