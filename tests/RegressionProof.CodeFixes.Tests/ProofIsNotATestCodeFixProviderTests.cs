using System.Threading.Tasks;
using Xunit;
using Verify = RegressionProof.CodeFixes.Tests.Verifiers.CSharpCodeFixVerifier<
    RegressionProof.Analyzers.Rules.ProofIsNotATestAnalyzer,
    RegressionProof.CodeFixes.ProofIsNotATestCodeFixProvider>;

namespace RegressionProof.CodeFixes.Tests;

public class ProofIsNotATestCodeFixProviderTests
{
    [Theory]
    [InlineData("using Xunit;", "[Fact]", "Fact")]
    [InlineData("using NUnit.Framework;", "[Test]", "Test")]
    [InlineData("using Microsoft.VisualStudio.TestTools.UnitTesting;", "[TestMethod]", "TestMethod")]
    [InlineData("using TUnit.Core;", "[Test]", "Test")]
    public async Task Adds_the_test_attribute_of_the_framework_the_class_uses(string usingDirective, string existing, string added)
    {
        var source = $$"""
            {{usingDirective}}
            using RegressionProof;

            public class CheckoutTests
            {
                {{existing}}
                public void Other() { }

                [{|RP0003:RegressionFor("INTAKE-1")|}]
                public void Discount_never_goes_negative() { }
            }
            """;
        var fixedSource = $$"""
            {{usingDirective}}
            using RegressionProof;

            public class CheckoutTests
            {
                {{existing}}
                public void Other() { }

                [{{added}}]
                [RegressionFor("INTAKE-1")]
                public void Discount_never_goes_negative() { }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_all_adds_the_attribute_to_every_proof_that_is_not_a_test()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using RegressionProof;
                using Xunit;

                public class CheckoutTests
                {
                    [Fact]
                    public void Other() { }

                    [{|RP0003:RegressionFor("INTAKE-1")|}]
                    public void A() { }

                    /// <summary>Documented.</summary>
                    [{|RP0003:MigrationTest("INTAKE-2")|}, System.Obsolete]
                    public void B() { }
                }
                """,
            FixedCode = """
                using RegressionProof;
                using Xunit;

                public class CheckoutTests
                {
                    [Fact]
                    public void Other() { }

                    [Fact]
                    [RegressionFor("INTAKE-1")]
                    public void A() { }

                    /// <summary>Documented.</summary>
                    [Fact]
                    [MigrationTest("INTAKE-2"), System.Obsolete]
                    public void B() { }
                }
                """,
            CodeActionEquivalenceKey = ProofIsNotATestCodeFixProvider.EquivalenceKey,
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task Without_a_known_framework_no_fix_is_offered()
    {
        const string source = """
            using RegressionProof;

            public class CheckoutTests
            {
                [{|RP0003:RegressionFor("INTAKE-1")|}]
                public void A() { }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source);
    }
}
