using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>
/// Every link's symbol is an ID a reader can rely on: distinct for distinct code, the same for the
/// same code (docs/manifest.md, "Symbol IDs").
/// </summary>
public class SymbolIdTests
{
    [Fact]
    public void Function_pointer_parameters_are_written_in_the_FUNC_encoding_instead_of_left_empty()
    {
        var symbols = SymbolsOf("""
            using RegressionProof;
            unsafe class A
            {
                [Fixes("A-1")] void Ptr(int* a, delegate*<int, void> f) { }
                [Fixes("A-2")] void Many(delegate* unmanaged<string, ref int, bool>[] fs, ref delegate*<void> r, System.Collections.Generic.List<string> list) { }
                [Fixes("A-3")] void Generic<T>(delegate*<T, System.Collections.Generic.List<T>> f) { }
                [Fixes("A-4")] void Plain(int a) { }
            }
            """);

        Assert.Equal(
            [
                "M:A.Ptr(System.Int32*,=FUNC:System.Void(System.Int32))",
                "M:A.Many(=FUNC:System.Boolean(System.String,System.Int32@)[],=FUNC:System.Void@,System.Collections.Generic.List{System.String})",
                "M:A.Generic``1(=FUNC:System.Collections.Generic.List{``0}(``0))",
                "M:A.Plain(System.Int32)",
            ],
            symbols);
    }

    [Fact]
    public void Each_lambda_of_a_member_has_its_own_id_by_position_and_local_functions_keep_their_name()
    {
        var symbols = SymbolsOf("""
            using System;
            using RegressionProof;
            class A
            {
                void M()
                {
                    Action first = [Fixes("A-1")] () => { Action inner = [Fixes("A-2")] () => { }; };
                    Func<int> second = [Fixes("A-3")] () => 1;
                    Local();

                    [Fixes("A-4")] void Local() { Action inLocal = [Fixes("A-5")] () => { }; }
                }

                Action Field = [Fixes("A-6")] () => { };
            }
            """);

        Assert.Equal(
            ["M:A.M#lambda1", "M:A.M#lambda1#lambda1", "M:A.M#lambda2", "M:A.M#Local", "M:A.M#Local#lambda1", "F:A.Field#lambda1"],
            symbols);
    }

    [Fact]
    public void Lambdas_in_different_top_level_statements_are_told_apart()
    {
        var symbols = SymbolsOf("""
            using System;
            using RegressionProof;
            Action a = [Fixes("A-1")] () => { };
            Action b = [Fixes("A-2")] () => { };
            a(); b();
            """, OutputKind.ConsoleApplication);

        Assert.Equal(2, symbols.Distinct().Count());
        Assert.All(symbols, symbol => Assert.StartsWith("M:Program.{Main}$(System.String[])#lambda", symbol, System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_source_gives_the_same_ids()
    {
        const string source = """
            using System;
            using RegressionProof;
            class A { void M() { Action a = [Fixes("A-1")] () => { }; Action b = [Fixes("A-2")] () => { }; } }
            """;

        Assert.Equal(SymbolsOf(source), SymbolsOf(source));
    }

    /// <summary>The links' symbols, in card order.</summary>
    private static string[] SymbolsOf(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var compilation = GeneratorHarness.Compilation([("/repo/src/Shop/A.cs", source)]);
        compilation = compilation.WithOptions(compilation.Options.WithAllowUnsafe(true).WithOutputKind(kind));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        return GeneratorHarness.Parse(GeneratorHarness.ManifestJson(compilation)!).Links
            .OrderBy(link => link.Card, System.StringComparer.Ordinal)
            .Select(link => link.Symbol)
            .ToArray();
    }
}
