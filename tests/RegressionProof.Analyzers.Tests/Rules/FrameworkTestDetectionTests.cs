using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.ProofIsNotATestAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

/// <summary>
/// RP0003 follows each framework's own rule for what a test is: NUnit runs any method with an
/// attribute that builds tests, and the frameworks read test attributes through overrides and from
/// base classes in other assemblies.
/// </summary>
public class FrameworkTestDetectionTests
{

    // A contract test in another assembly, run by every class that derives from it.
    private const string ContractSource = """
        namespace Contracts
        {
            public abstract class RepositoryContract<T>
            {
                [Xunit.Fact] public void Saves_and_loads() { }

                [Xunit.Fact] public virtual void Deletes() { }

                public void Helper() { }
            }

            public abstract class NoTestsBase
            {
                public void Helper() { }
            }
        }
        """;

    [Theory]
    [InlineData("[Combinatorial]", "[Values(1, 2)] int a, [Values(3, 4)] int b")]
    [InlineData("[Sequential]", "[Values(1, 2)] int a, [Values(3, 4)] int b")]
    [InlineData("[AutoFixture.NUnit3.AutoData]", "int a")]
    [InlineData("[AutoFixture.NUnit3.InlineAutoData(1)]", "int a, int b")]
    public async Task A_proof_on_a_method_with_an_NUnit_test_builder_attribute_is_a_test(string builder, string parameters)
    {
        var test = new Verify.Test
        {
            TestCode = $$"""
                using NUnit.Framework;
                using RegressionProof;

                public class PricingTests
                {
                    {{builder}}
                    [RegressionFor("INTAKE-1")]
                    public void Discount_is_never_negative({{parameters}}) { }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(TestFrameworkReferences.AutoFixtureNUnit);

        await test.RunAsync();
    }

    [Fact]
    public async Task Values_without_a_test_builder_do_not_make_a_test()
    {
        const string source = """
            using NUnit.Framework;
            using RegressionProof;

            public class PricingTests
            {
                [{|#0:RegressionFor("INTAKE-1")|}]
                public void Discount_is_never_negative([Values(1, 2)] int a) { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0003_ProofIsNotATest).WithLocation(0).WithArguments("RegressionFor", "INTAKE-1", "PricingTests.Discount_is_never_negative(int)"));
    }

    [Fact]
    public async Task An_override_of_a_test_method_is_a_test_unless_the_attribute_is_not_inherited()
    {
        const string source = """
            using NUnit.Framework;
            using RegressionProof;

            public abstract class CheckoutContract
            {
                [Xunit.Fact] public virtual void Totals() { }

                [TestCase(1)] public virtual void Cases(int value) { }
            }

            public class CheckoutTests : CheckoutContract
            {
                [RegressionFor("INTAKE-1")]
                public override void Totals() { }

                [{|#0:RegressionFor("INTAKE-2")|}]
                public override void Cases(int value) { }
            }
            """;

        // NUnit's [TestCase] is declared Inherited = false: an override without its own is not run.
        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0003_ProofIsNotATest).WithLocation(0).WithArguments("RegressionFor", "INTAKE-2", "CheckoutTests.Cases(int)"));
    }

    [Fact]
    public async Task A_proof_on_a_class_whose_tests_are_inherited_from_a_referenced_assembly_is_valid()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using RegressionProof;

                [RegressionFor("INTAKE-1")]
                public class SqlRepositoryTests : Contracts.RepositoryContract<string> { }

                public class MemoryRepositoryTests : Contracts.RepositoryContract<int>
                {
                    [RegressionFor("INTAKE-2")]
                    public override void Deletes() { }
                }

                [{|#0:RegressionFor("INTAKE-3")|}]
                public class HelperOnly : Contracts.NoTestsBase { }
                """,
        };
        test.TestState.AdditionalReferences.Add(TestFrameworkReferences.Compile("Contracts", ContractSource, TestFrameworkReferences.Xunit));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0003_ProofOnClassWithoutTests).WithLocation(0).WithArguments("RegressionFor", "INTAKE-3", "HelperOnly"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_proof_on_an_abstract_base_class_with_tests_is_valid()
    {
        const string source = """
            using RegressionProof;

            [RegressionFor("INTAKE-1")]
            public abstract class RefundContract
            {
                [Xunit.Fact] public void Refunds_the_full_amount() { }
            }

            public sealed class CardRefundTests : RefundContract { }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
