using System.IO;
using System.Linq;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>What the generator embeds in a real assembly file is what the gate's reader gets back.</summary>
public sealed class RoundTripTests : System.IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("regression-proof-roundtrip-").FullName;

    [Fact]
    public void The_reader_returns_the_generated_manifest_from_the_built_assembly()
    {
        var compilation = GeneratorHarness.Compilation(
        [
            ("/repo/src/Shop/Pricing/DiscountCalculator.cs", Samples.Pricing),
            ("/repo/src/Shop/Monitoring/CheckoutMonitoring.cs", Samples.Monitoring),
            ("/repo/tests/Shop.Tests/DiscountTests.cs", Samples.Tests),
        ]);
        var expected = GeneratorHarness.Parse(GeneratorHarness.ManifestJson(compilation)!);

        var assembly = GeneratorHarness.EmitWithGenerator(compilation, _folder);
        var actual = AssemblyManifestReader.Read(assembly);

        Assert.NotNull(actual);
        Assert.Equal(expected.Assembly, actual!.Assembly);
        Assert.Equal(expected.Links, actual.Links);
        Assert.Equal(10, actual.Links.Count);
    }

    [Fact]
    public void An_assembly_built_without_the_attributes_has_no_manifest()
    {
        var compilation = GeneratorHarness.Compilation([("/repo/A.cs", "public class A { }")], "Plain", withAttributes: false);

        Assert.Null(AssemblyManifestReader.Read(GeneratorHarness.EmitWithGenerator(compilation, _folder)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
