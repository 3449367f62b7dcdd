using System.Threading.Tasks;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.DashboardPanelWithoutBaselineOrThresholdAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

public class DashboardPanelWithoutBaselineOrThresholdAnalyzerTests
{
    [Fact]
    public async Task A_panel_with_baseline_and_threshold_is_not_reported()
    {
        const string source = """
            using RegressionProof;

            [DashboardPanel("INTAKE-1", Baseline = "0 negative totals/day", Threshold = "> 0 for 10m", Panel = "grafana:checkout/7")]
            class CheckoutPanels
            {
                [DashboardPanel("INTAKE-2", Threshold = "> 800ms", Baseline = "p95 < 300ms")]
                static object Latency() => new object();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_missing_baseline_or_threshold_is_reported_on_the_attribute()
    {
        const string source = """
            using RegressionProof;

            class CheckoutPanels
            {
                [{|#0:DashboardPanel("INTAKE-1", Threshold = "> 0")|}]
                void A() { }

                [{|#1:DashboardPanel("INTAKE-1", Baseline = "0")|}]
                void B() { }

                [{|#2:DashboardPanel("INTAKE-1")|}]
                void C() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic("RP0004").WithLocation(0).WithArguments("INTAKE-1", "CheckoutPanels.A()", "Baseline"),
            Verify.Diagnostic("RP0004").WithLocation(1).WithArguments("INTAKE-1", "CheckoutPanels.B()", "Threshold"),
            Verify.Diagnostic("RP0004").WithLocation(2).WithArguments("INTAKE-1", "CheckoutPanels.C()", "Baseline and Threshold"));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("null")]
    public async Task An_empty_baseline_counts_as_missing(string value)
    {
        var source = $$"""
            using RegressionProof;

            class CheckoutPanels
            {
                [{|#0:DashboardPanel("INTAKE-1", Baseline = {{value}}, Threshold = "> 0")|}]
                void A() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic("RP0004").WithLocation(0).WithArguments("INTAKE-1", "CheckoutPanels.A()", "Baseline"));
    }

    [Fact]
    public async Task A_non_constant_baseline_is_left_to_RP0006()
    {
        const string source = """
            using RegressionProof;

            class CheckoutPanels
            {
                static string baseline = "0";

                [DashboardPanel("INTAKE-1", Baseline = {|CS0182:baseline|}, Threshold = "> 0")]
                void A() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task An_unusable_card_id_is_named_as_no_card()
    {
        const string source = """
            using RegressionProof;

            class CheckoutPanels
            {
                [{|#0:DashboardPanel("")|}]
                void A() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic("RP0004").WithLocation(0).WithArguments("(no card)", "CheckoutPanels.A()", "Baseline and Threshold"));
    }
}
