using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.CardNotInReleaseFileAnalyzer>;
using VerifyConfiguration = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.InvalidConfigurationAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

/// <summary>
/// The next release's build: release.json has moved on to 1.0.1, the code still names the cards of
/// 1.0.0, and the previous release's coverage manifest (RegressionProofBaseline) says they are known.
/// </summary>
public class BaselineCardsTests
{
    private const string NextRelease = """
        { "version": "1.0.1", "class": "patch", "cards": [ { "id": "INTAKE-20" } ] }
        """;

    // The shape the gate writes: cards of 1.0.0, a retired card, and links naming a card of an even
    // earlier release that 1.0.0's code still carried.
    private const string PreviousManifest = """
        {
          "schema": "regression-proof/coverage/v1",
          "release": { "version": "1.0.0", "class": "minor", "lane": "standard" },
          "asOf": "2026-11-02",
          "verdict": "pass",
          "cards": [ { "id": "INTAKE-10", "title": "Disc\u006funt", "status": "proven", "fixes": 1, "proofs": 1 } ],
          "retired": [ "INTAKE-3" ],
          "assemblies": [ { "name": "Shop", "files": [], "publicApi": [ "T:Shop.Pricing" ], "migrations": [] } ],
          "links": [
            { "assembly": "Shop", "kind": "fixes", "card": "INTAKE-10", "symbol": "M:Shop.Pricing.Apply", "display": "Pricing.Apply()", "path": "Pricing.cs", "line": 5, "fingerprint": "a" },
            { "assembly": "Shop", "kind": "fixes", "card": "INTAKE-\u0035", "symbol": "M:Shop.Pricing.Round", "display": "Pricing.Round()", "path": "Pricing.cs", "line": 8, "fingerprint": "b", "id": "INTAKE-77" }
          ],
          "findings": [ { "ruleId": "RPG001", "policy": "p", "level": "warning", "card": "INTAKE-66", "message": "m", "fix": "f" } ]
        }
        """;

    private const string Source = """
        using RegressionProof;

        class Pricing
        {
            [Fixes("INTAKE-20")]
            [Fixes("INTAKE-10")]
            [Fixes("INTAKE-5")]
            [Fixes("INTAKE-3")]
            [Fixes({|#0:"INTAKE-66"|})]
            [Fixes({|#1:"INTAKE-77"|})]
            void Apply() { }
        }
        """;

    [Fact]
    public async Task Cards_the_previous_release_knew_are_known_and_only_ids_no_release_knew_are_reported()
    {
        var test = WithBaseline(Source, "/repo/artifacts/1.0.0/coverage-manifest.json", PreviousManifest);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0007").WithLocation(0).WithArguments("INTAKE-66", "Pricing.Apply()", "release.json"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0007").WithLocation(1).WithArguments("INTAKE-77", "Pricing.Apply()", "release.json"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Without_a_baseline_the_cards_of_the_previous_release_are_reported()
    {
        var test = CardNotInReleaseFileAnalyzerTests.WithReleaseFile(Marked(Source, "10", "5", "3"), "/repo/release.json", NextRelease, "/repo/release.json");
        Expect(test, "INTAKE-66", "INTAKE-77", "INTAKE-10", "INTAKE-5", "INTAKE-3");

        await test.RunAsync();
    }

    [Fact]
    public async Task A_relative_baseline_path_finds_the_one_additional_file_of_that_name()
    {
        var test = WithBaseline(Source, "/repo/artifacts/1.0.0/coverage-manifest.json", PreviousManifest, property: "../artifacts/1.0.0/coverage-manifest.json");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0007").WithLocation(0).WithArguments("INTAKE-66", "Pricing.Apply()", "release.json"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0007").WithLocation(1).WithArguments("INTAKE-77", "Pricing.Apply()", "release.json"));

        await test.RunAsync();
    }

    [Theory]
    [InlineData("{ \"schema\": \"regression-proof/coverage/v1\", \"cards\": [ ")]
    [InlineData("")]
    [InlineData("{ \"version\": \"1.0.0\", \"cards\": [ { \"id\": \"INTAKE-10\" } ] }")]
    [InlineData("{ \"schema\": \"regression-proof/coverage/v1\", \"links\": [ 01 ] }")]
    public async Task A_baseline_that_cannot_be_read_disables_the_check_rather_than_report_every_earlier_card(string json)
    {
        var test = WithBaseline(Unmarked(Source), "/repo/coverage-manifest.json", json);

        await test.RunAsync();
    }

    [Fact]
    public async Task A_configured_baseline_that_is_not_an_additional_file_disables_the_check()
    {
        var test = CardNotInReleaseFileAnalyzerTests.WithReleaseFile(Unmarked(Source), "/repo/release.json", NextRelease, "/repo/release.json");
        test.BuildProperties["RegressionProofBaseline"] = "/repo/missing/coverage-manifest.json";

        await test.RunAsync();
    }

    [Fact]
    public async Task A_broken_baseline_is_reported_once_with_its_line_and_column()
    {
        var test = new VerifyConfiguration.Test
        {
            TestCode = Unmarked(Source),
            BuildProperties = { ["RegressionProofBaseline"] = "/repo/coverage-manifest.json" },
        };
        test.TestState.AdditionalFiles.Add(("/repo/coverage-manifest.json", "{\n  \"schema\": \"regression-proof/coverage/v1\",\n  \"cards\": [ { \"id\": \"A\" } { } ]\n}\n"));
        test.ExpectedDiagnostics.Add(VerifyConfiguration.Diagnostic(Descriptors.RP0010_InvalidBaseline)
            .WithSpan("/repo/coverage-manifest.json", 3, 28, 3, 28)
            .WithMessage("The baseline '/repo/coverage-manifest.json' (RegressionProofBaseline) is not valid at line 3, column 28: unexpected '{'; expected ',' or ']'; card IDs are not checked (RP0007)"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_file_that_is_not_a_coverage_manifest_is_reported_as_such()
    {
        var test = new VerifyConfiguration.Test
        {
            TestCode = Unmarked(Source),
            BuildProperties = { ["RegressionProofBaseline"] = "/repo/release.json" },
        };
        test.TestState.AdditionalFiles.Add(("/repo/release.json", NextRelease));
        test.ExpectedDiagnostics.Add(VerifyConfiguration.Diagnostic(Descriptors.RP0010_InvalidBaseline)
            .WithSpan("/repo/release.json", 1, 1, 1, 1)
            .WithMessage("The baseline '/repo/release.json' (RegressionProofBaseline) is not valid at line 1, column 1: it is not a coverage manifest (expected a JSON object with \"schema\": \"regression-proof/coverage/v1\", the coverage-manifest.json the gate writes); card IDs are not checked (RP0007)"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_missing_baseline_is_reported_once_without_a_location()
    {
        var test = new VerifyConfiguration.Test
        {
            TestCode = Unmarked(Source),
            BuildProperties = { ["RegressionProofBaseline"] = "/repo/missing.json" },
        };
        test.ExpectedDiagnostics.Add(VerifyConfiguration.Diagnostic(Descriptors.RP0010_BaselineNotFound)
            .WithMessage("The baseline '/repo/missing.json' (RegressionProofBaseline) is not among the compilation's AdditionalFiles; card IDs are not checked (RP0007)"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_large_baseline_is_read_for_its_ids_only()
    {
        // About 20 MB of links naming cards the code does not use, and one naming INTAKE-10.
        var json = new StringBuilder("{ \"schema\": \"regression-proof/coverage/v1\", \"cards\": [], \"retired\": [], \"links\": [");
        for (var i = 0; i < 60_000; i++)
        {
            json.Append("{ \"assembly\": \"Shop\", \"kind\": \"fixes\", \"card\": \"INTAKE-")
                .Append(1000 + (i % 1000))
                .Append("\", \"symbol\": \"M:Shop.Pricing.Apply").Append(i)
                .Append("\", \"display\": \"").Append('x', 250)
                .Append("\", \"path\": \"src/Shop/Pricing.cs\", \"line\": 12, \"fingerprint\": \"0123456789abcdef\", \"nested\": { \"a\": [1, 2.5e3, -0.1, true, false, null] } },");
        }

        json.Append("{ \"card\": \"INTAKE-10\" } ], \"findings\": [] }");
        var test = WithBaseline(Marked(Source, "5", "3"), "/repo/coverage-manifest.json", json.ToString());
        Expect(test, "INTAKE-66", "INTAKE-77", "INTAKE-5", "INTAKE-3");

        await test.RunAsync();
    }

    private static Verify.Test WithBaseline(string source, string path, string json, string? property = null)
    {
        var test = CardNotInReleaseFileAnalyzerTests.WithReleaseFile(source, "/repo/release.json", NextRelease, "/repo/release.json");
        test.BuildProperties["RegressionProofBaseline"] = property ?? path;
        test.TestState.AdditionalFiles.Add((path, json));
        return test;
    }

    /// <summary>Expects RP0007 on marked locations #0, #1, ... for the given cards, in that order.</summary>
    private static void Expect(Verify.Test test, params string[] cards)
    {
        for (var i = 0; i < cards.Length; i++)
        {
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0007").WithLocation(i).WithArguments(cards[i], "Pricing.Apply()", "release.json"));
        }
    }

    private static string Unmarked(string source) => source.Replace("{|#0:", "").Replace("{|#1:", "").Replace("\"|}", "\"");

    /// <summary>Marks the given cards' IDs as locations #2, #3, ... after the two marked already.</summary>
    private static string Marked(string source, params string[] cards)
    {
        for (var i = 0; i < cards.Length; i++)
        {
            source = source.Replace($"(\"INTAKE-{cards[i]}\")", $"({{|#{i + 2}:\"INTAKE-{cards[i]}\"|}})");
        }

        return source;
    }
}
