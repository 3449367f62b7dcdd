using System;

namespace RegressionProof;

/// <summary>
/// Marks production code that a fix for an intake card changed. Every fix must be guarded by at
/// least one regression proof for the same card: a test (<see cref="RegressionForAttribute"/>),
/// a probe (<see cref="SyntheticProbeAttribute"/>), an alert (<see cref="RecurrenceAlertAttribute"/>),
/// a dashboard panel (<see cref="DashboardPanelAttribute"/>) or, failing all those, a documented
/// manual verification (<see cref="ManualVerificationAttribute"/>).
/// </summary>
/// <example><code>
/// [Fixes("INTAKE-123")]
/// public decimal ApplyDiscount(decimal price, decimal discount) => Math.Max(0, price - discount);
/// </code></example>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum |
    AttributeTargets.Delegate | AttributeTargets.Method | AttributeTargets.Constructor |
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Event,
    AllowMultiple = true, Inherited = false)]
public sealed class FixesAttribute : IntakeLinkAttribute
{
    /// <summary>Marks this code as changed by the fix for <paramref name="intakeId"/>.</summary>
    /// <param name="intakeId">The intake card ID, for example <c>INTAKE-123</c>.</param>
    public FixesAttribute(string intakeId)
        : base(intakeId)
    {
    }
}
