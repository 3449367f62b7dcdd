using System;
using System.Collections.Generic;
using System.Linq;

namespace RegressionProof.Gate.Model;

/// <summary>
/// One row of a test (a test, or one case of a theory, in one test assembly) with every attempt at
/// it, oldest first: several results in one file (a runner's retries), reruns across files, retry
/// folders, shards that ran it again. The last attempt decides the row.
/// </summary>
internal sealed record TestRow(IReadOnlyList<TestOutcome> Attempts)
{
    /// <summary>The attempt that decides the row.</summary>
    public TestOutcome Last => Attempts[^1];

    /// <summary>The row failed, then passed: the proof holds, but a flaky test can hide the regression it guards.</summary>
    public bool PassedAfterRetry => Last.Status == TestStatus.Passed && Attempts.Any(a => a.Status == TestStatus.Failed);

    /// <summary>
    /// The rows of one test's results. Results are the same row when they have the same display
    /// name and test assembly. Attempts are ordered by their run's time, then by the order they
    /// were read (files in the order named, each file in its own order). A run that does not say
    /// when it ran cannot be shown to be older than another, so it counts as newer than every
    /// dated run.
    /// </summary>
    /// <param name="outcomes">The results of one test, in the order read.</param>
    public static IReadOnlyList<TestRow> Of(IEnumerable<TestOutcome> outcomes) =>
        outcomes
            .GroupBy(o => (o.Test, o.DisplayName, Source: o.Source.ToUpperInvariant()))
            .Select(row => new TestRow(row.OrderBy(o => o.RunTime ?? DateTimeOffset.MaxValue).ToList())) // a stable sort: ties stay in read order
            .ToList();
}
