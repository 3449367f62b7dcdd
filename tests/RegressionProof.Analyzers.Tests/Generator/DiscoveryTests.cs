using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegressionProof.Analyzers.Generator;
using RegressionProof.Analyzers.Infrastructure;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>
/// The generator finds its attributes in one pass over the text and syntax of each file. It must
/// find exactly what the compiler's attribute index (<c>ForAttributeWithMetadataName</c>, one call
/// per attribute) finds: the same declarations, the same attributes, the same links.
/// </summary>
public class DiscoveryTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "samples", [Samples.Pricing, Samples.Monitoring] },
        { "the attribute suffix and qualified names", ["""
            public class A
            {
                [RegressionProof.FixesAttribute("INTAKE-1")] public void M1() { }
                [global::RegressionProof.Fixes("INTAKE-2")] public void M2() { }
                [RegressionProof.SyntheticProbeAttribute("INTAKE-3", Signal = RegressionProof.RecurrenceSignal.Error)] public static int P => 1;
            }
            """] },
        { "a local alias, and one in a namespace", ["""
            using F = RegressionProof.FixesAttribute;
            using RP = RegressionProof;
            namespace N
            {
                using Probe = RegressionProof.SyntheticProbeAttribute;
                public class A
                {
                    [F("INTAKE-1")] public void M1() { }
                    [RP.Fixes("INTAKE-2")] public void M2() { }
                    [Probe("INTAKE-3", Signal = RegressionProof.RecurrenceSignal.Error)] public int P { get; }
                }
            }
            """] },
        { "a global alias declared in another file", [
            "global using Fx = RegressionProof.FixesAttribute;",
            "public class A { [Fx(\"INTAKE-1\")] public void M() { } }"] },
        { "a Unicode escape in the name", ["public class A { [RegressionProof.\\u0046ixes(\"INTAKE-1\")] public void M() { } }"] },
        { "fields with several variables, events, accessors, local functions and lambdas", ["""
            using RegressionProof;
            public class A
            {
                [SyntheticProbe("INTAKE-1", Signal = RecurrenceSignal.Error)] public static readonly string First = "a", Second = "b";
                [RecurrenceAlert("INTAKE-2", Signal = RecurrenceSignal.Latency)] public event System.Action? Changed;
                public int P { [Fixes("INTAKE-3")] get => 1; }
                public void M()
                {
                    [Fixes("INTAKE-4")] static int Local() => 1;
                    var f = [Fixes("INTAKE-5")] (int x) => x;
                    Local();
                }
            }
            """] },
        { "partial classes, nested and generic types, records", ["""
            using RegressionProof;
            public partial class Tests { [Xunit.Fact] public void T1() { } }
            [RegressionFor("INTAKE-1")] public partial class Tests { [Xunit.Fact] public void T2() { } }
            public class Outer<T> { public class Inner { [Fixes("INTAKE-2")] public void M<U>(T t, U u) { } } }
            public record Price([property: Fixes("INTAKE-3")] decimal Amount) { [Fixes("INTAKE-4")] public decimal Twice => Amount * 2; }
            """] },
        { "two attribute lists on one member, two attributed parts of a class in one file", ["""
            using RegressionProof;
            public class A { [Fixes("INTAKE-1")] [Fixes("INTAKE-2")] public void M() { } }
            [RegressionFor("INTAKE-3")] public partial class Tests { [Xunit.Fact] public void T1() { } }
            [RegressionFor("INTAKE-4")] public partial class Tests { [Xunit.Fact] public void T2() { } }
            """] },
        { "names that are not ours", ["""
            namespace Other { public sealed class FixesAttribute : System.Attribute { public FixesAttribute(string s) { } } }
            namespace Mine
            {
                using Other;
                // [RegressionProof.Fixes("INTAKE-9")] in a comment, and in a string:
                public class A
                {
                    [Fixes("INTAKE-1")] public string M() => "[RegressionProof.Fixes(\"INTAKE-9\")]";
                    [RegressionProof.Fixes("INTAKE-2")] public void N() { }
                }
            }
            """] },
        { "syntax errors", ["using RegressionProof; public class A { [Fixes(\"INTAKE-1\")] public void M( { } [Fixes(\"INTAKE-2\")] }"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_links_found_are_the_attribute_indexs(string name, string[] sources)
    {
        var found = AssertSameLinks(sources);

        Assert.True(found > 0, $"{name}: the attribute index found nothing, so the case compares nothing");
    }

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_links_found_in_random_code_are_the_attribute_indexs(int seed) =>
        _ = AssertSameLinks(RandomSources.Generate(seed));

    [Fact]
    public void A_file_without_any_of_the_names_is_not_walked()
    {
        var tree = CSharpSyntaxTree.ParseText("public class Plain { public void M() { } }", GeneratorHarness.ParseOptions);

        Assert.Empty(AttributedDeclarations.In(tree, [], default));
    }

    /// <summary>Asserts that both find the same links, and returns how many.</summary>
    private static int AssertSameLinks(IReadOnlyList<string> sources)
    {
        var compilation = GeneratorHarness.Compilation(sources.Select((source, i) => ($"/repo/src/Shop/File{i}.cs", source)));

        var ours = new ExtractionCache().LinksOf(compilation, default).Items;
        var index = AttributeIndexLinks(compilation);

        Assert.Equal(Sorted(index), Sorted(ours));
        return index.Count;
    }

    private static List<LinkModel> Sorted(IEnumerable<LinkModel> links) =>
        links.OrderBy(l => l.FilePath, StringComparer.Ordinal).ThenBy(l => l.Line).ThenBy(l => l.Kind, StringComparer.Ordinal)
            .ThenBy(l => l.Card, StringComparer.Ordinal).ThenBy(l => l.Symbol, StringComparer.Ordinal).ThenBy(l => l.Test, StringComparer.Ordinal).ToList();

    /// <summary>The links as one <c>ForAttributeWithMetadataName</c> per attribute hands them over.</summary>
    private static List<LinkModel> AttributeIndexLinks(Compilation compilation)
    {
        var generator = new AttributeIndexGenerator();
        var driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions).RunGenerators(compilation);
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        return generator.Found;
    }

    private sealed class AttributeIndexGenerator : IIncrementalGenerator
    {
        public List<LinkModel> Found { get; } = new();

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var found = Found;
            foreach (var pair in KnownAttributes.MetadataNames)
            {
                var links = context.SyntaxProvider.ForAttributeWithMetadataName(
                    pair.Key,
                    static (_, _) => true,
                    (attributeContext, cancellationToken) => LinkExtractor.Extract(attributeContext.TargetNode, attributeContext.TargetSymbol, attributeContext.Attributes, pair.Value, new HashSet<SyntaxTree>(), cancellationToken));
                context.RegisterSourceOutput(links.Collect(), (_, all) => found.AddRange(all.SelectMany(l => l.Items)));
            }
        }
    }
}
