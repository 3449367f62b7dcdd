using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RegressionProof.Analyzers.Rules;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.SkippedProofAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

public class SkippedProofAnalyzerTests
{
    [Fact]
    public async Task An_xunit_skip_is_reported_on_the_test_attribute_with_the_proof_as_additional_location()
    {
        const string source = """
            using RegressionProof;
            using Xunit;

            public class CheckoutTests
            {
                [{|#0:Fact(Skip = "flaky on CI")|}]
                [{|#1:RegressionFor("INTAKE-1")|}]
                public void Discount_never_goes_negative() { }

                [{|#2:Theory(DisplayName = "x", Skip = "later")|}, {|#3:MigrationTest("INTAKE-2")|}]
                [InlineData(1)]
                public void Migrates(int value) { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(0).WithLocation(1)
                .WithArguments("INTAKE-1", "CheckoutTests.Discount_never_goes_negative()", "xunit Skip = \"flaky on CI\""),
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(2).WithLocation(3)
                .WithArguments("INTAKE-2", "CheckoutTests.Migrates(int)", "xunit Skip = \"later\""));
    }

    [Theory]
    [InlineData("[Fact]")]
    [InlineData("[Fact(Skip = \"\")]")]
    [InlineData("[Fact(Skip = null)]")]
    [InlineData("[Fact(Skip = \"only on Windows\", SkipUnless = nameof(IsWindows))]")]
    [InlineData("[Fact(Skip = \"not on Linux\", SkipWhen = nameof(IsWindows))]")]
    public async Task Running_and_conditionally_skipped_xunit_tests_are_not_reported(string fact)
    {
        var source = $$"""
            using RegressionProof;
            using Xunit;

            public class CheckoutTests
            {
                public static bool IsWindows => false;

                {{fact}}
                [RegressionFor("INTAKE-1")]
                public void Discount_never_goes_negative() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NUnit_Ignore_on_the_method_or_the_class_is_reported()
    {
        const string source = """
            using NUnit.Framework;
            using RegressionProof;

            public class CheckoutTests
            {
                [Test, {|#0:Ignore("flaky")|}]
                [{|#1:RegressionFor("INTAKE-1")|}]
                public void A() { }
            }

            [TestFixture, {|#2:Ignore("whole fixture")|}]
            public class RefundTests
            {
                [Test]
                [{|#3:RegressionFor("INTAKE-2")|}]
                public void B() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(0).WithLocation(1).WithArguments("INTAKE-1", "CheckoutTests.A()", "NUnit [Ignore]"),
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(2).WithLocation(3).WithArguments("INTAKE-2", "RefundTests.B()", "NUnit [Ignore] on class RefundTests"));
    }

    [Fact]
    public async Task NUnit_test_cases_are_reported_only_when_every_case_is_ignored()
    {
        const string source = """
            using NUnit.Framework;
            using RegressionProof;

            public class CheckoutTests
            {
                [TestCase(1, Ignore = "broken")]
                [TestCase(2)]
                [RegressionFor("INTAKE-1")]
                public void SomeRun(int value) { }

                [{|#0:TestCase(1, IgnoreReason = "broken")|}]
                [TestCase(2, Ignore = "also broken")]
                [{|#1:RegressionFor("INTAKE-2")|}]
                public void NoneRun(int value) { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(0).WithLocation(1).WithArguments("INTAKE-2", "CheckoutTests.NoneRun(int)", "NUnit IgnoreReason = \"broken\""));
    }

    [Fact]
    public async Task MSTest_Ignore_and_TUnit_Skip_are_reported()
    {
        const string source = """
            using RegressionProof;

            public class CheckoutTests
            {
                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod]
                [{|#0:Microsoft.VisualStudio.TestTools.UnitTesting.Ignore|}]
                [{|#1:RegressionFor("INTAKE-1")|}]
                public void A() { }

                [TUnit.Core.Test, {|#2:TUnit.Core.Skip("later")|}]
                [{|#3:RegressionFor("INTAKE-2")|}]
                public void B() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(0).WithLocation(1).WithArguments("INTAKE-1", "CheckoutTests.A()", "MSTest [Ignore]"),
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(2).WithLocation(3).WithArguments("INTAKE-2", "CheckoutTests.B()", "TUnit [Skip]"));
    }

    [Fact]
    public async Task A_skip_attribute_derived_from_TUnit_Skip_decides_at_run_time_and_is_not_reported()
    {
        const string source = """
            using RegressionProof;

            public class WindowsOnlyAttribute : TUnit.Core.SkipAttribute
            {
                public WindowsOnlyAttribute() : base("Windows only") { }
            }

            public class CheckoutTests
            {
                [TUnit.Core.Test, WindowsOnly]
                [RegressionFor("INTAKE-1")]
                public void A() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Skipped_tests_of_a_proof_class_are_reported_and_running_ones_are_not()
    {
        const string source = """
            using RegressionProof;
            using Xunit;

            [{|#1:RegressionFor("INTAKE-1")|}]
            public class CheckoutTests
            {
                [Fact]
                public void Runs() { }

                [{|#0:Fact(Skip = "flaky")|}]
                public void Skipped() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(0).WithLocation(1).WithArguments("INTAKE-1", "CheckoutTests.Skipped()", "xunit Skip = \"flaky\""));
    }

    [Fact]
    public async Task A_skipped_test_without_a_proof_is_not_this_rules_concern()
    {
        const string source = """
            using RegressionProof;
            using Xunit;

            public class CheckoutTests
            {
                [Fact(Skip = "flaky")]
                public void Unrelated() { }

                [Fact(Skip = "flaky")]
                [Fixes("INTAKE-1")]
                public void NotAProof() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task The_named_argument_to_remove_is_passed_to_the_code_fix()
    {
        const string source = """
            using RegressionProof;
            using Xunit;

            public class CheckoutTests
            {
                [Fact(Skip = "flaky"), RegressionFor("INTAKE-1")]
                public void A() { }
            }
            """;

        var diagnostic = Assert.Single(await Verifiers.AnalyzerRunner.RunAsync(new SkippedProofAnalyzer(), source));
        Assert.Equal("Skip", diagnostic.Properties[SkippedProofAnalyzer.NamedArgumentProperty]);
    }
}
