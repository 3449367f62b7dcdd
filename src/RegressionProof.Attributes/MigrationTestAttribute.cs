using System;

namespace RegressionProof;

/// <summary>
/// Marks a test that proves a schema or data migration made for an intake card. A major release
/// that adds a migration needs one for every card.
/// </summary>
/// <remarks>
/// Like <see cref="RegressionForAttribute"/>, it goes on a test method or a class of tests, and it
/// also counts as a regression proof of the card.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MigrationTestAttribute : IntakeLinkAttribute
{
    /// <summary>Marks this test as proving the migration made for <paramref name="intakeId"/>.</summary>
    /// <param name="intakeId">The intake card ID, for example <c>INTAKE-123</c>.</param>
    public MigrationTestAttribute(string intakeId)
        : base(intakeId)
    {
    }
}
