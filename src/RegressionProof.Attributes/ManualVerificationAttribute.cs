using System;

namespace RegressionProof;

/// <summary>
/// Records that the behaviour of this member was verified by hand for an intake card, because no
/// automated proof could be written yet. It is the proof of last resort: the steps must be written
/// down, the verification dated, and automation scheduled within one sprint of it (RP0005). The
/// gate stops counting it once <see cref="AutomateBy"/> has passed.
/// </summary>
/// <example><code>
/// [ManualVerification("INTAKE-123",
///     Steps = "Apply code SAVE100 to a 50 EUR basket; the total shows 0.00",
///     RecordedOn = "2026-11-02", AutomateBy = "2026-11-16")]
/// public decimal ApplyDiscount(decimal price, decimal discount) => ...;
/// </code></example>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method |
    AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Event,
    AllowMultiple = true, Inherited = false)]
public sealed class ManualVerificationAttribute : IntakeLinkAttribute
{
    /// <summary>Records a manual verification for <paramref name="intakeId"/>.</summary>
    /// <param name="intakeId">The intake card ID, for example <c>INTAKE-123</c>.</param>
    public ManualVerificationAttribute(string intakeId)
        : base(intakeId)
    {
    }

    /// <summary>Required: the steps someone else can follow to verify the behaviour again.</summary>
    public string? Steps { get; set; }

    /// <summary>Required: the day the verification was done, as <c>yyyy-MM-dd</c>.</summary>
    public string? RecordedOn { get; set; }

    /// <summary>
    /// Required: the day by which an automated proof replaces this one, as <c>yyyy-MM-dd</c>, at most
    /// one sprint (<c>regression_proof.sprint_days</c>, default 14) after <see cref="RecordedOn"/>.
    /// </summary>
    public string? AutomateBy { get; set; }
}
