using System.Linq;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Tests.Api;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>The copies of one assembly (target frameworks, test output folders) are scanned as one assembly.</summary>
public sealed class AssemblyScannerTests : System.IDisposable
{
    private const string Net8Links =
        """[{"kind":"fixes","card":"INTAKE-2","symbol":"M:Shop.Basket.Add","display":"Basket.Add()","path":"src/b.cs","line":5,"fingerprint":"sha256:b5"},"""
        + """{"kind":"fixes","card":"INTAKE-1","symbol":"M:Shop.Cart.Total","display":"Cart.Total()","path":"src/a.cs","line":9,"fingerprint":"sha256:a9"}]""";

    private const string Net9Links =
        """[{"kind":"fixes","card":"INTAKE-1","symbol":"M:Shop.Cart.Total","display":"Cart.Total()","path":"src/a.cs","line":9,"fingerprint":"sha256:a9"},"""
        + """{"kind":"regression-for","card":"INTAKE-1","symbol":"M:Shop.CartTests.Total","display":"CartTests.Total()","path":"src/a.cs","line":2,"framework":"xunit","test":"Shop.CartTests.Total","fingerprint":"sha256:a2"}]""";

    private const string Net8Source = "namespace Shop; public class Cart { public int Total() => 0; }";
    private const string Net9Source = Net8Source + " public class Basket { public void Add() { } }";

    private readonly TempFolder _folder = new();

    [Fact]
    public void Two_copies_of_an_assembly_are_one_with_each_link_once_in_source_order_and_the_union_of_their_api()
    {
        // Scanned in this order: the copy whose links are out of source order first.
        var net9 = Copy("net9.0", Net9Links, Net9Source);
        var net8 = Copy("net8.0", Net8Links, Net8Source);

        var assembly = Assert.Single(AssemblyScanner.Scan([net9, net8], _folder.Path));

        Assert.Equal("Shop", assembly.Name);
        Assert.Equal(["net8.0/Shop.dll", "net9.0/Shop.dll"], assembly.Files.Select(f => f.Path));
        Assert.Equal(
            ["src/a.cs:2 regression-for INTAKE-1", "src/a.cs:9 fixes INTAKE-1", "src/b.cs:5 fixes INTAKE-2"],
            assembly.Links.Select(l => $"{l.Path}:{l.Line} {l.Kind} {l.Card}"));
        Assert.Equal(ApiLibrary.Api(Net8Source).Concat(ApiLibrary.Api(Net9Source)).Distinct().Order(System.StringComparer.Ordinal), assembly.PublicApi);
    }

    [Fact]
    public void An_assembly_keeps_the_names_it_references_and_is_a_test_assembly_when_one_is_a_test_framework()
    {
        var manifest = "{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"Shop.Tests\",\"links\":[]}";
        var xunit = Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location);
        var tests = _folder.WriteBytes("Shop.Tests.dll", ApiLibrary.Compile(TestAssemblies.WithManifest(manifest) + "\npublic class CartTests { [Xunit.Fact] public void Total() { } }", "Shop.Tests", xunit));
        var product = Copy("net8.0", Net8Links, Net8Source);

        var scanned = AssemblyScanner.Scan([tests, product], _folder.Path);

        var testAssembly = Assert.Single(scanned, a => a.Name == "Shop.Tests");
        Assert.True(testAssembly.IsTestAssembly);
        Assert.Contains(typeof(FactAttribute).Assembly.GetName().Name, testAssembly.References);
        Assert.False(Assert.Single(scanned, a => a.Name == "Shop").IsTestAssembly);
    }

    private string Copy(string folder, string links, string source)
    {
        var manifest = "{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"Shop\",\"publicApiChecked\":true,\"links\":" + links + "}";
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(_folder.Path, folder));
        return _folder.WriteBytes(folder + "/Shop.dll", ApiLibrary.Compile(TestAssemblies.WithManifest(manifest) + "\n" + source));
    }

    public void Dispose() => _folder.Dispose();
}
