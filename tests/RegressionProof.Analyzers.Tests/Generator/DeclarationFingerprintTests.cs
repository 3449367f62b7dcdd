using Microsoft.CodeAnalysis.CSharp;
using RegressionProof.Analyzers.Generator;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>What a file declares, as the generator's cache compares it: kept by edits inside bodies, changed by any other.</summary>
public class DeclarationFingerprintTests
{
    private const string File = """
        using System;
        namespace Shop
        {
            public partial class Basket
            {
                private const int Limit = 10;
                private readonly int[] _items = new int[Limit];
                public int Count { get { return _items.Length; } }
                public int Total => _items.Length * 2;
                public int Add(int item) { return item + 1; }
                public int Twice(int item) => item * 2;
                public Basket() { Console.WriteLine(); }
                partial void Checked();
            }
        }
        """;

    [Theory]
    [InlineData("return item + 1;", "var next = item + 1; return next;")]
    [InlineData("=> item * 2;", "=> item * 3;")]
    [InlineData("return _items.Length;", "return 0;")]
    [InlineData("public int Total => _items.Length * 2;", "public int Total => 0;")]
    [InlineData("Console.WriteLine();", "Console.WriteLine(\"typed\");")]
    [InlineData("public int Add", "// a comment\n        public   int Add")]
    public void An_edit_inside_a_body_or_its_trivia_keeps_the_fingerprint(string find, string replace) =>
        Assert.Equal(Of(File), Of(File.Replace(find, replace, System.StringComparison.Ordinal)));

    [Theory]
    [InlineData("public int Add(int item)", "public int Add(long item)")]
    [InlineData("private const int Limit = 10;", "private const int Limit = 11;")]
    [InlineData("new int[Limit]", "new int[Limit + 1]")]
    [InlineData("namespace Shop", "namespace Shop.Moved")]
    [InlineData("using System;", "using System;\nusing Item = System.Int64;")]
    [InlineData("partial void Checked();", "partial void Checked() { }")]
    [InlineData("public partial class Basket", "[Obsolete] public partial class Basket")]
    [InlineData("public int Total => _items.Length * 2;", "public int Total { get; }")]
    public void An_edit_to_a_declaration_changes_the_fingerprint(string find, string replace) =>
        Assert.NotEqual(Of(File), Of(File.Replace(find, replace, System.StringComparison.Ordinal)));

    [Fact]
    public void Top_level_statements_are_declarations_they_decide_the_entry_points_signature() =>
        Assert.NotEqual(Of("System.Console.WriteLine();"), Of("await System.Threading.Tasks.Task.Yield();"));

    private static string Of(string source) => DeclarationFingerprint.Of(CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions));
}
