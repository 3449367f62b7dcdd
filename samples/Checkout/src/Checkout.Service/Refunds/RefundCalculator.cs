using RegressionProof;

namespace Checkout.Service.Refunds;

/// <summary>Splits refunds across the lines of an order.</summary>
public sealed class RefundCalculator
{
    /// <summary>
    /// Refunds <paramref name="amount"/> across <paramref name="lines"/> lines. Rounding every
    /// share down used to lose up to a cent per line (INTAKE-124); the last line now takes the rest.
    /// </summary>
    [Fixes("INTAKE-124")]
    public IReadOnlyList<decimal> Split(decimal amount, int lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lines);
        var share = Math.Floor(amount / lines * 100m) / 100m;
        var shares = Enumerable.Repeat(share, lines).ToArray();
        shares[^1] = amount - share * (lines - 1);
        return shares;
    }
}
