using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>Which classes run a test declared on a base class, read from real assemblies' metadata.</summary>
public sealed class TestClassHierarchyTests : IDisposable
{
    /// <summary>A contract test run by several classes, one level down and two, through an abstract middle, generic and nested.</summary>
    internal const string Contracts = """
        namespace Shop.Tests
        {
            public abstract class PricingContract { public void Never_negative() { } }
            public sealed class SqlPricingTests : PricingContract { }
            public class MemoryPricingTests : PricingContract { }
            public abstract class CachedPricingContract : PricingContract { }
            public sealed class RedisPricingTests : CachedPricingContract { }
            public abstract class RepositoryContract<T> { public void Saves() { } }
            public class Outer { public sealed class NestedRepositoryTests : RepositoryContract<int> { } }
        }
        """;

    private const string Test = "Shop.Tests.PricingContract.Never_negative";

    private readonly TempFolder _folder = new();

    [Fact]
    public void A_test_on_an_abstract_base_runs_as_every_concrete_class_that_inherits_it_at_any_depth()
    {
        var hierarchy = new TestClassHierarchy(Read(Build(_folder.Path, "Shop.Tests", Contracts)));

        Assert.Equal(
            ["Shop.Tests.MemoryPricingTests.Never_negative", Test, "Shop.Tests.RedisPricingTests.Never_negative", "Shop.Tests.SqlPricingTests.Never_negative"],
            hierarchy.RunsOf(Test).Order(StringComparer.Ordinal));
        Assert.Equal(["Shop.Tests.Outer.NestedRepositoryTests.Saves", "Shop.Tests.RepositoryContract.Saves"], hierarchy.RunsOf("Shop.Tests.RepositoryContract.Saves").Order(StringComparer.Ordinal));
        Assert.Equal(["Shop.Tests.SqlPricingTests.Never_negative"], hierarchy.RunsOf("Shop.Tests.SqlPricingTests.Never_negative"));
        Assert.Equal(["NoNamespace"], hierarchy.RunsOf("NoNamespace"));
    }

    [Fact]
    public void Classes_in_another_assembly_inherit_by_full_name()
    {
        var contracts = Build(_folder.Path, "Shop.Tests", Contracts);
        var cloud = Build(_folder.Path, "Shop.Cloud.Tests", "namespace Shop.Cloud.Tests { public sealed class CloudPricingTests : Shop.Tests.PricingContract { } }", contracts);

        var hierarchy = new TestClassHierarchy(Read(contracts).Concat(Read(cloud)));

        Assert.Contains("Shop.Cloud.Tests.CloudPricingTests.Never_negative", hierarchy.RunsOf(Test));
        Assert.Equal(5, hierarchy.RunsOf(Test).Count);
    }

    [Fact]
    public void The_scanner_carries_the_classes_of_every_scanned_assembly()
    {
        var manifest = """{"schema":"regression-proof/manifest/v1","assembly":"Shop.Tests","links":[]}""";
        var path = Build(_folder.Path, "Shop.Tests", TestAssemblies.WithManifest(manifest) + "\n" + Contracts);

        var assembly = Assert.Single(AssemblyScanner.Scan([path], _folder.Path));

        Assert.Contains(new DeclaredClass("Shop.Tests.RedisPricingTests", "Shop.Tests.CachedPricingContract", IsAbstract: false), assembly.Classes);
        Assert.Contains(new DeclaredClass("Shop.Tests.CachedPricingContract", "Shop.Tests.PricingContract", IsAbstract: true), assembly.Classes);
        Assert.DoesNotContain(assembly.Classes, c => c.Name == "Shop.Tests.PricingContract"); // derives from object only
    }

    private static DeclaredClass[] Read(string path)
    {
        using var stream = File.OpenRead(path);
        return [.. DeclaredClassReader.Read(stream, path)];
    }

    /// <summary>Compiles <paramref name="source"/> into <c>folder/name.dll</c> against the runtime and <paramref name="references"/>.</summary>
    internal static string Build(string folder, string name, string source, params string[] references)
    {
        var runtime = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is "System.Runtime.dll" or "System.Private.CoreLib.dll");
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            runtime.Concat(references).Select(path => MetadataReference.CreateFromFile(path)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var output = Path.Combine(folder, name + ".dll");
        var result = compilation.Emit(output);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return output;
    }

    public void Dispose() => _folder.Dispose();
}
