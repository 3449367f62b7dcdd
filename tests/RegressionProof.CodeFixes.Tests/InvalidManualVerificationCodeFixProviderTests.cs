using System.Threading.Tasks;
using Xunit;
using Verify = RegressionProof.CodeFixes.Tests.Verifiers.CSharpCodeFixVerifier<
    RegressionProof.Analyzers.Rules.InvalidManualVerificationAnalyzer,
    RegressionProof.CodeFixes.InvalidManualVerificationCodeFixProvider>;

namespace RegressionProof.CodeFixes.Tests;

/// <summary>"Today" is 2026-11-24 in these tests (see the verifier).</summary>
public class InvalidManualVerificationCodeFixProviderTests
{
    [Fact]
    public async Task Adds_every_missing_argument_dated_today_with_automation_one_sprint_later()
    {
        await Verify.VerifyCodeFixAsync(
            """
            using RegressionProof;

            class Checkout
            {
                [{|RP0005:ManualVerification("INTAKE-1")|}]
                void A() { }
            }
            """,
            """
            using RegressionProof;

            class Checkout
            {
                [ManualVerification("INTAKE-1", Steps = "<the steps someone else can follow to verify it again>", RecordedOn = "2026-11-24", AutomateBy = "2026-12-08")]
                void A() { }
            }
            """,
            InvalidManualVerificationCodeFixProvider.AddArgumentsEquivalenceKey);
    }

    [Fact]
    public async Task A_missing_AutomateBy_is_one_sprint_after_the_written_RecordedOn()
    {
        await Verify.VerifyCodeFixAsync(
            """
            using RegressionProof;

            class Checkout
            {
                [{|RP0005:ManualVerification("INTAKE-1", Steps = "click", RecordedOn = "2026-11-02")|}]
                void A() { }
            }
            """,
            """
            using RegressionProof;

            class Checkout
            {
                [ManualVerification("INTAKE-1", Steps = "click", RecordedOn = "2026-11-02", AutomateBy = "2026-11-16")]
                void A() { }
            }
            """,
            InvalidManualVerificationCodeFixProvider.AddArgumentsEquivalenceKey);
    }

    [Fact]
    public async Task Automation_scheduled_too_late_moves_to_one_configured_sprint_after_RecordedOn()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using RegressionProof;

                class Checkout
                {
                    [{|RP0005:ManualVerification("INTAKE-1", Steps = "click", RecordedOn = "2026-11-02", AutomateBy = "2027-01-31")|}]
                    void A() { }
                }
                """,
            FixedCode = """
                using RegressionProof;

                class Checkout
                {
                    [ManualVerification("INTAKE-1", Steps = "click", RecordedOn = "2026-11-02", AutomateBy = "2026-11-12")]
                    void A() { }
                }
                """,
            EditorConfig = { "regression_proof.sprint_days = 10" },
            CodeActionEquivalenceKey = InvalidManualVerificationCodeFixProvider.ScheduleAutomationEquivalenceKey,
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task An_unparsable_date_gets_no_fix()
    {
        const string source = """
            using RegressionProof;

            class Checkout
            {
                [{|RP0005:ManualVerification("INTAKE-1", Steps = "click", RecordedOn = "2026-13-02", AutomateBy = "2026-11-12")|}]
                void A() { }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task Fix_all_reschedules_every_late_automation()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using RegressionProof;

                class Checkout
                {
                    [{|RP0005:ManualVerification("INTAKE-1", Steps = "a", RecordedOn = "2026-11-02", AutomateBy = "2026-12-31")|}]
                    void A() { }

                    [{|RP0005:ManualVerification("INTAKE-2", Steps = "b", RecordedOn = "2026-12-20", AutomateBy = "2027-02-01")|}]
                    void B() { }
                }
                """,
            FixedCode = """
                using RegressionProof;

                class Checkout
                {
                    [ManualVerification("INTAKE-1", Steps = "a", RecordedOn = "2026-11-02", AutomateBy = "2026-11-16")]
                    void A() { }

                    [ManualVerification("INTAKE-2", Steps = "b", RecordedOn = "2026-12-20", AutomateBy = "2027-01-03")]
                    void B() { }
                }
                """,
            CodeActionEquivalenceKey = InvalidManualVerificationCodeFixProvider.ScheduleAutomationEquivalenceKey,
        };

        await test.RunAsync();
    }
}
