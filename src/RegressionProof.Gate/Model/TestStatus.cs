namespace RegressionProof.Gate.Model;

/// <summary>
/// What one test result means for a proof, whatever words its runner used ("Passed", "Success",
/// "pass"; "Failed", "Error", "Timeout"; "NotExecuted", "Ignored", "skipped").
/// </summary>
internal enum TestStatus
{
    /// <summary>The test ran and passed.</summary>
    Passed,

    /// <summary>The test ran and failed, errored, timed out or was aborted.</summary>
    Failed,

    /// <summary>The runner skipped or ignored the test; it did not run.</summary>
    Skipped,

    /// <summary>Any other outcome (inconclusive, not runnable, pending …): the test did not pass.</summary>
    Other,
}
