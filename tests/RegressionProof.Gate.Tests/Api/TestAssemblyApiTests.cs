using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Api;

/// <summary>
/// The policy's "zero API change" is about the product's API: a test assembly's public test
/// classes are outside RPG008/RPG009 unless its project opts in.
/// </summary>
public sealed class TestAssemblyApiTests : System.IDisposable
{
    private const string TestsV1 = "namespace Shop.Tests; public class CartTests { [Xunit.Fact] public void Adds() { } }";
    private const string TestsV2 = TestsV1 + " public class RefundTests { [Xunit.Fact] public void Rounds() { } }";
    private const string ManifestWithoutField = """{"schema":"regression-proof/manifest/v1","assembly":"Shop.Tests","links":[]}""";
    private static readonly IReadOnlyList<ManifestLink> Proven = [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")];
    private static readonly MetadataReference Xunit = MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location);
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("""{"schema":"regression-proof/manifest/v1","assembly":"Shop.Tests","publicApiChecked":false,"links":[]}""")]
    [InlineData(ManifestWithoutField)]
    public void A_patch_adding_a_public_regression_test_class_passes(string manifest)
    {
        Assert.Empty(Check(ReleaseClass.Patch, manifest, TestsV1, TestsV2));
    }

    [Fact]
    public void Removing_a_test_class_in_a_minor_release_passes()
    {
        Assert.Empty(Check(ReleaseClass.Minor, ManifestWithoutField, TestsV2, TestsV1));
    }

    [Fact]
    public void A_test_project_that_opts_in_has_its_api_checked()
    {
        var manifest = """{"schema":"regression-proof/manifest/v1","assembly":"Shop.Tests","publicApiChecked":true,"links":[]}""";

        var finding = Assert.Single(Check(ReleaseClass.Patch, manifest, TestsV1, TestsV2));

        Assert.StartsWith("patch 2.4.1 changes the public API of Shop.Tests: 3 added (class Shop.Tests.RefundTests", finding.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_project_that_opts_out_is_not_checked()
    {
        var manifest = """{"schema":"regression-proof/manifest/v1","assembly":"Shop.Tests","publicApiChecked":false,"links":[]}""";

        Assert.Empty(Check(ReleaseClass.Patch, manifest, "namespace Shop; public class Cart { }", "namespace Shop; public class Basket { }", withXunit: false));
    }

    [Fact]
    public void Without_the_field_an_assembly_that_references_no_test_framework_is_checked()
    {
        Assert.Single(Check(ReleaseClass.Patch, ManifestWithoutField, "namespace Shop; public class Cart { }", "namespace Shop; public class Basket { }", withXunit: false));
    }

    [Fact]
    public void The_scanner_reads_the_choice_from_the_manifest_and_falls_back_to_the_references()
    {
        Assert.False(Scan(ManifestWithoutField, TestsV1, withXunit: true).PublicApiChecked);
        Assert.True(Scan(ManifestWithoutField, "public class Cart { }", withXunit: false).PublicApiChecked);
        Assert.True(Scan(ManifestWithoutField.Replace("\"links\"", "\"publicApiChecked\":true,\"links\"", System.StringComparison.Ordinal), TestsV1, withXunit: true).PublicApiChecked);
        Assert.False(Scan(ManifestWithoutField.Replace("\"links\"", "\"publicApiChecked\":false,\"links\"", System.StringComparison.Ordinal), "public class Cart { }", withXunit: false).PublicApiChecked);
    }

    private List<Finding> Check(ReleaseClass releaseClass, string manifest, string before, string after, bool withXunit = true)
    {
        var earlier = Scan(manifest, before, withXunit);
        var current = Scan(manifest, after, withXunit);
        var baseline = new Baseline("baseline.json", "2.4.0", ["INTAKE-1"], Proven,
            new Dictionary<string, IReadOnlyList<string>> { ["Shop.Tests"] = earlier.PublicApi },
            new Dictionary<string, IReadOnlyList<string>> { ["Shop.Tests"] = [] });
        var release = Given.Release(releaseClass);
        var input = new GateInput(release, Given.Changelog(release), [current], null, baseline, Given.Today);
        return ApiCompatibilityCheck.Check(input).ToList();
    }

    private ScannedAssembly Scan(string manifest, string source, bool withXunit)
    {
        var image = ApiLibrary.Compile(TestAssemblies.WithManifest(manifest) + "\n" + source, "Shop.Tests", withXunit ? [Xunit] : []);
        var path = _folder.WriteBytes($"Shop.Tests.{System.Guid.NewGuid():N}.dll", image);
        var scanned = AssemblyScanner.Scan([path], _folder.Path);
        System.IO.File.Delete(path);
        return Assert.Single(scanned);
    }

    public void Dispose() => _folder.Dispose();
}
