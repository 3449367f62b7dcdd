using System;

namespace RegressionProof;

/// <summary>
/// Marks an automated test as the regression proof of an intake card: it reproduces the failure
/// mode that the fix removed, so the failure cannot come back unnoticed.
/// </summary>
/// <remarks>
/// Put it on a test method (xunit <c>[Fact]</c>/<c>[Theory]</c>, NUnit <c>[Test]</c>/<c>[TestCase]</c>,
/// MSTest <c>[TestMethod]</c>, TUnit <c>[Test]</c>, or attributes derived from them), or on a test
/// class, in which case every test of the class is a proof. A skipped or ignored proof proves
/// nothing and is reported (RP0009).
/// </remarks>
/// <example><code>
/// [Fact, RegressionFor("INTAKE-123")]
/// public void Discount_never_makes_the_price_negative() { ... }
/// </code></example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RegressionForAttribute : IntakeLinkAttribute
{
    /// <summary>Marks this test (or every test of this class) as a proof for <paramref name="intakeId"/>.</summary>
    /// <param name="intakeId">The intake card ID, for example <c>INTAKE-123</c>.</param>
    public RegressionForAttribute(string intakeId)
        : base(intakeId)
    {
    }

    /// <summary>The level of the test; <see cref="TestLevel.Unit"/> when not given.</summary>
    public TestLevel Level { get; set; }
}
