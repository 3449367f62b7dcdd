using System.Threading.Tasks;
using RegressionProof.Analyzers.Rules;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.InvalidIntakeIdAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

public class InvalidIntakeIdAnalyzerTests
{
    [Theory]
    [InlineData("Fixes")]
    [InlineData("RegressionFor")]
    [InlineData("MigrationTest")]
    public async Task An_empty_id_is_reported_on_the_argument(string attribute)
    {
        var source = $$"""
            using RegressionProof;

            class Checkout
            {
                [{{attribute}}({|#0:""|})]
                void Apply() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0002_EmptyIntakeId).WithLocation(0).WithArguments("\"\"", "Checkout.Apply()"));
    }

    [Fact]
    public async Task Whitespace_and_null_ids_are_empty()
    {
        const string source = """
            using RegressionProof;

            class Checkout
            {
                [Fixes({|#0:"   "|})]
                [Fixes({|#1:null|})]
                void Apply() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0002_EmptyIntakeId).WithLocation(0).WithArguments("\"   \"", "Checkout.Apply()"),
            Verify.Diagnostic(Descriptors.RP0002_EmptyIntakeId).WithLocation(1).WithArguments("null", "Checkout.Apply()"));
    }

    [Theory]
    [InlineData("intake-123")]
    [InlineData("INTAKE123")]
    [InlineData("INTAKE-")]
    [InlineData("-123")]
    [InlineData("1NTAKE-123")]
    [InlineData("INTAKE-123 ")]
    public async Task An_id_that_does_not_match_the_default_pattern_is_reported(string id)
    {
        var source = $$"""
            using RegressionProof;

            class Checkout
            {
                [Fixes({|#0:"{{id}}"|})]
                void Apply() { }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0002_InvalidIntakeId).WithLocation(0).WithArguments(
                $"\"{id}\"", "Checkout.Apply()", "^[A-Z][A-Z0-9]*-[0-9]+\\z"));
    }

    [Theory]
    [InlineData("INTAKE-123")]
    [InlineData("OPS2-7")]
    [InlineData("X-1")]
    public async Task Ids_that_match_the_default_pattern_are_not_reported(string id)
    {
        var source = $$"""
            using RegressionProof;

            [Fixes("{{id}}")]
            class Checkout
            {
                [Fixes("{{id}}"), Fixes("OTHER-2")]
                void Apply() { }

                [Fixes(intakeId: "{{id}}")]
                int Total { get; set; }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task The_configured_pattern_replaces_the_default()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using RegressionProof;

                class Checkout
                {
                    [Fixes("JIRA_42")]
                    void Apply() { }

                    [Fixes({|#0:"INTAKE-123"|})]
                    void Refund() { }
                }
                """,
            EditorConfig = { "regression_proof.intake_id_pattern = ^JIRA_[0-9]+$" },
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0002_InvalidIntakeId).WithLocation(0).WithArguments(
            "\"INTAKE-123\"", "Checkout.Refund()", "^JIRA_[0-9]+$"));

        await test.RunAsync();
    }

    [Fact]
    public async Task An_invalid_pattern_checks_only_for_empty_ids()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using RegressionProof;

                class Checkout
                {
                    [Fixes("anything goes")]
                    void Apply() { }

                    [Fixes({|#0:""|})]
                    void Refund() { }
                }
                """,
            EditorConfig = { "regression_proof.intake_id_pattern = ([A-Z" },
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0002_EmptyIntakeId).WithLocation(0).WithArguments(
            "\"\"", "Checkout.Refund()"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Ids_on_every_kind_of_member_and_local_functions_are_checked()
    {
        const string source = """
            using System;
            using RegressionProof;
            using Probe = RegressionProof.SyntheticProbeAttribute;

            [Fixes({|#0:"bad"|})]
            struct Money { }

            partial class Checkout
            {
                [RegressionProof.Fixes({|#1:"bad"|})]
                event EventHandler? Changed;

                [global::RegressionProof.FixesAttribute({|#2:"bad"|})]
                int field;

                [Probe({|#3:"bad"|}, Signal = RecurrenceSignal.Error)]
                void ProbeIt() { }

                void Outer()
                {
                    Local();

                    [Fixes({|#4:"bad"|})]
                    void Local() { }
                }

                class Nested<T>
                {
                    [Fixes({|#5:"bad"|})]
                    T Get() => default!;
                }
            }
            """;

        const string pattern = "^[A-Z][A-Z0-9]*-[0-9]+\\z";
        await Verify.VerifyAnalyzerAsync(source,
            Verify.Diagnostic(Descriptors.RP0002_InvalidIntakeId).WithLocation(0).WithArguments("\"bad\"", "Money", pattern),
            Verify.Diagnostic(Descriptors.RP0002_InvalidIntakeId).WithLocation(1).WithArguments("\"bad\"", "Checkout.Changed", pattern),
            Verify.Diagnostic(Descriptors.RP0002_InvalidIntakeId).WithLocation(2).WithArguments("\"bad\"", "Checkout.field", pattern),
            Verify.Diagnostic(Descriptors.RP0002_InvalidIntakeId).WithLocation(3).WithArguments("\"bad\"", "Checkout.ProbeIt()", pattern),
            Verify.Diagnostic(Descriptors.RP0002_InvalidIntakeId).WithLocation(4).WithArguments("\"bad\"", "Local()", pattern),
            Verify.Diagnostic(Descriptors.RP0002_InvalidIntakeId).WithLocation(5).WithArguments("\"bad\"", "Checkout.Nested<T>.Get()", pattern));
    }
}
