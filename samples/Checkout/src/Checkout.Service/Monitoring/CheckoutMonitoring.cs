using RegressionProof;

namespace Checkout.Service.Monitoring;

/// <summary>
/// The monitoring definitions of checkout, exported to the monitoring system at deploy time.
/// Each one guards a fixed failure so it cannot come back unnoticed.
/// </summary>
public static class CheckoutMonitoring
{
    /// <summary>Every five minutes, a synthetic checkout against production with the tax service slowed down.</summary>
    [SyntheticProbe("INTAKE-125", Signal = RecurrenceSignal.Error, Name = "checkout-slow-tax-probe")]
    public static readonly string SlowTaxProbe = "POST /checkout (tax latency injected: 2s)";

    /// <summary>Pages the on-call when checkout errors come back.</summary>
    [RecurrenceAlert("INTAKE-125", Signal = RecurrenceSignal.Latency, Rule = "p95(checkout_duration) > 800ms for 5m")]
    public static readonly string CheckoutLatencyAlert = "checkout-latency-p95";

    /// <summary>Negative order totals per day; anything above zero means INTAKE-123 is back.</summary>
    [DashboardPanel("INTAKE-123",
        Baseline = "0 negative totals per day",
        Threshold = "> 0 negative totals in 10 minutes",
        Panel = "https://grafana.example/d/checkout/7")]
    public static readonly string NegativeTotalsPanel = "sum(rate(checkout_negative_total[10m]))";
}
