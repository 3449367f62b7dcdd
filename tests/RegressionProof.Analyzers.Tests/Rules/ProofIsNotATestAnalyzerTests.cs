using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RegressionProof.Analyzers.Rules;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.ProofIsNotATestAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

public class ProofIsNotATestAnalyzerTests
{

    [Theory]
    [InlineData("using Xunit;", "[Fact]")]
    [InlineData("using Xunit;", "[Theory]")]
    [InlineData("using NUnit.Framework;", "[Test]")]
    [InlineData("using NUnit.Framework;", "[TestCase(1)]")]
    [InlineData("using NUnit.Framework;", "[TestCaseSource(\"Cases\")]")]
    [InlineData("using NUnit.Framework;", "[NUnit.Framework.Theory]")]
    [InlineData("using Microsoft.VisualStudio.TestTools.UnitTesting;", "[TestMethod]")]
    [InlineData("using Microsoft.VisualStudio.TestTools.UnitTesting;", "[DataTestMethod]")]
    [InlineData("using TUnit.Core;", "[Test]")]
    public async Task A_proof_on_a_test_of_any_framework_is_not_reported(string usingDirective, string testAttribute)
    {
        var source = $$"""
            {{usingDirective}}
            using RegressionProof;

            public class CheckoutTests
            {
                {{testAttribute}}
                [RegressionFor("INTAKE-1")]
                [MigrationTest("INTAKE-2")]
                public void Discount_never_goes_negative() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_proof_on_a_test_with_a_derived_test_attribute_is_not_reported()
    {
        const string source = """
            using RegressionProof;

            public class SlowFactAttribute : Xunit.FactAttribute { }
            public class RetryTheoryAttribute : Xunit.TheoryAttribute { }
            public class StaTestMethodAttribute : Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute { }

            public class CheckoutTests
            {
                [SlowFact, RegressionFor("INTAKE-1")]
                public void A() { }

                [RetryTheory, RegressionFor("INTAKE-1")]
                public void B(int value) { }

                [StaTestMethod, RegressionFor("INTAKE-1")]
                public void C() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_proof_on_a_method_that_is_not_a_test_is_reported_on_the_attribute()
    {
        const string source = """
            using RegressionProof;
            using Xunit;

            public class CheckoutTests
            {
                [Fact]
                public void Real() { }

                [{|#0:RegressionFor("INTAKE-1")|}]
                public void Helper() { }

                [{|#1:MigrationTest("INTAKE-2")|}]
                public void MigrationHelper() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0003_ProofIsNotATest).WithLocation(0).WithArguments("RegressionFor", "INTAKE-1", "CheckoutTests.Helper()"),
            Verify.Diagnostic(Descriptors.RP0003_ProofIsNotATest).WithLocation(1).WithArguments("MigrationTest", "INTAKE-2", "CheckoutTests.MigrationHelper()"));
    }

    [Fact]
    public async Task The_diagnostic_names_the_test_attribute_of_the_framework_the_class_uses()
    {
        const string source = """
            using RegressionProof;

            public class CheckoutTests
            {
                [NUnit.Framework.Test]
                public void Real() { }

                [RegressionFor("INTAKE-1")]
                public void Helper() { }
            }
            """;

        Assert.Equal("NUnit.Framework.TestAttribute", await PropertyOfOnlyDiagnosticAsync(source, ProofIsNotATestAnalyzer.TestAttributeProperty));
    }

    [Theory]
    [InlineData("public void Helper() { }", "Xunit.FactAttribute")]
    [InlineData("public void Helper(int value) { }", "Xunit.TheoryAttribute")]
    public async Task Without_tests_in_the_class_the_diagnostic_names_the_referenced_framework(string method, string expected)
    {
        var source = $$"""
            using RegressionProof;

            public class CheckoutTests
            {
                [RegressionFor("INTAKE-1")]
                {{method}}
            }
            """;
        var compilation = AnalyzerRunner.CreateCompilation("Test", [source], [TestFrameworkReferences.Xunit]);
        compilation = compilation.RemoveReferences(TestFrameworkReferences.All).AddReferences(TestFrameworkReferences.Xunit);

        var diagnostic = Assert.Single(await AnalyzerRunner.RunAsync(compilation, [new ProofIsNotATestAnalyzer()]));
        Assert.Equal(expected, diagnostic.Properties[ProofIsNotATestAnalyzer.TestAttributeProperty]);
    }

    [Fact]
    public async Task With_several_frameworks_and_no_tests_in_the_class_no_attribute_is_guessed()
    {
        const string source = """
            using RegressionProof;

            public class CheckoutTests
            {
                [RegressionFor("INTAKE-1")]
                public void Helper() { }
            }
            """;

        Assert.Null(await PropertyOfOnlyDiagnosticAsync(source, ProofIsNotATestAnalyzer.TestAttributeProperty));
    }

    [Fact]
    public async Task A_proof_on_a_local_function_or_lambda_is_reported()
    {
        const string source = """
            using System;
            using RegressionProof;
            using Xunit;

            public class CheckoutTests
            {
                [Fact]
                public void Real()
                {
                    Local();
                    Action lambda = [{|#0:RegressionFor("INTAKE-1")|}] () => { };

                    [{|#1:RegressionFor("INTAKE-1")|}]
                    void Local() { }
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0003_ProofOnLocalFunction).WithLocation(0).WithArguments("RegressionFor", "INTAKE-1", "lambda expression"),
            Verify.Diagnostic(Descriptors.RP0003_ProofOnLocalFunction).WithLocation(1).WithArguments("RegressionFor", "INTAKE-1", "Local()"));
    }

    [Fact]
    public async Task A_proof_on_a_class_of_tests_is_not_reported_including_partial_generic_nested_and_inherited_tests()
    {
        const string source = """
            using RegressionProof;
            using Xunit;

            [RegressionFor("INTAKE-1")]
            public partial class CheckoutTests { }

            public partial class CheckoutTests
            {
                [Fact] public void Real() { }
            }

            public abstract class TestBase
            {
                [Fact] public void Inherited() { }
            }

            [RegressionFor("INTAKE-2")]
            public class DerivedTests : TestBase { }

            public class Outer
            {
                [RegressionFor("INTAKE-3")]
                public class NestedTests<T>
                {
                    [Fact] public void Generic() { }
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_proof_on_a_class_without_tests_is_reported()
    {
        const string source = """
            using RegressionProof;

            [{|#0:RegressionFor("INTAKE-1")|}]
            public class CheckoutHelpers
            {
                public void Helper() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0003_ProofOnClassWithoutTests).WithLocation(0).WithArguments("RegressionFor", "INTAKE-1", "CheckoutHelpers"));
    }

    [Fact]
    public async Task Other_attributes_are_not_this_rules_concern()
    {
        const string source = """
            using RegressionProof;

            public class Checkout
            {
                [Fixes("INTAKE-1")]
                [SyntheticProbe("INTAKE-1", Signal = RecurrenceSignal.Error)]
                [DashboardPanel("INTAKE-1", Baseline = "0", Threshold = "1")]
                [ManualVerification("INTAKE-1", Steps = "s", RecordedOn = "2026-11-01", AutomateBy = "2026-11-10")]
                public void Apply() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_project_without_the_attributes_gets_nothing()
    {
        var test = new Verify.Test
        {
            TestCode = """
                [System.Obsolete]
                public class Checkout { }
                """,
        };
        test.TestState.AdditionalReferences.Clear();

        await test.RunAsync();
    }

    private static async Task<string?> PropertyOfOnlyDiagnosticAsync(string source, string property)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new ProofIsNotATestAnalyzer(), source);
        var diagnostic = Assert.Single(diagnostics);
        return diagnostic.Properties.TryGetValue(property, out var value) ? value : null;
    }
}
