using System.Threading.Tasks;
using Xunit;
using Verify = RegressionProof.CodeFixes.Tests.Verifiers.CSharpCodeFixVerifier<
    RegressionProof.Analyzers.Rules.SkippedProofAnalyzer,
    RegressionProof.CodeFixes.SkippedProofCodeFixProvider>;

namespace RegressionProof.CodeFixes.Tests;

public class SkippedProofCodeFixProviderTests
{
    [Fact]
    public async Task Removes_the_xunit_Skip_argument_and_keeps_the_others()
    {
        await Verify.VerifyCodeFixAsync(
            """
            using RegressionProof;
            using Xunit;

            public class CheckoutTests
            {
                [{|RP0009:Fact(DisplayName = "discount", Skip = "flaky")|}]
                [RegressionFor("INTAKE-1")]
                public void A() { }

                [{|RP0009:Fact(Skip = "flaky")|}, RegressionFor("INTAKE-2")]
                public void B() { }
            }
            """,
            """
            using RegressionProof;
            using Xunit;

            public class CheckoutTests
            {
                [Fact(DisplayName = "discount")]
                [RegressionFor("INTAKE-1")]
                public void A() { }

                [Fact, RegressionFor("INTAKE-2")]
                public void B() { }
            }
            """);
    }

    [Fact]
    public async Task Removes_NUnit_Ignore_MSTest_Ignore_and_TUnit_Skip_attributes()
    {
        await Verify.VerifyCodeFixAsync(
            """
            using RegressionProof;

            public class CheckoutTests
            {
                [NUnit.Framework.Test, {|RP0009:NUnit.Framework.Ignore("flaky")|}]
                [RegressionFor("INTAKE-1")]
                public void A() { }

                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod]
                [{|RP0009:Microsoft.VisualStudio.TestTools.UnitTesting.Ignore|}]
                [RegressionFor("INTAKE-2")]
                public void B() { }

                [TUnit.Core.Test]
                [{|RP0009:TUnit.Core.Skip("later")|}, RegressionFor("INTAKE-3")]
                public void C() { }
            }
            """,
            """
            using RegressionProof;

            public class CheckoutTests
            {
                [NUnit.Framework.Test]
                [RegressionFor("INTAKE-1")]
                public void A() { }

                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod]
                [RegressionFor("INTAKE-2")]
                public void B() { }

                [TUnit.Core.Test]
                [RegressionFor("INTAKE-3")]
                public void C() { }
            }
            """);
    }

    [Fact]
    public async Task Removes_the_Ignore_of_an_NUnit_test_case()
    {
        await Verify.VerifyCodeFixAsync(
            """
            using NUnit.Framework;
            using RegressionProof;

            public class CheckoutTests
            {
                [{|RP0009:TestCase(1, Ignore = "broken")|}]
                [RegressionFor("INTAKE-1")]
                public void A(int value) { }
            }
            """,
            """
            using NUnit.Framework;
            using RegressionProof;

            public class CheckoutTests
            {
                [TestCase(1)]
                [RegressionFor("INTAKE-1")]
                public void A(int value) { }
            }
            """);
    }
}
