using System;

namespace RegressionProof.CodeFixes;

/// <summary>Today's date for stubs that record when something was done; replaceable in tests.</summary>
internal static class Clock
{
    public static Func<DateTime> Today { get; set; } = () => DateTime.Today;
}
