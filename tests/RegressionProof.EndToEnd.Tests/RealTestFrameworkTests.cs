using System.Collections.Generic;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// The test-framework detection against the real packages, not stand-ins: a proof on a real test
/// is accepted (no RP0003), a proof on a helper is not, and a skipped proof is reported (RP0009).
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class RealTestFrameworkTests(PackedPackages packages)
{
    public static TheoryData<string, string, string, string, string> Frameworks => new()
    {
        // package, using, test attribute, skipped test attribute(s), expected skip description
        { "xunit/2.9.3", "Xunit", "[Fact]", "[Fact(Skip = \"flaky\")]", "xunit Skip = \"flaky\"" },
        { "xunit.v3/4.0.2", "Xunit", "[Fact]", "[Fact(Skip = \"flaky\")]", "xunit Skip = \"flaky\"" },
        { "NUnit/4.4.0", "NUnit.Framework", "[TestCase(1)]", "[Test, Ignore(\"flaky\")]", "NUnit [Ignore]" },
        { "MSTest.TestFramework/4.5.3", "Microsoft.VisualStudio.TestTools.UnitTesting", "[TestMethod]", "[TestMethod, Ignore]", "MSTest [Ignore]" },
        { "TUnit.Core/1.81.10", "TUnit.Core", "[Test]", "[Test, Skip(\"flaky\")]", "TUnit [Skip]" },
    };

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Proofs_on_real_tests_are_recognised_and_skipped_proofs_are_reported(
        string package, string ns, string testAttribute, string skippedAttribute, string skipDescription)
    {
        using var solution = new ConsumerSolution(packages);
        var parameters = testAttribute.Contains("TestCase", System.StringComparison.Ordinal) ? "int value" : "";
        solution.AddProject("Checkout.Tests", [package], [], new Dictionary<string, string>
        {
            ["CheckoutTests.cs"] = $$"""
                using RegressionProof;
                using {{ns}};

                namespace Checkout.Tests;

                public class CheckoutTests
                {
                    {{testAttribute}}
                    [RegressionFor("INTAKE-1")]
                    public void Discount_never_goes_negative({{parameters}}) { }

                    {{skippedAttribute}}
                    [RegressionFor("INTAKE-2")]
                    public void Refund_is_rounded() { }

                    [RegressionFor("INTAKE-3")]
                    public void Helper() { }
                }
                """,
        },
        // xunit v3 test projects are executables.
        package.StartsWith("xunit.v3", System.StringComparison.Ordinal) ? "<OutputType>Exe</OutputType>" : "");

        var build = solution.Build("Checkout.Tests");

        Assert.True(build.ExitCode != 0, build.Output);
        var rp0003 = ConsumerSolution.Diagnostics(build.Output, "RP0003");
        Assert.True(rp0003.Count == 1 && rp0003[0].Contains("'CheckoutTests.Helper()', which is not a test", System.StringComparison.Ordinal), build.Output);
        var rp0009 = ConsumerSolution.Diagnostics(build.Output, "RP0009");
        Assert.True(rp0009.Count == 1 && rp0009[0].Contains($"The proof of INTAKE-2 'CheckoutTests.Refund_is_rounded()' is skipped ({skipDescription})", System.StringComparison.Ordinal), build.Output);
    }
}
