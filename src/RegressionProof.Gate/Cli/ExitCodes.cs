namespace RegressionProof.Gate.Cli;

/// <summary>The exit codes of verify-regression-safety (docs/gate.md, "Exit codes"; contract).</summary>
internal static class ExitCodes
{
    /// <summary>The release passes the gate.</summary>
    public const int Pass = 0;

    /// <summary>The release fails the gate.</summary>
    public const int Fail = 1;

    /// <summary>An input is unusable: a missing or malformed file, a bad option.</summary>
    public const int UnusableInput = 2;
}
