using System;
using System.Linq;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// What the reports call proofs, results and tests, in the words of a release captain rather than
/// of the manifest: "automated test", not <c>regression-for</c>; "did not run", not <c>NotExecuted</c>.
/// </summary>
internal static class ProofWords
{
    /// <summary>The kind of a link in plain words; an unknown kind (a hand-written manifest) is shown as it is.</summary>
    public static string Kind(string kind) => kind switch
    {
        LinkKinds.Fixes => "fix",
        LinkKinds.RegressionFor => "automated test",
        LinkKinds.MigrationTest => "automated migration test",
        LinkKinds.SyntheticProbe => "synthetic probe",
        LinkKinds.RecurrenceAlert => "recurrence alert",
        LinkKinds.DashboardPanel => "dashboard panel",
        LinkKinds.ManualVerification => "manual verification",
        _ => kind,
    };

    /// <summary>A test result in plain words.</summary>
    public static string Result(TestStatus status) => status switch
    {
        TestStatus.Passed => "passed",
        TestStatus.Failed => "failed",
        TestStatus.Skipped => "skipped",
        _ => "did not run",
    };

    /// <summary>A row's result in plain words: its last attempt's, or "passed after retry".</summary>
    public static string Result(TestRow row) => row.PassedAfterRetry ? "passed after retry" : Result(row.Last.Status);

    /// <summary>
    /// The attempts behind a row's result, in the runner's words: <c>Passed in a.trx</c>, or every
    /// attempt of a row that passed only after a retry (<c>Failed in a.trx, then Passed in b.trx</c>).
    /// </summary>
    public static string Attempts(TestRow row) => row.PassedAfterRetry
        ? string.Join(", then ", row.Attempts.Select(a => $"{a.Outcome} in {a.File}"))
        : $"{row.Last.Outcome} in {row.Last.File}";

    /// <summary>
    /// A test result's name in one form whatever the framework: <c>Namespace.Class.Method</c>, and a
    /// theory case's arguments as its runner wrote them (xunit names <c>Ns.Class.Method(x: 1)</c>,
    /// NUnit <c>Method(1)</c>, MSTest <c>Method (1)</c>; all become <c>Ns.Class.Method(…)</c>).
    /// </summary>
    public static string TestName(TestOutcome outcome)
    {
        var display = outcome.DisplayName;
        var open = display.IndexOf('(', StringComparison.Ordinal);
        return open >= 0 && display.EndsWith(')')
            ? outcome.Test + display[open..]
            : outcome.Test;
    }
}
