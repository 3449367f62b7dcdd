using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.ArgumentIsNotConstantAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

public class ArgumentIsNotConstantAnalyzerTests
{
    [Fact]
    public async Task A_non_constant_intake_id_is_reported_on_the_argument()
    {
        const string source = """
            using RegressionProof;

            class Checkout
            {
                static string card = "INTAKE-1";

                [Fixes({|#0:{|CS0182:Card()|}|})]
                void Apply() { }

                [Fixes({|#1:{|CS0182:card|}|})]
                void Refund() { }

                static string Card() => "INTAKE-1";
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic("RP0006").WithLocation(0).WithArguments("intake ID", "Fixes", "Checkout.Apply()", "string"),
            Verify.Diagnostic("RP0006").WithLocation(1).WithArguments("intake ID", "Fixes", "Checkout.Refund()", "string"));
    }

    [Fact]
    public async Task Non_constant_required_arguments_are_reported_on_each_argument()
    {
        const string source = """
            using RegressionProof;

            class Monitoring
            {
                static RecurrenceSignal signal = RecurrenceSignal.Error;
                static string today = "2026-11-01";

                [SyntheticProbe("INTAKE-1", Signal = {|#0:{|CS0182:signal|}|})]
                void Probe() { }

                [DashboardPanel("INTAKE-1", Baseline = {|#1:{|CS0182:today|}|}, Threshold = "> 0")]
                void Panel() { }

                [ManualVerification("INTAKE-1", Steps = "click", RecordedOn = {|#2:{|CS0182:today|}|}, AutomateBy = {|#3:{|CS0182:today|}|})]
                void Checked() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic("RP0006").WithLocation(0).WithArguments("Signal", "SyntheticProbe", "Monitoring.Probe()", "RecurrenceSignal"),
            Verify.Diagnostic("RP0006").WithLocation(1).WithArguments("Baseline", "DashboardPanel", "Monitoring.Panel()", "string"),
            Verify.Diagnostic("RP0006").WithLocation(2).WithArguments("RecordedOn", "ManualVerification", "Monitoring.Checked()", "string"),
            Verify.Diagnostic("RP0006").WithLocation(3).WithArguments("AutomateBy", "ManualVerification", "Monitoring.Checked()", "string"));
    }

    [Fact]
    public async Task A_wrong_argument_type_is_not_a_constant_of_the_declared_type()
    {
        const string source = """
            using RegressionProof;

            class Checkout
            {
                [Fixes({|#0:{|CS1503:123|}|})]
                void Apply() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic("RP0006").WithLocation(0).WithArguments("intake ID", "Fixes", "Checkout.Apply()", "string"));
    }

    [Fact]
    public async Task Constants_of_every_form_are_accepted()
    {
        const string source = """
            using RegressionProof;

            static class Cards
            {
                public const string Discount = "INTAKE-" + "123";
            }

            class Checkout
            {
                const string Local = "INTAKE-9";

                [Fixes(Cards.Discount)]
                [Fixes(Local)]
                [Fixes(nameof(Checkout))]
                [Fixes($"{Cards.Discount}")]
                [SyntheticProbe(Local, Signal = RecurrenceSignal.Error | RecurrenceSignal.Cost)]
                [DashboardPanel(Local, Baseline = Local + "b", Threshold = Cards.Discount)]
                void Apply() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_missing_intake_id_is_left_to_the_compiler()
    {
        const string source = """
            using RegressionProof;

            class Checkout
            {
                [{|CS7036:Fixes|}]
                void Apply() { }

                [{|CS7036:Fixes()|}]
                void Refund() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
