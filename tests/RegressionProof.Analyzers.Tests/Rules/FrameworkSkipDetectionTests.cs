using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RegressionProof.Analyzers.Rules;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.SkippedProofAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

/// <summary>
/// RP0009 recognises each framework's ways of not running a test: ignored fixtures, ignored-until,
/// explicit tests, class-level skips, and skips on tests inherited from other assemblies.
/// </summary>
public class FrameworkSkipDetectionTests
{
    [Theory]
    [InlineData("Ignore = \"flaky\"", "NUnit [TestFixture] Ignore = \"flaky\" on class RefundTests")]
    [InlineData("IgnoreReason = \"flaky\"", "NUnit [TestFixture] IgnoreReason = \"flaky\" on class RefundTests")]
    [InlineData("Ignore = \"flaky\", Until = \"2026-12-31\"", "NUnit [TestFixture] Ignore = \"flaky\" until 2026-12-31 on class RefundTests")]
    [InlineData("Explicit = true", "NUnit [TestFixture] Explicit = true on class RefundTests")]
    public async Task An_NUnit_fixture_ignored_through_its_named_arguments_skips_its_tests(string arguments, string description)
    {
        var source = $$"""
            using NUnit.Framework;
            using RegressionProof;

            [{|#0:TestFixture({{arguments}})|}]
            public class RefundTests
            {
                [Test]
                [{|#1:RegressionFor("INTAKE-1")|}]
                public void Refunds() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(0).WithLocation(1).WithArguments("INTAKE-1", "RefundTests.Refunds()", description));
    }

    [Fact]
    public async Task The_named_argument_that_ignores_a_fixture_is_passed_to_the_code_fix()
    {
        const string source = """
            using NUnit.Framework;
            using RegressionProof;

            [{|#0:TestFixture(IgnoreReason = "flaky")|}]
            [{|#1:RegressionFor("INTAKE-1")|}]
            public class RefundTests
            {
                [Test] public void Refunds() { }
            }
            """;
        var test = new Verify.Test { TestCode = source };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(0).WithLocation(1)
            .WithArguments("INTAKE-1", "RefundTests", "NUnit [TestFixture] IgnoreReason = \"flaky\" on class RefundTests"));

        await test.RunAsync();
        var diagnostics = await AnalyzerRunner.RunAsync(new SkippedProofAnalyzer(), source.Replace("{|#0:", "").Replace("{|#1:", "").Replace(")|}", ")"));
        Assert.Equal("IgnoreReason", Assert.Single(diagnostics).Properties[SkippedProofAnalyzer.NamedArgumentProperty]);
    }

    [Fact]
    public async Task A_parameterised_fixture_with_one_ignored_instance_still_runs_its_tests()
    {
        const string source = """
            using NUnit.Framework;
            using RegressionProof;

            [TestFixture("EUR", Ignore = "no rates yet")]
            [TestFixture("USD")]
            public class CurrencyTests
            {
                public CurrencyTests(string currency) { }

                [Test]
                [RegressionFor("INTAKE-1")]
                public void Converts() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task An_NUnit_Ignore_with_Until_is_a_skip_whose_message_names_the_date()
    {
        const string source = """
            using NUnit.Framework;
            using RegressionProof;

            public class CheckoutTests
            {
                [Test, {|#0:Ignore("waiting for the rates service", Until = "2026-12-31")|}]
                [{|#1:RegressionFor("INTAKE-1")|}]
                public void A() { }

                [{|#2:TestCase(1, Ignore = "broken", Until = "2027-01-15")|}]
                [{|#3:RegressionFor("INTAKE-2")|}]
                public void B(int value) { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(0).WithLocation(1).WithArguments("INTAKE-1", "CheckoutTests.A()", "NUnit [Ignore] until 2026-12-31"),
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(2).WithLocation(3).WithArguments("INTAKE-2", "CheckoutTests.B(int)", "NUnit Ignore = \"broken\" until 2027-01-15"));
    }

    [Fact]
    public async Task Explicit_tests_of_every_framework_are_reported_as_they_do_not_run_in_a_normal_run()
    {
        const string source = """
            using RegressionProof;

            public class CheckoutTests
            {
                [{|#0:Xunit.Fact(Explicit = true)|}]
                [{|#1:RegressionFor("INTAKE-1")|}]
                public void A() { }

                [NUnit.Framework.Test, {|#2:NUnit.Framework.Explicit|}]
                [{|#3:RegressionFor("INTAKE-2")|}]
                public void B() { }

                [TUnit.Core.Test, {|#4:TUnit.Core.Explicit|}]
                [{|#5:RegressionFor("INTAKE-3")|}]
                public void C() { }

                [Xunit.Fact(Explicit = false)]
                [RegressionFor("INTAKE-4")]
                public void D() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(0).WithLocation(1).WithArguments("INTAKE-1", "CheckoutTests.A()", "xunit Explicit = true"),
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(2).WithLocation(3).WithArguments("INTAKE-2", "CheckoutTests.B()", "NUnit [Explicit]"),
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(4).WithLocation(5).WithArguments("INTAKE-3", "CheckoutTests.C()", "TUnit [Explicit]"));
    }

    [Theory]
    [InlineData("Microsoft.VisualStudio.TestTools.UnitTesting.Ignore", "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod", "MSTest [Ignore] on class CheckoutTests")]
    [InlineData("TUnit.Core.Skip(\"later\")", "TUnit.Core.Test", "TUnit [Skip] on class CheckoutTests")]
    [InlineData("TUnit.Core.Explicit", "TUnit.Core.Test", "TUnit [Explicit] on class CheckoutTests")]
    [InlineData("NUnit.Framework.Explicit", "NUnit.Framework.Test", "NUnit [Explicit] on class CheckoutTests")]
    public async Task A_skip_on_the_class_skips_the_proof_on_its_test(string skip, string testAttribute, string description)
    {
        var source = $$"""
            using RegressionProof;

            [{|#0:{{skip}}|}]
            public class CheckoutTests
            {
                [{{testAttribute}}]
                [{|#1:RegressionFor("INTAKE-1")|}]
                public void A() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(0).WithLocation(1).WithArguments("INTAKE-1", "CheckoutTests.A()", description));
    }

    [Fact]
    public async Task A_skip_on_a_test_inherited_from_a_referenced_assembly_is_reported_on_the_proof()
    {
        var contract = TestFrameworkReferences.Compile("Contracts", """
            namespace Contracts
            {
                public abstract class RepositoryContract
                {
                    [Xunit.Fact(Skip = "flaky on CI")] public void Saves() { }

                    [Xunit.Fact] public void Loads() { }
                }
            }
            """, TestFrameworkReferences.Xunit);
        const string source = """
            using RegressionProof;

            [{|#0:RegressionFor("INTAKE-1")|}]
            public class SqlRepositoryTests : Contracts.RepositoryContract { }
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.AdditionalReferences.Add(contract);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0009_SkippedProofInReference).WithLocation(0)
            .WithArguments("INTAKE-1", "RepositoryContract.Saves()", "xunit Skip = \"flaky on CI\"", "Contracts"));

        await test.RunAsync();

        // Nothing here to remove: the code fix must not take the diagnostic's location for the skip.
        var diagnostics = await AnalyzerRunner.RunAsync(
            AnalyzerRunner.CreateCompilation("Test", [source.Replace("{|#0:", "").Replace(")|}", ")")], [contract]),
            [new SkippedProofAnalyzer()]);
        Assert.Equal("true", Assert.Single(diagnostics).Properties[SkippedProofAnalyzer.SkipInReferenceProperty]);
    }

    [Fact]
    public async Task A_skipped_base_test_overridden_by_a_running_one_is_not_reported_for_the_derived_class()
    {
        const string source = """
            using RegressionProof;

            public abstract class CheckoutContract
            {
                [Xunit.Fact(Skip = "not for every store")] public virtual void Totals() { }
            }

            [RegressionFor("INTAKE-1")]
            public class CheckoutTests : CheckoutContract
            {
                [Xunit.Fact] public override void Totals() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task An_override_inherits_the_skip_of_the_test_attribute_it_inherits()
    {
        const string source = """
            using RegressionProof;

            public abstract class CheckoutContract
            {
                [{|#0:Xunit.Fact(Skip = "flaky")|}] public virtual void Totals() { }
            }

            public class CheckoutTests : CheckoutContract
            {
                [{|#1:RegressionFor("INTAKE-1")|}]
                public override void Totals() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0009_SkippedProof).WithLocation(0).WithLocation(1).WithArguments("INTAKE-1", "CheckoutTests.Totals()", "xunit Skip = \"flaky\""));
    }
}
