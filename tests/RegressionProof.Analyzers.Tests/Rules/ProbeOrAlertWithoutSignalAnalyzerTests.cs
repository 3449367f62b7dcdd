using RegressionProof.Analyzers;
using System.Threading.Tasks;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.ProbeOrAlertWithoutSignalAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

public class ProbeOrAlertWithoutSignalAnalyzerTests
{
    [Theory]
    [InlineData("Latency")]
    [InlineData("Error")]
    [InlineData("Cost")]
    [InlineData("PolicyDenial")]
    public async Task A_probe_or_alert_with_a_signal_is_not_reported(string signal)
    {
        var source = $$"""
            using RegressionProof;

            [SyntheticProbe("INTAKE-1", Signal = RecurrenceSignal.{{signal}}, Name = "checkout-probe")]
            class CheckoutProbe
            {
                [RecurrenceAlert("INTAKE-1", Rule = "p95 > 800ms", Signal = RecurrenceSignal.{{signal}})]
                public static readonly string Alert = "checkout-latency";
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_probe_or_alert_without_a_signal_is_reported_on_the_attribute()
    {
        const string source = """
            using RegressionProof;

            [{|#0:SyntheticProbe("INTAKE-1")|}]
            class CheckoutProbe
            {
                [{|#1:RecurrenceAlert("INTAKE-2", Rule = "errors > 5/min")|}]
                public int Alert { get; }

                [{|#2:SyntheticProbe("INTAKE-3", Signal = default)|}]
                void Run() { }

                [{|#3:RecurrenceAlert("INTAKE-4", Signal = (RecurrenceSignal)0)|}]
                void Watch() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0008_ProbeOrAlertWithoutSignal).WithLocation(0).WithArguments("SyntheticProbe", "INTAKE-1", "CheckoutProbe"),
            Verify.Diagnostic(Descriptors.RP0008_ProbeOrAlertWithoutSignal).WithLocation(1).WithArguments("RecurrenceAlert", "INTAKE-2", "CheckoutProbe.Alert"),
            Verify.Diagnostic(Descriptors.RP0008_ProbeOrAlertWithoutSignal).WithLocation(2).WithArguments("SyntheticProbe", "INTAKE-3", "CheckoutProbe.Run()"),
            Verify.Diagnostic(Descriptors.RP0008_ProbeOrAlertWithoutSignal).WithLocation(3).WithArguments("RecurrenceAlert", "INTAKE-4", "CheckoutProbe.Watch()"));
    }

    [Fact]
    public async Task A_number_cast_to_RecurrenceSignal_that_names_no_signal_is_reported_as_not_defined()
    {
        const string source = """
            using RegressionProof;

            class CheckoutProbe
            {
                [{|#0:SyntheticProbe("INTAKE-1", Signal = (RecurrenceSignal)99)|}]
                void Run() { }

                [{|#1:RecurrenceAlert("INTAKE-2", Signal = (RecurrenceSignal)(-1))|}]
                void Watch() { }

                [SyntheticProbe("INTAKE-3", Signal = (RecurrenceSignal)4)]
                void Defined() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0008_UndefinedSignal).WithLocation(0).WithArguments("SyntheticProbe", "INTAKE-1", "CheckoutProbe.Run()", "(RecurrenceSignal)99"),
            Verify.Diagnostic(Descriptors.RP0008_UndefinedSignal).WithLocation(1).WithArguments("RecurrenceAlert", "INTAKE-2", "CheckoutProbe.Watch()", "(RecurrenceSignal)-1"));
    }

    [Fact]
    public async Task A_signal_of_the_wrong_type_is_left_to_the_compiler_and_RP0006()
    {
        const string source = """
            using RegressionProof;

            class CheckoutProbe
            {
                [SyntheticProbe("INTAKE-1", Signal = {|CS0029:"Error"|})]
                void Run() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Other_kinds_do_not_need_a_signal()
    {
        const string source = """
            using RegressionProof;

            class Checkout
            {
                [Fixes("INTAKE-1")]
                [DashboardPanel("INTAKE-1", Baseline = "0", Threshold = "1")]
                void Apply() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
