using System.Threading.Tasks;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.CardNotInReleaseFileAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

public class CardNotInReleaseFileAnalyzerTests
{
    internal const string ReleaseJson = """
        {
          "version": "2.4.1",
          "class": "patch",
          "cards": [
            { "id": "INTAKE-123", "title": "Discount can go negative", "priority": "P1" },
            { "id": "INTAKE-124", "title": "Refund rounding" }
          ],
          "retired": ["INTAKE-7", { "id": "INTAKE-8" }]
        }
        """;

    private const string Source = """
        using RegressionProof;

        class Checkout
        {
            [Fixes("INTAKE-123")]
            [Fixes("INTAKE-124")]
            [Fixes("INTAKE-7")]
            [Fixes("INTAKE-8")]
            [Fixes({|#0:"INTAKE-999"|})]
            void Apply() { }

            [Xunit.Fact, RegressionFor({|#1:"INTAKE-12"|})]
            public void Test() { }
        }
        """;

    [Fact]
    public async Task Ids_that_are_not_cards_or_retired_cards_of_the_release_file_are_reported()
    {
        var test = WithReleaseFile(Source, "/repo/release.json", ReleaseJson, "/repo/release.json");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0007").WithLocation(0).WithArguments("INTAKE-999", "Checkout.Apply()", "release.json"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0007").WithLocation(1).WithArguments("INTAKE-12", "Checkout.Test()", "release.json"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Without_a_configured_release_file_nothing_is_reported()
    {
        var test = new Verify.Test { TestCode = Source.Replace("{|#0:", "").Replace("{|#1:", "").Replace("\"|}", "\"") };
        test.TestState.AdditionalFiles.Add(("/repo/release.json", ReleaseJson));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_relative_property_value_finds_the_one_additional_file_of_that_name()
    {
        var test = WithReleaseFile(Source, "/repo/release.json", ReleaseJson, "../release.json");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0007").WithLocation(0).WithArguments("INTAKE-999", "Checkout.Apply()", "release.json"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0007").WithLocation(1).WithArguments("INTAKE-12", "Checkout.Test()", "release.json"));

        await test.RunAsync();
    }

    [Theory]
    [InlineData("{ \"cards\": [ ")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{ \"cards\": [ { \"title\": \"no id\" } ] }")]
    [InlineData("{ \"cards\": 3 }")]
    public async Task A_malformed_or_missing_release_file_disables_the_check(string json)
    {
        var test = WithReleaseFile(Source.Replace("{|#0:", "").Replace("{|#1:", "").Replace("\"|}", "\""), "/repo/release.json", json, "/repo/release.json");

        await test.RunAsync();
    }

    internal static Verify.Test WithReleaseFile(string source, string path, string json, string property)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            BuildProperties = { ["RegressionProofReleaseFile"] = property },
        };
        test.TestState.AdditionalFiles.Add((path, json));
        return test;
    }
}
