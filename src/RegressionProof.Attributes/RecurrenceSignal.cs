namespace RegressionProof;

/// <summary>
/// What a probe or an alert watches for to detect that a fixed failure has come back.
/// </summary>
/// <remarks>
/// There is deliberately no zero value: an unset signal reads as <c>0</c> from metadata, which
/// the analyzers (RP0008) and the gate treat as "no signal given".
/// </remarks>
public enum RecurrenceSignal
{
    /// <summary>Latency above the level the fix restored.</summary>
    Latency = 1,

    /// <summary>Errors (status codes, exceptions, failed jobs) of the fixed kind.</summary>
    Error = 2,

    /// <summary>Cost above the level the fix restored (compute, storage, third-party spend).</summary>
    Cost = 3,

    /// <summary>Requests denied by a policy that the fix corrected (authorization, quota, rate limit).</summary>
    PolicyDenial = 4,
}
