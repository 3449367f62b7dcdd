namespace RegressionProof;

/// <summary>The level of an automated regression test.</summary>
public enum TestLevel
{
    /// <summary>A unit test: the failure mode reproduced in one component, in process.</summary>
    Unit = 0,

    /// <summary>An integration test: the failure mode reproduced across real collaborators (database, queue, HTTP).</summary>
    Integration = 1,

    /// <summary>An end-to-end test: the failure mode reproduced through the user-facing path.</summary>
    EndToEnd = 2,
}
