namespace RegressionProof.Gate.Model;

/// <summary>What a proof that passed only after a retry weighs (<c>--flaky</c>).</summary>
internal enum FlakyPolicy
{
    /// <summary>A warning: the proof counts, and the release log shows the retry.</summary>
    Warn,

    /// <summary>An error: the proof does not count.</summary>
    Fail,
}
