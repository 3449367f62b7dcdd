using RegressionProof;

namespace Checkout.Service.Payments;

/// <summary>Calls the tax service, with a fallback when it is slow.</summary>
public sealed class TaxClient
{
    private readonly Func<decimal, TimeSpan, decimal?> _remoteRate;

    public TaxClient(Func<decimal, TimeSpan, decimal?> remoteRate) => _remoteRate = remoteRate;

    /// <summary>The flat rate used when the tax service does not answer in time.</summary>
    public const decimal FallbackRate = 0.20m;

    /// <summary>
    /// The tax for <paramref name="net"/>. A tax service timeout used to fail the whole checkout
    /// with a 500 and breached the checkout SLA (INTAKE-125); it now falls back to a flat rate.
    /// </summary>
    [Fixes("INTAKE-125")]
    public decimal TaxFor(decimal net) => net * (_remoteRate(net, TimeSpan.FromMilliseconds(300)) ?? FallbackRate);
}
