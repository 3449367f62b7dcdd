using System.Threading.Tasks;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.UndefinedLevelAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

public class UndefinedLevelAnalyzerTests
{
    [Fact]
    public async Task Defined_levels_and_no_level_are_not_reported()
    {
        const string source = """
            using RegressionProof;
            using Xunit;

            class PricingTests
            {
                [Fact, RegressionFor("INTAKE-1")]
                public void Unit() { }

                [Fact, RegressionFor("INTAKE-1", Level = TestLevel.Integration)]
                public void Integration() { }

                [Fact, RegressionFor("INTAKE-1", Level = (TestLevel)2)]
                public void EndToEnd() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_number_cast_to_TestLevel_that_names_no_level_is_reported_on_the_argument()
    {
        const string source = """
            using RegressionProof;
            using Xunit;

            [RegressionFor("INTAKE-2", {|#1:Level = (TestLevel)(-3)|})]
            class RefundTests
            {
                [Fact, RegressionFor("INTAKE-1", {|#0:Level = (TestLevel)42|})]
                public void Discount() { }

                [Fact]
                public void Refund() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic("RP0011").WithLocation(0).WithArguments("RegressionFor", "INTAKE-1", "RefundTests.Discount()", "(TestLevel)42"),
            Verify.Diagnostic("RP0011").WithLocation(1).WithArguments("RegressionFor", "INTAKE-2", "RefundTests", "(TestLevel)-3"));
    }
}
