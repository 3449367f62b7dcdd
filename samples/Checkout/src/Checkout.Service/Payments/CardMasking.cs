using RegressionProof;

namespace Checkout.Service.Payments;

/// <summary>Masks card numbers before they reach logs.</summary>
public static class CardMasking
{
    /// <summary>
    /// Card numbers were written to the payment log in full (INTAKE-126). The log pipeline is a
    /// third-party appliance with no test hook yet, so the fix was verified by hand until the
    /// log-scrubbing probe is automated.
    /// </summary>
    [Fixes("INTAKE-126")]
    [ManualVerification("INTAKE-126",
        Steps = "Pay with test card 4111 1111 1111 1111 on staging; search the payment log for '4111'; only '**** 1111' appears",
        RecordedOn = "2026-11-20",
        AutomateBy = "2026-12-01",
        Evidence = "https://tracker.example/INTAKE-126#verification")]
    public static string Mask(string cardNumber)
    {
        var digits = new string(cardNumber.Where(char.IsDigit).ToArray());
        return digits.Length < 4 ? "****" : "**** " + digits[^4..];
    }
}
