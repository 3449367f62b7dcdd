using System;

namespace RegressionProof;

/// <summary>
/// Marks the code that defines or exports a dashboard panel watching an intake card's failure. A
/// panel proves nothing unless someone can tell normal from broken, so the baseline and the
/// threshold are required (RP0004). It counts as a regression proof of the card.
/// </summary>
/// <example><code>
/// [DashboardPanel("INTAKE-123", Baseline = "0 negative totals/day", Threshold = "&gt; 0 for 10m", Panel = "grafana:checkout/7")]
/// public static Panel NegativeTotals() => ...;
/// </code></example>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field,
    AllowMultiple = true, Inherited = false)]
public sealed class DashboardPanelAttribute : IntakeLinkAttribute
{
    /// <summary>Marks this panel as watching <paramref name="intakeId"/>.</summary>
    /// <param name="intakeId">The intake card ID, for example <c>INTAKE-123</c>.</param>
    public DashboardPanelAttribute(string intakeId)
        : base(intakeId)
    {
    }

    /// <summary>Required: the normal value of the panel's metric, in words a reader of the panel understands.</summary>
    public string? Baseline { get; set; }

    /// <summary>Required: the value at which the panel shows that the failure is back.</summary>
    public string? Threshold { get; set; }

    /// <summary>The panel's URL or ID in the dashboard system.</summary>
    public string? Panel { get; set; }
}
