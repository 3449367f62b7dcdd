using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>
/// The manifest says whether the gate checks the assembly's public API (RPG008/RPG009): not for a
/// test project, unless <c>RegressionProofCheckPublicApi</c> says otherwise.
/// </summary>
public class PublicApiCheckedTests
{
    private const string Source = """
        using RegressionProof;
        namespace Shop;
        public class Pricing { [Fixes("INTAKE-1")] public decimal Apply(decimal price) => price; }
        """;

    [Theory]
    [InlineData(false, null, null, true)]
    [InlineData(true, null, null, false)]
    [InlineData(false, "true", null, false)]
    [InlineData(false, "True", null, false)]
    [InlineData(false, "false", null, true)]
    [InlineData(true, null, "true", true)]
    [InlineData(false, "true", "true", true)]
    [InlineData(false, null, "false", false)]
    [InlineData(true, "true", "false", false)]
    [InlineData(true, null, "maybe", false)]
    [InlineData(false, null, "", true)]
    public void A_test_project_is_left_out_unless_the_property_says_otherwise(bool referencesXunit, string? isTestProject, string? checkPublicApi, bool expected)
    {
        var properties = new Dictionary<string, string>();
        if (isTestProject is not null)
        {
            properties["IsTestProject"] = isTestProject;
        }

        if (checkPublicApi is not null)
        {
            properties["RegressionProofCheckPublicApi"] = checkPublicApi;
        }

        Assert.Equal(expected, Manifest(referencesXunit, properties).PublicApiChecked);
    }

    [Fact]
    public void The_field_follows_the_assembly_name_in_the_json()
    {
        var json = GeneratorHarness.JsonOf(Run(Compilation(referencesXunit: false), new Dictionary<string, string>()).GeneratedSources.Single().SourceText.ToString());

        Assert.StartsWith("""{"schema":"regression-proof/manifest/v1","assembly":"Shop","publicApiChecked":true,"links":[""", json, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_property_regenerates_the_manifest()
    {
        var compilation = Compilation(referencesXunit: false);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.True(GeneratorHarness.Parse(GeneratorHarness.JsonOf(driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString())).PublicApiChecked);

        var optedOut = driver.WithUpdatedAnalyzerConfigOptions(
            TestAnalyzerOptions.Create(new Dictionary<string, string>
            {
                ["build_property.RegressionProofRepositoryRoot"] = "/repo",
                ["build_property.ProjectDir"] = "/repo/src/Shop/",
                ["build_property.RegressionProofCheckPublicApi"] = "false",
            }).AnalyzerConfigOptionsProvider).RunGenerators(compilation);

        var json = GeneratorHarness.JsonOf(optedOut.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString());
        Assert.False(GeneratorHarness.Parse(json).PublicApiChecked);
    }

    private static RegressionProof.Manifest.ManifestDocument Manifest(bool referencesXunit, IReadOnlyDictionary<string, string> properties)
    {
        var source = Run(Compilation(referencesXunit), properties).GeneratedSources.Single().SourceText.ToString();
        return GeneratorHarness.Parse(GeneratorHarness.JsonOf(source));
    }

    private static GeneratorRunResult Run(CSharpCompilation compilation, IReadOnlyDictionary<string, string> properties)
    {
        var result = GeneratorHarness.CreateDriver(properties: properties).RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return result;
    }

    private static CSharpCompilation Compilation(bool referencesXunit)
    {
        var references = TestFrameworkReferences.Runtime.Append(TestFrameworkReferences.Attributes);
        if (referencesXunit)
        {
            references = references.Append(TestFrameworkReferences.Xunit);
        }

        return CSharpCompilation.Create(
            "Shop",
            [CSharpSyntaxTree.ParseText(Source, GeneratorHarness.ParseOptions, "/repo/src/Shop/Pricing.cs", Encoding.UTF8)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
