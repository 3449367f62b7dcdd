using System.Threading.Tasks;
using Xunit;
using Verify = RegressionProof.CodeFixes.Tests.Verifiers.CSharpCodeFixVerifier<
    RegressionProof.Analyzers.Rules.ProbeOrAlertWithoutSignalAnalyzer,
    RegressionProof.CodeFixes.ProbeOrAlertWithoutSignalCodeFixProvider>;

namespace RegressionProof.CodeFixes.Tests;

public class ProbeOrAlertWithoutSignalCodeFixProviderTests
{
    [Theory]
    [InlineData(ProbeOrAlertWithoutSignalCodeFixProvider.LatencyEquivalenceKey, "Latency")]
    [InlineData(ProbeOrAlertWithoutSignalCodeFixProvider.ErrorEquivalenceKey, "Error")]
    [InlineData(ProbeOrAlertWithoutSignalCodeFixProvider.CostEquivalenceKey, "Cost")]
    [InlineData(ProbeOrAlertWithoutSignalCodeFixProvider.PolicyDenialEquivalenceKey, "PolicyDenial")]
    public async Task Each_signal_is_its_own_action(string key, string signal)
    {
        await Verify.VerifyCodeFixAsync(
            """
            using RegressionProof;

            class Probes
            {
                [{|RP0008:SyntheticProbe("INTAKE-1", Name = "checkout")|}]
                void Probe() { }
            }
            """,
            $$"""
            using RegressionProof;

            class Probes
            {
                [SyntheticProbe("INTAKE-1", Name = "checkout", Signal = RecurrenceSignal.{{signal}})]
                void Probe() { }
            }
            """,
            key);
    }

    [Fact]
    public async Task An_undefined_signal_is_replaced_by_the_chosen_one()
    {
        await Verify.VerifyCodeFixAsync(
            """
            using RegressionProof;

            class Probes
            {
                [{|RP0008:SyntheticProbe("INTAKE-1", Signal = (RecurrenceSignal)99)|}]
                void Probe() { }
            }
            """,
            """
            using RegressionProof;

            class Probes
            {
                [SyntheticProbe("INTAKE-1", Signal = RecurrenceSignal.Cost)]
                void Probe() { }
            }
            """,
            ProbeOrAlertWithoutSignalCodeFixProvider.CostEquivalenceKey);
    }

    [Fact]
    public async Task A_default_signal_is_replaced_and_the_name_is_qualified_only_when_needed()
    {
        await Verify.VerifyCodeFixAsync(
            """
            class Probes
            {
                [{|RP0008:RegressionProof.RecurrenceAlert("INTAKE-1", Signal = default)|}]
                void Alert() { }
            }
            """,
            """
            class Probes
            {
                [RegressionProof.RecurrenceAlert("INTAKE-1", Signal = RegressionProof.RecurrenceSignal.Error)]
                void Alert() { }
            }
            """,
            ProbeOrAlertWithoutSignalCodeFixProvider.ErrorEquivalenceKey);
    }

    [Fact]
    public async Task Fix_all_gives_every_probe_and_alert_the_chosen_signal()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using RegressionProof;

                class Probes
                {
                    [{|RP0008:SyntheticProbe("INTAKE-1")|}]
                    void Probe() { }

                    [{|RP0008:RecurrenceAlert("INTAKE-2")|}]
                    void Alert() { }
                }
                """,
            FixedCode = """
                using RegressionProof;

                class Probes
                {
                    [SyntheticProbe("INTAKE-1", Signal = RecurrenceSignal.Latency)]
                    void Probe() { }

                    [RecurrenceAlert("INTAKE-2", Signal = RecurrenceSignal.Latency)]
                    void Alert() { }
                }
                """,
            CodeActionEquivalenceKey = ProbeOrAlertWithoutSignalCodeFixProvider.LatencyEquivalenceKey,
        };

        await test.RunAsync();
    }
}
