using System;

namespace RegressionProof;

/// <summary>
/// Marks a synthetic probe (a scheduled request or job that exercises production) tuned to detect
/// the recurrence of an intake card's failure. It counts as a regression proof of the card.
/// </summary>
/// <example><code>
/// [SyntheticProbe("INTAKE-123", Signal = RecurrenceSignal.Error, Name = "checkout-discount-probe")]
/// public Task ProbeCheckoutAsync() { ... }
/// </code></example>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field,
    AllowMultiple = true, Inherited = false)]
public sealed class SyntheticProbeAttribute : IntakeLinkAttribute
{
    /// <summary>Marks this probe as guarding <paramref name="intakeId"/>.</summary>
    /// <param name="intakeId">The intake card ID, for example <c>INTAKE-123</c>.</param>
    public SyntheticProbeAttribute(string intakeId)
        : base(intakeId)
    {
    }

    /// <summary>Required: what the probe watches for (RP0008 when missing).</summary>
    public RecurrenceSignal Signal { get; set; }

    /// <summary>The probe's name in the monitoring system, when it differs from the member's name.</summary>
    public string? Name { get; set; }
}
