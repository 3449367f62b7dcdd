using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Tests.Api;
using Xunit;

namespace RegressionProof.Gate.Tests.Scope;

/// <summary>
/// The member hashes the scope report compares: keyed by the documentation-comment IDs that
/// [Fixes] links carry, unchanged when only the numbering of metadata rows and compiler-generated
/// names moves, changed when the member's code (or code the compiler generated for it) changes.
/// </summary>
public sealed class MemberBodiesTests
{
    private const string Pricing = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        namespace Shop;

        public class Pricing
        {
            private readonly List<decimal> _lines = new();

            public decimal Total(decimal[] lines)
            {
                var rate = 0.2m;
                decimal Tax(decimal x) => x * rate;
                return lines.Where(l => l > 0).Select(l => l + Tax(l)).Sum();
            }

            public async Task<string> DescribeAsync(int count)
            {
                await Task.Yield();
                return "count: " + count.ToString();
            }

            public IEnumerable<decimal> Positive()
            {
                foreach (var line in _lines)
                {
                    if (line > 0) yield return line;
                }
            }

            public string Label => "Pricing";
        }
        """;

    [Fact]
    public void Member_ids_are_the_documentation_comment_ids_the_compiler_gives_the_members()
    {
        const string source = """
            using System;
            using System.Collections.Generic;

            namespace Shop.Deep
            {
                public interface IPrice<T> { T Of(T value); }

                public unsafe class Catalog<TKey> : IPrice<int>, IDisposable
                {
                    static Catalog() { }
                    public Catalog(TKey key) { }
                    public event EventHandler? Changed;
                    public int this[int index, string name] => index;
                    public TKey Key { get; set; } = default!;
                    public void Fill(ref int a, in int b, out int c, int[] d, int[,] e, int* f, List<TKey> g, Dictionary<string, List<int>> h) => c = 0;
                    public T Map<T, U>(T t, U u, Nested<T>.Inner i) => t;
                    public void Pointer(delegate*<int, void> callback) { }
                    int IPrice<int>.Of(int value) => value;
                    void IDisposable.Dispose() { }
                    public static implicit operator string(Catalog<TKey> catalog) => "";
                    public static Catalog<TKey> operator +(Catalog<TKey> a, Catalog<TKey> b) => a;
                    public class Nested<V> { public class Inner { public void Deep(V v, TKey k) { } } }
                    public void Raise() => Changed?.Invoke(this, EventArgs.Empty);
                }
            }
            """;

        var compilation = Compilation(source);
        var expected = new List<string>();
        Collect(compilation.Assembly.GlobalNamespace, expected);

        var ids = Hashes(Emit(compilation)).Keys.ToList();

        // The function pointer is written as the manifest writes it; Roslyn writes it as nothing.
        Assert.Equal(
            expected.Select(id => id.Replace("Pointer()", "Pointer(=FUNC:System.Void(System.Int32))", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            ids);
    }

    [Fact]
    public void A_member_whose_code_is_the_same_has_the_same_hash_when_members_rows_and_strings_are_added_around_it()
    {
        // Before Pricing: a new type, new strings, lambdas and a state machine in a new member
        // declared first, so every token, user-string offset and compiler-generated ordinal of
        // Pricing's code moves.
        var shifted = Pricing
            .Replace("namespace Shop;", """
                namespace Shop;

                public class Audit
                {
                    public string Note(int[] xs) => string.Join("audit", xs.Select(x => x * 3).Where(x => x > 1));
                }
                """, StringComparison.Ordinal)
            .Replace("    private readonly List<decimal> _lines = new();", """
                    private readonly List<string> _notes = new();
                    private readonly List<decimal> _lines = new();

                    public async Task<int> EarlierAsync(Func<int, int> f)
                    {
                        await Task.Delay(1);
                        return new[] { 1, 2 }.Select(x => f(x) + 1).Sum(y => y * 2) + "new".Length;
                    }
                """, StringComparison.Ordinal);

        var before = Hashes(Emit(Compilation(Pricing)));
        var after = Hashes(Emit(Compilation(shifted)));

        Assert.Equal(
            ["E:", "M:Shop.Pricing.#ctor", "M:Shop.Pricing.DescribeAsync(System.Int32)", "M:Shop.Pricing.Positive", "M:Shop.Pricing.Total(System.Decimal[])", "P:Shop.Pricing.Label"],
            ["E:", .. before.Keys]);
        foreach (var (id, hash) in before.Where(h => h.Key != "M:Shop.Pricing.#ctor"))
        {
            Assert.True(after[id] == hash, $"{id} changed: {hash} -> {after[id]}");
        }
    }

    [Theory]
    [InlineData("l => l > 0", "l => l > 1", "M:Shop.Pricing.Total(System.Decimal[])")]
    [InlineData("x * rate", "x * rate * 2", "M:Shop.Pricing.Total(System.Decimal[])")]
    [InlineData("\"count: \"", "\"total: \"", "M:Shop.Pricing.DescribeAsync(System.Int32)")]
    [InlineData("line > 0", "line >= 0", "M:Shop.Pricing.Positive")]
    [InlineData("=> \"Pricing\"", "=> \"Prices\"", "P:Shop.Pricing.Label")]
    public void A_change_to_a_member_or_to_the_code_the_compiler_generated_for_it_changes_that_members_hash_only(string from, string to, string changed)
    {
        var before = Hashes(Emit(Compilation(Pricing)));
        var after = Hashes(Emit(Compilation(Pricing.Replace(from, to, StringComparison.Ordinal))));

        Assert.Equal(before.Keys, after.Keys);
        Assert.Equal([changed], before.Keys.Where(id => before[id] != after[id]));
    }

    [Fact]
    public void Top_level_statements_are_one_member()
    {
        var source = "System.Console.WriteLine(\"one\");";
        var compilation = Compilation(source, OutputKind.ConsoleApplication);
        var before = Hashes(Emit(compilation));
        var after = Hashes(Emit(Compilation(source.Replace("one", "two", StringComparison.Ordinal), OutputKind.ConsoleApplication)));

        var member = Assert.Single(before.Keys, id => id.Contains("Main", StringComparison.Ordinal));
        Assert.Equal(compilation.GetEntryPoint(default)!.GetDocumentationCommentId(), member);
        Assert.NotEqual(before[member], after[member]);
    }

    internal static CSharpCompilation Compilation(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
        CSharpCompilation.Create(
            "Shop",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll")
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true, optimizationLevel: OptimizationLevel.Release, deterministic: true));

    internal static byte[] Emit(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return image.ToArray();
    }

    internal static SortedDictionary<string, string> Hashes(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        return MemberBodies.Of(pe, pe.GetMetadataReader());
    }

    private static void Collect(INamespaceOrTypeSymbol container, List<string> ids)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceOrTypeSymbol nested:
                    Collect(nested, ids);
                    break;
                case IMethodSymbol { AssociatedSymbol: not null }:
                case IFieldSymbol:
                    break;
                case IMethodSymbol or IPropertySymbol or IEventSymbol when !member.IsImplicitlyDeclared || member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }:
                    ids.Add(member.GetDocumentationCommentId()!);
                    break;
            }
        }
    }
}
