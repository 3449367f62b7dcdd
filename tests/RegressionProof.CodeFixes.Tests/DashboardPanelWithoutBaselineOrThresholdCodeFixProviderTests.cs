using System.Threading.Tasks;
using Xunit;
using Verify = RegressionProof.CodeFixes.Tests.Verifiers.CSharpCodeFixVerifier<
    RegressionProof.Analyzers.Rules.DashboardPanelWithoutBaselineOrThresholdAnalyzer,
    RegressionProof.CodeFixes.DashboardPanelWithoutBaselineOrThresholdCodeFixProvider>;

namespace RegressionProof.CodeFixes.Tests;

public class DashboardPanelWithoutBaselineOrThresholdCodeFixProviderTests
{
    [Fact]
    public async Task Adds_both_missing_arguments_as_text_to_complete()
    {
        await Verify.VerifyCodeFixAsync(
            """
            using RegressionProof;

            class Panels
            {
                [{|RP0004:DashboardPanel("INTAKE-1")|}]
                void A() { }
            }
            """,
            """
            using RegressionProof;

            class Panels
            {
                [DashboardPanel("INTAKE-1", Baseline = "<the metric's normal value>", Threshold = "<the value that means the failure is back>")]
                void A() { }
            }
            """);
    }

    [Fact]
    public async Task Replaces_an_empty_argument_and_keeps_the_others()
    {
        await Verify.VerifyCodeFixAsync(
            """
            using RegressionProof;

            class Panels
            {
                [{|RP0004:DashboardPanel("INTAKE-1", Panel = "grafana:7", Baseline = "", Threshold = "> 0")|}]
                void A() { }
            }
            """,
            """
            using RegressionProof;

            class Panels
            {
                [DashboardPanel("INTAKE-1", Panel = "grafana:7", Baseline = "<the metric's normal value>", Threshold = "> 0")]
                void A() { }
            }
            """);
    }

    [Fact]
    public async Task Fix_all_completes_every_panel()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using RegressionProof;

                class Panels
                {
                    [{|RP0004:DashboardPanel("INTAKE-1", Threshold = "> 0")|}]
                    void A() { }

                    [{|RP0004:DashboardPanel("INTAKE-2", Baseline = "0")|}]
                    void B() { }
                }
                """,
            FixedCode = """
                using RegressionProof;

                class Panels
                {
                    [DashboardPanel("INTAKE-1", Threshold = "> 0", Baseline = "<the metric's normal value>")]
                    void A() { }

                    [DashboardPanel("INTAKE-2", Baseline = "0", Threshold = "<the value that means the failure is back>")]
                    void B() { }
                }
                """,
            CodeActionEquivalenceKey = DashboardPanelWithoutBaselineOrThresholdCodeFixProvider.EquivalenceKey,
        };

        await test.RunAsync();
    }
}
