using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RegressionProof.Analyzers.Generator;
using RegressionProof.Analyzers.Tests.Verifiers;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>
/// The links of an unchanged declaration are kept between runs while nothing it binds against
/// changed, and extracted again whenever anything could have: a kept link is never a stale one.
/// </summary>
public class ExtractionCacheTests
{
    private const string LinkedPath = "/repo/src/Shop/Linked.cs";
    private const string OtherPath = "/repo/src/Shop/Other.cs";

    private const string Linked = """
        using RegressionProof;
        using Shop.Model;

        namespace Shop
        {
            public class Checkout
            {
                [Fixes(Cards.Checkout)]
                public void Pay(Basket basket) { }
            }
        }
        """;

    private const string Other = """
        namespace Shop.Model
        {
            public class Basket { public int Count() { return 1; } }
            public static class Cards { public const string Checkout = "INTAKE-1"; }
        }
        """;

    [Fact]
    public void An_edit_inside_a_method_body_of_another_file_keeps_the_links_of_every_declaration()
    {
        var run = Run((LinkedPath, Linked), (OtherPath, Other));

        var edited = run.Edit(OtherPath, "return 1;", "var typed = 2; return typed;");

        Assert.Equal(0, edited.Extractions);
        Assert.Equal(run.Manifest(), edited.Manifest());
    }

    [Fact]
    public void An_edit_to_a_comment_or_whitespace_of_another_file_keeps_the_links()
    {
        var run = Run((LinkedPath, Linked), (OtherPath, Other));

        var edited = run.Edit(OtherPath, "public class Basket", "// the basket\n    public   class Basket");

        Assert.Equal(0, edited.Extractions);
    }

    [Fact]
    public void Links_are_kept_over_edit_after_edit_and_extracted_again_after_a_declaration_edit()
    {
        var run = Run((LinkedPath, Linked), (OtherPath, Other));

        var typed = run.Edit(OtherPath, "return 1;", "return 2;").Edit(OtherPath, "return 2;", "return 3;").Edit(OtherPath, "return 3;", "return 4;");
        var declared = typed.Edit(OtherPath, "public int Count()", "public long Count()");
        var typedAgain = declared.Edit(OtherPath, "return 4;", "return 5;");

        Assert.Equal(0, typed.Extractions);
        Assert.Equal(1, declared.Extractions);
        Assert.Equal(0, typedAgain.Extractions);
    }

    [Fact]
    public void A_type_moved_to_another_namespace_in_another_file_changes_the_documentation_id()
    {
        var run = Run((LinkedPath, Linked.Replace("using Shop.Model;", "using Shop.Model;\nusing Shop.Moved;", StringComparison.Ordinal)), (OtherPath, Other));
        Assert.Equal("M:Shop.Checkout.Pay(Shop.Model.Basket)", run.Manifest().Single().Symbol);

        var edited = run.Edit(OtherPath, "public class Basket { public int Count() { return 1; } }", "}\nnamespace Shop.Moved {\npublic class Basket { }");

        var link = edited.Manifest().Single();
        Assert.Equal("M:Shop.Checkout.Pay(Shop.Moved.Basket)", link.Symbol);
        Assert.Equal("Checkout.Pay(Basket)", link.Display);
    }

    [Fact]
    public void A_constant_changed_in_another_file_changes_the_card()
    {
        var run = Run((LinkedPath, Linked), (OtherPath, Other));

        var edited = run.Edit(OtherPath, "\"INTAKE-1\"", "\"INTAKE-2\"");

        Assert.Equal("INTAKE-2", edited.Manifest().Single().Card);
    }

    [Fact]
    public void A_global_using_alias_added_in_another_file_changes_the_documentation_id()
    {
        var linked = Linked.Replace("using Shop.Model;\n", string.Empty, StringComparison.Ordinal)
            .Replace("Cards.Checkout", "\"INTAKE-1\"", StringComparison.Ordinal)
            .Replace("Pay(Basket basket)", "Pay(Item item)", StringComparison.Ordinal);
        var run = Run((LinkedPath, linked), (OtherPath, "global using Item = System.Int32;\n" + Other));
        Assert.Equal("M:Shop.Checkout.Pay(System.Int32)", run.Manifest().Single().Symbol);

        var edited = run.Edit(OtherPath, "global using Item = System.Int32;", "global using Item = System.String;");

        Assert.Equal("M:Shop.Checkout.Pay(System.String)", edited.Manifest().Single().Symbol);
    }

    [Fact]
    public void A_file_added_to_the_compilation_extracts_again()
    {
        var run = Run((LinkedPath, Linked), (OtherPath, Other));

        var added = run.With(run.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Shop { class Added { } }", GeneratorHarness.ParseOptions, "/repo/src/Shop/Added.cs")));

        Assert.Equal(1, added.Extractions);
        Assert.Equal(run.Manifest(), added.Manifest());
    }

    [Fact]
    public void A_replaced_reference_changes_what_the_signature_binds_to()
    {
        var v1 = TestFrameworkReferences.Compile("Catalog", "namespace Catalog.V1 { public class Product { } }");
        var v2 = TestFrameworkReferences.Compile("Catalog", "namespace Catalog.V2 { public class Product { } }");
        const string source = """
            using Catalog.V1;
            using Catalog.V2;
            using RegressionProof;
            public class Shelf { [Fixes("INTAKE-1")] public void Stock(Product product) { } }
            """;
        var run = Run((LinkedPath, source)).With(c => c.AddReferences(v1));
        Assert.Equal("M:Shelf.Stock(Catalog.V1.Product)", run.Manifest().Single().Symbol);

        var replaced = run.With(run.Compilation.ReplaceReference(v1, v2));

        Assert.Equal("M:Shelf.Stock(Catalog.V2.Product)", replaced.Manifest().Single().Symbol);
    }

    [Fact]
    public void Changed_compilation_options_extract_again()
    {
        var run = Run((LinkedPath, Linked), (OtherPath, Other));

        var changed = run.With(run.Compilation.WithOptions(run.Compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable)));

        Assert.Equal(1, changed.Extractions);
    }

    [Fact]
    public void A_test_of_a_proven_class_declared_in_another_file_is_fingerprinted_again_when_its_body_changes()
    {
        const string proofClass = """
            using RegressionProof;
            [RegressionFor("INTAKE-1")]
            public partial class CheckoutTests { }
            """;
        const string testPart = """
            public partial class CheckoutTests
            {
                [Xunit.Fact] public void Pays() { var total = 1; }
            }
            """;
        var run = Run(("/repo/tests/Shop.Tests/CheckoutTests.cs", proofClass), ("/repo/tests/Shop.Tests/CheckoutTests.Pays.cs", testPart));
        var before = run.Manifest().Single();

        var edited = run.Edit("/repo/tests/Shop.Tests/CheckoutTests.Pays.cs", "var total = 1;", "var total = 2;");

        var after = edited.Manifest().Single();
        Assert.Equal("M:CheckoutTests.Pays", after.Symbol);
        Assert.NotEqual(before.Fingerprint, after.Fingerprint);
    }

    [Fact]
    public void An_edit_in_the_declarations_own_file_extracts_it_again_with_its_new_line()
    {
        var run = Run((LinkedPath, Linked), (OtherPath, Other));

        var edited = run.Edit(LinkedPath, "namespace Shop", "// a new first line\nnamespace Shop");

        Assert.Equal(run.Manifest().Single().Line + 1, edited.Manifest().Single().Line);
    }

    private static GeneratorRun Run(params (string Path, string Source)[] files) => GeneratorRun.Start(GeneratorHarness.Compilation(files));

    /// <summary>
    /// One run of a generator and driver kept from run to run, as an IDE keeps them, what it saw,
    /// and how many declarations it extracted rather than kept.
    /// </summary>
    private sealed class GeneratorRun(ManifestGenerator generator, GeneratorDriver driver, CSharpCompilation compilation, int extractionsBefore)
    {
        public CSharpCompilation Compilation { get; } = compilation;

        public int Extractions { get; } = generator.Cache.Extractions - extractionsBefore;

        public static GeneratorRun Start(CSharpCompilation compilation)
        {
            var generator = new ManifestGenerator();
            var driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            return new GeneratorRun(generator, driver.RunGenerators(compilation), compilation, 0);
        }

        public GeneratorRun With(CSharpCompilation next)
        {
            var before = generator.Cache.Extractions;
            return new GeneratorRun(generator, driver.RunGenerators(next), next, before);
        }

        /// <summary>A change made before the first run: start again from it.</summary>
        public GeneratorRun With(Func<CSharpCompilation, CSharpCompilation> change) => Start(change(Compilation));

        public GeneratorRun Edit(string path, string find, string replace)
        {
            var tree = Compilation.SyntaxTrees.Single(t => t.FilePath == path);
            var text = tree.GetText().ToString();
            Assert.Contains(find, text, StringComparison.Ordinal);
            var changed = tree.WithChangedText(SourceText.From(text.Replace(find, replace, StringComparison.Ordinal)));
            return With(Compilation.ReplaceSyntaxTree(tree, changed));
        }

        public IReadOnlyList<ManifestLink> Manifest()
        {
            var run = driver.GetRunResult().Results.Single();
            Assert.Null(run.Exception);
            return GeneratorHarness.Parse(GeneratorHarness.JsonOf(run.GeneratedSources.Single().SourceText.ToString())).Links;
        }
    }
}
