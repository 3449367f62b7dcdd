using System.Threading.Tasks;
using RegressionProof.Analyzers.Rules;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.InvalidManualVerificationAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

public class InvalidManualVerificationAnalyzerTests
{
    [Theory]
    [InlineData("2026-11-02", "2026-11-02")]
    [InlineData("2026-11-02", "2026-11-16")]
    [InlineData("2026-12-25", "2027-01-08")]
    [InlineData("2028-02-20", "2028-03-05")]
    public async Task A_complete_verification_with_automation_within_a_sprint_is_not_reported(string recordedOn, string automateBy)
    {
        var source = $$"""
            using RegressionProof;

            class Checkout
            {
                [ManualVerification("INTAKE-1", Steps = "Apply SAVE100 to a 50 EUR basket; total is 0.00", RecordedOn = "{{recordedOn}}", AutomateBy = "{{automateBy}}")]
                void Apply() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Missing_arguments_are_named()
    {
        const string source = """
            using RegressionProof;

            class Checkout
            {
                [{|#0:ManualVerification("INTAKE-1")|}]
                void A() { }

                [{|#1:ManualVerification("INTAKE-1", Steps = "click", RecordedOn = "")|}]
                void B() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0005_InvalidManualVerification).WithLocation(0).WithArguments("INTAKE-1", "Checkout.A()",
                "Steps and RecordedOn and AutomateBy"),
            Verify.Diagnostic(Descriptors.RP0005_InvalidManualVerification).WithLocation(1).WithArguments("INTAKE-1", "Checkout.B()",
                "RecordedOn and AutomateBy"));
    }

    [Theory]
    [InlineData("RecordedOn", "2026-13-01", "2026-11-10")]
    [InlineData("RecordedOn", "02/11/2026", "2026-11-10")]
    [InlineData("AutomateBy", "2026-11-01", "2026-11-31")]
    [InlineData("AutomateBy", "2026-11-01", "next sprint")]
    [InlineData("AutomateBy", "2026-11-01", "2026-11-1")]
    public async Task A_date_that_does_not_parse_is_reported(string argument, string recordedOn, string automateBy)
    {
        var source = $$"""
            using RegressionProof;

            class Checkout
            {
                [{|#0:ManualVerification("INTAKE-1", Steps = "click", RecordedOn = "{{recordedOn}}", AutomateBy = "{{automateBy}}")|}]
                void A() { }
            }
            """;

        var bad = argument == "RecordedOn" ? recordedOn : automateBy;
        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0005_ManualVerificationDateIsNotADate).WithLocation(0).WithArguments("INTAKE-1", "Checkout.A()",
                argument, bad, "yyyy-MM-dd"));
    }

    [Fact]
    public async Task Automation_scheduled_after_one_sprint_is_reported_with_the_latest_allowed_date()
    {
        const string source = """
            using RegressionProof;

            class Checkout
            {
                [{|#0:ManualVerification("INTAKE-1", Steps = "click", RecordedOn = "2026-11-02", AutomateBy = "2026-11-17")|}]
                void A() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0005_AutomationScheduledTooLate).WithLocation(0).WithArguments("INTAKE-1", "Checkout.A()",
                "2026-11-17", "14", "2026-11-02", "2026-11-16"));
    }

    [Fact]
    public async Task The_sprint_length_comes_from_editorconfig()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using RegressionProof;

                class Checkout
                {
                    [ManualVerification("INTAKE-1", Steps = "click", RecordedOn = "2026-11-02", AutomateBy = "2026-11-09")]
                    void Fine() { }

                    [{|#0:ManualVerification("INTAKE-1", Steps = "click", RecordedOn = "2026-11-02", AutomateBy = "2026-11-10")|}]
                    void Late() { }
                }
                """,
            EditorConfig = { "regression_proof.sprint_days = 7" },
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0005_AutomationScheduledTooLate).WithLocation(0).WithArguments("INTAKE-1", "Checkout.Late()",
            "2026-11-10", "7", "2026-11-02", "2026-11-09"));

        await test.RunAsync();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("two weeks")]
    [InlineData("367")]
    public async Task An_invalid_sprint_length_falls_back_to_14_days(string value)
    {
        var test = new Verify.Test
        {
            TestCode = """
                using RegressionProof;

                class Checkout
                {
                    [ManualVerification("INTAKE-1", Steps = "click", RecordedOn = "2026-11-02", AutomateBy = "2026-11-16")]
                    void Fine() { }
                }
                """,
            EditorConfig = { $"regression_proof.sprint_days = {value}" },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task The_problem_and_sprint_length_are_passed_to_the_code_fix()
    {
        const string source = """
            using RegressionProof;

            class Checkout
            {
                [ManualVerification("INTAKE-1", Steps = "click", RecordedOn = "2026-11-02", AutomateBy = "2026-12-30")]
                void A() { }
            }
            """;

        var diagnostic = Assert.Single(await Verifiers.AnalyzerRunner.RunAsync(new InvalidManualVerificationAnalyzer(), source));
        Assert.Equal(InvalidManualVerificationAnalyzer.AutomationTooLate, diagnostic.Properties[InvalidManualVerificationAnalyzer.ProblemProperty]);
        Assert.Equal("14", diagnostic.Properties[InvalidManualVerificationAnalyzer.SprintDaysProperty]);
    }
}
