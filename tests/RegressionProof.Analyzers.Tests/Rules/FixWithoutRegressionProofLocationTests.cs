using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = RegressionProof.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RegressionProof.Analyzers.Rules.FixWithoutRegressionProofAnalyzer>;

namespace RegressionProof.Analyzers.Tests.Rules;

/// <summary>
/// RP0001 for a fix in a referenced project points at its <c>[Fixes]</c>: the file, line and
/// column its assembly's manifest records, resolved against the repository root, so the build
/// prints <c>/repo/Shop/Ledger.cs(12,6): error RP0001</c> and the IDE navigates there.
/// </summary>
public class FixWithoutRegressionProofLocationTests
{
    // A manifest written before the generator recorded columns.
    private static readonly MetadataReference Ledger = Manifested("Shop.Core", "Shop/Ledger.cs", "12");

    [Fact]
    public async Task A_fix_in_a_referenced_project_is_reported_at_the_file_line_and_column_of_its_attribute()
    {
        var test = Aggregating(repositoryRoot: "/repo");
        test.TestState.AdditionalReferences.Add(Manifested("Shop.Core", "Shop/Ledger.cs", "12", column: "6"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithLocation("/repo/Shop/Ledger.cs", 12, 6).WithArguments("INTAKE-2", "Shop.Core: Ledger.Post()"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_fix_from_a_manifest_without_columns_is_reported_at_the_first_column_of_its_line()
    {
        var test = Aggregating(repositoryRoot: "/repo");
        test.TestState.AdditionalReferences.Add(Ledger);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithLocation("/repo/Shop/Ledger.cs", 12, 1).WithArguments("INTAKE-2", "Shop.Core: Ledger.Post()"));

        await test.RunAsync();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-6")]
    [InlineData("6.5")]
    [InlineData("\"6\"")]
    [InlineData("null")]
    public async Task A_column_that_is_not_a_whole_positive_number_is_left_out_and_the_line_kept(string column)
    {
        // An analyzer never throws: the gate's reader rejects such a manifest, the build reports the fix.
        var test = Aggregating(repositoryRoot: "/repo");
        test.TestState.AdditionalReferences.Add(Manifested("Shop.Core", "Shop/Ledger.cs", "12", column));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithLocation("/repo/Shop/Ledger.cs", 12, 1).WithArguments("INTAKE-2", "Shop.Core: Ledger.Post()"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_repository_root_written_with_backslashes_and_a_trailing_separator_gives_one_path()
    {
        var test = Aggregating(repositoryRoot: @"C:\src\shop\");
        test.TestState.AdditionalReferences.Add(Ledger);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithLocation("C:/src/shop/Shop/Ledger.cs", 12, 1).WithArguments("INTAKE-2", "Shop.Core: Ledger.Post()"));

        await test.RunAsync();
    }

    [Theory]
    [InlineData("Shop/Ledger.cs", "0")]
    [InlineData("Shop/Ledger.cs", "-3")]
    [InlineData("Shop/Ledger.cs", "1.5")]
    [InlineData("Shop/Ledger.cs", "\"12\"")]
    [InlineData("", "12")]
    [InlineData("Shop/Led\\u001bger.cs", "12")]
    public async Task A_manifest_without_a_usable_path_or_line_reports_the_fix_without_a_location(string path, string line)
    {
        var test = Aggregating(repositoryRoot: "/repo");
        test.TestState.AdditionalReferences.Add(Manifested("Shop.Core", path, line));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithArguments("INTAKE-2", "Shop.Core: Ledger.Post()"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Severity_from_an_editorconfig_section_does_not_reach_a_fix_in_another_project_but_a_global_config_does()
    {
        // docs/rules/RP0001.md, "Configuration": a section of .editorconfig applies to the files of
        // this compilation; a fix in a referenced project is located in a file outside it, which
        // only global options (.globalconfig) configure.
        var sectionOnly = Aggregating(repositoryRoot: "/repo", localFix: true);
        sectionOnly.TestState.AdditionalReferences.Add(Ledger);
        sectionOnly.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.RP0001.severity = warning\n"));
        sectionOnly.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments("INTAKE-1", "Pricing.Apply()"));
        sectionOnly.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithLocation("/repo/Shop/Ledger.cs", 12, 1).WithSeverity(DiagnosticSeverity.Error).WithArguments("INTAKE-2", "Shop.Core: Ledger.Post()"));
        await sectionOnly.RunAsync();

        var global = Aggregating(repositoryRoot: "/repo", localFix: true, globalLines: "dotnet_diagnostic.RP0001.severity = warning");
        global.TestState.AdditionalReferences.Add(Ledger);
        global.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments("INTAKE-1", "Pricing.Apply()"));
        global.ExpectedDiagnostics.Add(Verify.Diagnostic("RP0001").WithLocation("/repo/Shop/Ledger.cs", 12, 1).WithSeverity(DiagnosticSeverity.Warning).WithArguments("INTAKE-2", "Shop.Core: Ledger.Post()"));
        await global.RunAsync();
    }

    private static Verify.Test Aggregating(string repositoryRoot, bool localFix = false, string globalLines = "")
    {
        var test = new Verify.Test
        {
            TestCode = localFix
                ? "public class Pricing { [{|#0:RegressionProof.Fixes(\"INTAKE-1\")|}] public void Apply() { } }"
                : "public class Tests { }",
        };

        // Written here rather than through BuildProperties so that one .globalconfig can also carry a severity.
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.RegressionProofAggregate = true\nbuild_property.RegressionProofRepositoryRoot = {repositoryRoot}\n{globalLines}\n"));
        return test;
    }

    private static MetadataReference Manifested(string assembly, string path, string line, string? column = null)
    {
        var columnProperty = column is null ? string.Empty : ",\"column\":" + column;
        var json = $$"""{"schema":"regression-proof/manifest/v1","assembly":"{{assembly}}","links":[{"kind":"fixes","card":"INTAKE-2","symbol":"M:Ledger.Post","display":"Ledger.Post()","path":"{{path}}","line":{{line}}{{columnProperty}},"fingerprint":"sha256:00"}]}""";
        var literal = SymbolDisplayLiteral(json);
        return TestFrameworkReferences.Compile(assembly, $$"""
            [assembly: System.Reflection.AssemblyMetadata("RegressionProof.Manifest", {{literal}})]
            internal static class Ledger
            {
                [RegressionProof.Fixes("INTAKE-2")]
                internal static void Post() { }
            }
            """, TestFrameworkReferences.Attributes);
    }

    private static string SymbolDisplayLiteral(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
