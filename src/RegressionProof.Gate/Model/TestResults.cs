using System;
using System.Collections.Generic;
using System.Linq;

namespace RegressionProof.Gate.Model;

/// <summary>One executed test as a result file reports it.</summary>
/// <param name="Test"><c>Namespace.Class.Method</c>, the name proofs are matched by.</param>
/// <param name="DisplayName">The name the runner gave the result (with a theory's arguments).</param>
/// <param name="Outcome">The runner's own word for the outcome, as findings show it.</param>
/// <param name="File">The result file, as findings name it.</param>
internal sealed record TestOutcome(string Test, string DisplayName, string Outcome, string File)
{
    /// <summary>What the outcome means; readers of formats other than TRX set it from their own words.</summary>
    public TestStatus Status { get; init; } = TrxStatus(Outcome);

    /// <summary>The run that produced the result (a .trx file is one run).</summary>
    public string Run { get; init; } = File;

    /// <summary>When the run ran, by its own record; null when it does not say.</summary>
    public DateTimeOffset? RunTime { get; init; }

    /// <summary>The test assembly that ran it (a .trx's <c>storage</c>): each target framework's build is a test of its own.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>The meaning of a .trx outcome (the words of VSTest's and Microsoft.Testing.Platform's TRX writers).</summary>
    public static TestStatus TrxStatus(string outcome) => outcome switch
    {
        "Passed" => TestStatus.Passed,
        "Failed" or "Error" or "Aborted" or "Timeout" => TestStatus.Failed,
        "NotExecuted" or "NotRunnable" => TestStatus.Skipped,
        _ => TestStatus.Other,
    };
}

/// <summary>Two result files that claim the same run but differ: the first read counts, the other is reported.</summary>
internal sealed record SharedRun(string Id, string Counted, string Ignored);

/// <summary>
/// The test results of the release, from every result file read, in the order they were read. A
/// test is known by <c>Namespace.Class.Method</c>; the rows of a theory all count under that name.
/// Which results decide a test is <see cref="TestRow"/>'s business: results pile up over runs,
/// retries and shards.
/// </summary>
internal sealed class TestResults
{
    private readonly Dictionary<string, List<TestOutcome>> _byTest;

    public TestResults(IReadOnlyList<TestOutcome> outcomes, IReadOnlyList<string> files, int runs)
    {
        All = outcomes;
        Files = files;
        Runs = runs;
        _byTest = outcomes.GroupBy(o => o.Test, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>Every result read, of every run, in the order read (file by file, each file in its own order).</summary>
    public IReadOnlyList<TestOutcome> All { get; }

    /// <summary>The files read, each once, as findings name them.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>How many distinct runs the files hold (a copy of a file is the same run).</summary>
    public int Runs { get; }

    /// <summary>Files that claim a run another file already claimed, with different content.</summary>
    public IReadOnlyList<SharedRun> SharedRuns { get; init; } = [];

    /// <summary>The SHA-256 of each file read, by its name in <see cref="Files"/> (none for results built in code).</summary>
    public IReadOnlyDictionary<string, string> FileSha256 { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Files found in a folder or by a glob that are not test results (coverage, settings …), as the log names them.</summary>
    public IReadOnlyList<string> PassedOver { get; init; } = [];

    /// <summary>Every result of <paramref name="test"/>, of every run, in the order read.</summary>
    public IReadOnlyList<TestOutcome> Of(string test) => _byTest.TryGetValue(test, out var outcomes) ? outcomes : [];

    public static TestResults From(IReadOnlyList<TestOutcome> outcomes) =>
        new(outcomes, outcomes.Select(o => o.File).Distinct(StringComparer.Ordinal).ToList(), outcomes.Select(o => o.Run).Distinct(StringComparer.Ordinal).Count());
}
