using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RegressionProof.Analyzers.Rules;
using RegressionProof.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.InvalidConfigurationAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

public class InvalidConfigurationAnalyzerTests
{
    private const string Source = """
        using RegressionProof;

        class Checkout
        {
            [Fixes("INTAKE-123")]
            void Apply() { }
        }
        """;

    [Fact]
    public async Task Valid_configuration_is_not_reported()
    {
        var test = CardNotInReleaseFileAnalyzerTests.WithReleaseFile(Source, "/repo/release.json", CardNotInReleaseFileAnalyzerTests.ReleaseJson, "/repo/release.json");
        test.EditorConfig.Add("regression_proof.intake_id_pattern = ^[A-Z]+-[0-9]+$");
        test.EditorConfig.Add("regression_proof.sprint_days = 10");

        await test.RunAsync();
    }

    [Fact]
    public async Task An_empty_pattern_is_reported_with_its_own_message()
    {
        var options = TestAnalyzerOptions.Create(treeOptions: new Dictionary<string, string> { ["regression_proof.intake_id_pattern"] = " " });
        var compilation = AnalyzerRunner.CreateCompilation("Shop", [Source]);

        var diagnostic = Assert.Single(await AnalyzerRunner.RunAsync(compilation, [new InvalidConfigurationAnalyzer()], options));

        Assert.Same(Descriptors.RP0010_EmptyIntakeIdPattern, diagnostic.Descriptor);
        Assert.Equal(
            "regression_proof.intake_id_pattern is empty; only empty intake IDs and IDs with control characters are reported",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_RP0010_message_is_its_own_descriptor_of_one_rule()
    {
        var descriptors = new InvalidConfigurationAnalyzer().SupportedDiagnostics;

        Assert.All(descriptors, d => Assert.Equal("RP0010", d.Id));
        Assert.Equal(descriptors.Length, descriptors.Select(d => d.MessageFormat.ToString(CultureInfo.InvariantCulture)).Distinct().Count());
        Assert.DoesNotContain(descriptors, d => d.MessageFormat.ToString(CultureInfo.InvariantCulture) == "{0}");
    }

    [Fact]
    public async Task An_invalid_pattern_is_reported_once_for_the_whole_compilation()
    {
        var test = new Verify.Test
        {
            TestState = { Sources = { Source, Source.Replace("Checkout", "Refund") } },
            EditorConfig = { "regression_proof.intake_id_pattern = ([A-Z" },
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0010_InvalidIntakeIdPattern).WithNoLocation().WithMessage(
            "regression_proof.intake_id_pattern '([A-Z' is not a valid regular expression: Invalid pattern '([A-Z' at offset 5. Unterminated [] set.; only empty intake IDs and IDs with control characters are reported"));

        await test.RunAsync();
    }

    [Fact]
    public async Task An_invalid_sprint_length_is_reported_with_the_fallback()
    {
        var test = new Verify.Test
        {
            TestCode = Source,
            EditorConfig = { "regression_proof.sprint_days = fortnight" },
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0010_InvalidSprintDays).WithNoLocation().WithMessage(
            "regression_proof.sprint_days 'fortnight' is not a whole number of days between 1 and 366; using 14"));

        await test.RunAsync();
    }

    // The testing library drops diagnostics located in additional files, so these run the analyzer directly.
    [Fact]
    public async Task A_malformed_release_file_is_reported_at_the_line_and_column_of_the_problem()
    {
        var diagnostic = Assert.Single(await RunWithReleaseFileAsync("{\n  \"cards\": [\n    { \"id\": \"INTAKE-1\" },\n    oops\n  ]\n}"));

        Assert.Same(Descriptors.RP0010_InvalidReleaseFile, diagnostic.Descriptor);
        Assert.Equal(
            "The release file '/repo/release.json' is not valid at line 4, column 5: unexpected 'o'; expected a value; card IDs are not checked against it",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/repo/release.json", span.Path);
        Assert.Equal(new LinePosition(3, 4), span.StartLinePosition);
    }

    [Theory]
    [InlineData("{ \"version\": \"1.0.0\" }", 1, 1, "\"cards\" must be an array of cards")]
    [InlineData("", 1, 1, "the file is empty; expected a JSON object")]
    [InlineData("\uFEFF{ \"cards\": [ { \"id\": 7 } ] }", 1, 22, "every card needs an \"id\" string")]
    [InlineData("{ \"cards\": [ ", 1, 14, "unexpected end of file; expected a value")]
    [InlineData("[1, 2]", 1, 1, "the release file must be a JSON object")]
    [InlineData("{ \"cards\": [] } trailing", 1, 17, "unexpected 't' after the end of the JSON value")]
    [InlineData("{ \"cards\": [ { \"id\": \"A\\q\" } ] }", 1, 24, "'\\q' is not a JSON escape")]
    public async Task Every_kind_of_malformed_release_file_is_reported_once_with_its_position(string json, int line, int column, string problem)
    {
        var diagnostic = Assert.Single(await RunWithReleaseFileAsync(json));

        Assert.Same(Descriptors.RP0010_InvalidReleaseFile, diagnostic.Descriptor);
        Assert.Equal(
            $"The release file '/repo/release.json' is not valid at line {line}, column {column}: {problem}; card IDs are not checked against it",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    private static async Task<ImmutableArray<Diagnostic>> RunWithReleaseFileAsync(string json)
    {
        var options = TestAnalyzerOptions.Create(
            new Dictionary<string, string> { ["build_property.RegressionProofReleaseFile"] = "/repo/release.json" },
            treeOptions: null,
            ("/repo/release.json", json));
        var compilation = AnalyzerRunner.CreateCompilation("Shop", [Source]);
        return await AnalyzerRunner.RunAsync(compilation, [new InvalidConfigurationAnalyzer(), new CardNotInReleaseFileAnalyzer()], options);
    }

    [Fact]
    public async Task A_configured_release_file_that_is_not_an_additional_file_is_reported()
    {
        var test = new Verify.Test
        {
            TestCode = Source,
            BuildProperties = { ["RegressionProofReleaseFile"] = "/repo/release.json" },
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.RP0010_ReleaseFileNotFound).WithNoLocation().WithMessage(
            "The release file '/repo/release.json' (RegressionProofReleaseFile) is not among the compilation's AdditionalFiles; card IDs are not checked against it"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_project_without_the_attributes_is_not_configured_by_RegressionProof()
    {
        var test = new Verify.Test
        {
            TestCode = "class Checkout { }",
            EditorConfig = { "regression_proof.sprint_days = fortnight" },
        };
        test.TestState.AdditionalReferences.Clear();

        await test.RunAsync();
    }
}
