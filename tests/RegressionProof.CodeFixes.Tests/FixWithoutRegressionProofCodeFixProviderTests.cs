using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = RegressionProof.CodeFixes.Tests.Verifiers.CSharpCodeFixVerifier<
    RegressionProof.Analyzers.Rules.FixWithoutRegressionProofAnalyzer,
    RegressionProof.CodeFixes.FixWithoutRegressionProofCodeFixProvider>;

namespace RegressionProof.CodeFixes.Tests;

public class FixWithoutRegressionProofCodeFixProviderTests
{
    private const string Unproven = """
        using RegressionProof;

        namespace Shop
        {
            public class Pricing
            {
                [{|RP0001:Fixes("INTAKE-123")|}]
                public decimal ApplyDiscount(decimal total) => total;
            }
        }
        """;

    [Fact]
    public async Task Adds_a_manual_verification_on_the_fixed_member()
    {
        var test = Aggregating(Unproven, """
            using RegressionProof;

            namespace Shop
            {
                public class Pricing
                {
                    [Fixes("INTAKE-123")]
                    [ManualVerification("INTAKE-123", Steps = "<the steps someone else can follow to verify it again>", RecordedOn = "2026-11-24", AutomateBy = "2026-12-08")]
                    public decimal ApplyDiscount(decimal total) => total;
                }
            }
            """);
        test.CodeActionEquivalenceKey = FixWithoutRegressionProofCodeFixProvider.AddManualVerificationEquivalenceKey;

        await test.RunAsync();
    }

    [Fact]
    public async Task Adds_a_failing_regression_test_stub_in_the_framework_the_project_references()
    {
        var test = Aggregating(Unproven, Unproven.Replace("{|RP0001:", "").Replace(")|}]", ")]"));
        test.CodeActionEquivalenceKey = FixWithoutRegressionProofCodeFixProvider.AddTestEquivalenceKey;
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.Add(Analyzers.Tests.Verifiers.TestFrameworkReferences.Attributes);
        test.TestState.AdditionalReferences.Add(Analyzers.Tests.Verifiers.TestFrameworkReferences.NUnit);
        test.FixedState.Sources.Add(("/0/RegressionTests/INTAKE_123RegressionTests.cs", SourceText.From("""
            using NUnit.Framework;
            using RegressionProof;

            namespace Shop.Tests;

            public class INTAKE_123RegressionTests
            {
                [Test]
                [RegressionFor("INTAKE-123")]
                public void ApplyDiscount_does_not_regress()
                {
                    throw new System.InvalidOperationException("Write the regression test for INTAKE-123: reproduce the failure mode the fix removed.");
                }
            }

            """, Encoding.UTF8)));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_fix_in_a_referenced_assembly_has_no_source_to_edit_and_gets_no_fix()
    {
        var test = new Verify.Test
        {
            TestCode = "public class Tests { }",
            BuildProperties = { ["RegressionProofAggregate"] = "true" },
        };
        var shop = test.TestState.AdditionalProjects["Shop"];
        shop.Sources.Add("public class Pricing { [RegressionProof.Fixes(\"INTAKE-1\")] public void Apply() { } }");
        shop.AdditionalReferences.Add(Analyzers.Tests.Verifiers.TestFrameworkReferences.Attributes);
        test.TestState.AdditionalProjectReferences.Add("Shop");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithArguments("INTAKE-1", "Shop: Pricing.Apply()"));
        test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithArguments("INTAKE-1", "Shop: Pricing.Apply()"));

        await test.RunAsync();
    }

    // RP0001 is a compilation-end diagnostic, which the testing library calls non-local; the IDE
    // offers its fixes under full-solution analysis, where it is shown.
    private static Verify.Test Aggregating(string source, string fixedSource) => new()
    {
        TestCode = source,
        FixedCode = fixedSource,
        BuildProperties = { ["RegressionProofAggregate"] = "true" },
        CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
    };
}
