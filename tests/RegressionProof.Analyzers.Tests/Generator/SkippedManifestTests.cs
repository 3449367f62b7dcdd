using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Rules;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>
/// In an IDE a project reference is the referenced project's compilation, not its built assembly.
/// A host that skips implementation outputs gives that compilation no manifest; RP0001 in the
/// aggregating project then reads the referenced project's links from its symbols, which in a
/// compilation include the internal ones a manifest would have listed.
/// </summary>
public class SkippedManifestTests
{
    private const string Core = """
        internal static class Ledger
        {
            [RegressionProof.Fixes("INTAKE-2")]
            internal static void Post() { }
        }
        """;

    [Fact]
    public async Task A_fix_in_a_referenced_compilation_without_a_manifest_is_still_reported()
    {
        var diagnostics = await AggregateDiagnostics(Reference("Shop.Core", Core));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("RP0001", diagnostic.Id);
        Assert.Contains("Shop.Core: Ledger.Post()", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_internal_proof_in_a_referenced_compilation_without_a_manifest_still_proves_the_fix()
    {
        var proofs = Reference("Shop.Tests", """
            internal class LedgerTests
            {
                [Xunit.Fact, RegressionProof.RegressionFor("INTAKE-2")]
                internal void Posting_twice_posts_once() { }
            }
            """);

        Assert.Empty(await AggregateDiagnostics(Reference("Shop.Core", Core), proofs));
    }

    /// <summary>A referenced project as the IDE holds it: a compilation, its manifest skipped.</summary>
    private static MetadataReference Reference(string name, string source)
    {
        var compilation = GeneratorHarness.Compilation([($"/repo/{name}/Code.cs", source)], name);
        GeneratorHarness.CreateDriver(disabledOutputs: IncrementalGeneratorOutputKind.Implementation)
            .RunGeneratorsAndUpdateCompilation(compilation, out var updated, out _);
        Assert.Equal(compilation.SyntaxTrees.Count(), updated.SyntaxTrees.Count());
        return updated.ToMetadataReference();
    }

    private static async Task<ImmutableArray<Diagnostic>> AggregateDiagnostics(params MetadataReference[] references)
    {
        var aggregate = GeneratorHarness.Compilation([("/repo/Aggregate/Empty.cs", "public class Aggregate { }")], "Aggregate")
            .AddReferences(references);
        var options = TestAnalyzerOptions.Create(new Dictionary<string, string> { ["build_property.RegressionProofAggregate"] = "true" });
        return await aggregate
            .WithAnalyzers([new FixWithoutRegressionProofAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync();
    }
}
