using System;

namespace RegressionProof;

/// <summary>
/// Marks an alert definition tuned to fire when an intake card's failure recurs. It counts as a
/// regression proof of the card.
/// </summary>
/// <example><code>
/// [RecurrenceAlert("INTAKE-123", Signal = RecurrenceSignal.Latency, Rule = "p95(checkout) &gt; 800ms for 5m")]
/// public static readonly AlertRule CheckoutLatency = ...;
/// </code></example>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field,
    AllowMultiple = true, Inherited = false)]
public sealed class RecurrenceAlertAttribute : IntakeLinkAttribute
{
    /// <summary>Marks this alert as guarding <paramref name="intakeId"/>.</summary>
    /// <param name="intakeId">The intake card ID, for example <c>INTAKE-123</c>.</param>
    public RecurrenceAlertAttribute(string intakeId)
        : base(intakeId)
    {
    }

    /// <summary>Required: what the alert watches for (RP0008 when missing).</summary>
    public RecurrenceSignal Signal { get; set; }

    /// <summary>The alert's name or expression in the monitoring system.</summary>
    public string? Rule { get; set; }
}
