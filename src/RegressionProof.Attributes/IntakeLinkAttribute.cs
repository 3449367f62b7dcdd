using System;

namespace RegressionProof;

/// <summary>
/// The common shape of every RegressionProof attribute: a link from code to one intake card
/// (the bug or incident ticket), with an optional evidence link.
/// </summary>
/// <remarks>
/// The card ID is the first constructor argument of every derived attribute so that analyzers,
/// the manifest generator and the <c>verify-regression-safety</c> gate read it the same way.
/// It must be a compile-time constant that matches the configured pattern
/// (<c>regression_proof.intake_id_pattern</c>, default <c>^[A-Z][A-Z0-9]*-[0-9]+\z</c>).
/// </remarks>
public abstract class IntakeLinkAttribute : Attribute
{
    /// <summary>Creates a link to the intake card <paramref name="intakeId"/>.</summary>
    /// <param name="intakeId">The intake card ID, for example <c>INTAKE-123</c>.</param>
    protected IntakeLinkAttribute(string intakeId)
    {
        IntakeId = intakeId;
    }

    /// <summary>The intake card ID this link refers to, for example <c>INTAKE-123</c>.</summary>
    public string IntakeId { get; }

    /// <summary>
    /// An http(s) link to evidence about this link: the incident timeline, the failing build,
    /// the probe's run history. Optional; the release log lists it beside the card.
    /// </summary>
    public string? Evidence { get; set; }
}
