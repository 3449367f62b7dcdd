using RegressionProof;

namespace Checkout.Service.Pricing;

/// <summary>Applies promotion codes to basket totals.</summary>
public sealed class DiscountCalculator
{
    /// <summary>
    /// The discounted total. A discount larger than the basket used to produce a negative total,
    /// which the payment provider then refunded to the customer (INTAKE-123).
    /// </summary>
    [Fixes("INTAKE-123", Evidence = "https://tracker.example/INTAKE-123")]
    public decimal ApplyDiscount(decimal total, decimal discount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegative(discount);
        return Math.Max(0m, total - discount);
    }
}
