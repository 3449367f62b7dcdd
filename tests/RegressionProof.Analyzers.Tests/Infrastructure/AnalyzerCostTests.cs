using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Text;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Infrastructure;

/// <summary>
/// What the analyzers cost where developers feel it: nothing in code that does not use the
/// attributes, and one read of the release file per compilation (docs/performance.md,
/// "Analyzers on real code").
/// </summary>
public class AnalyzerCostTests
{
    private const string ReleasePath = "/repo/release.json";

    private const string ReleaseJson = """{ "cards": [ { "id": "INTAKE-1" } ] }""";

    // Look-alikes of every shape the rules look at: attributes of the same names in another
    // namespace, on types, members, a local function and lambdas.
    private const string CodeWithoutOurAttributes = """
        using System;
        using Other;

        namespace Other
        {
            public sealed class FixesAttribute : Attribute { public FixesAttribute(string id) { } }
            public sealed class RegressionForAttribute : Attribute { public RegressionForAttribute(string id) { } }
        }

        [Fixes("INTAKE-1")]
        public class Checkout
        {
            private static readonly Func<int, int> Twice = [Fixes("")] (int x) => x * 2;

            [Fixes("not an id")]
            public int Total { get; set; }

            [RegressionFor("INTAKE-2")]
            public void Apply()
            {
                Local();
                Action lambda = [Fixes("INTAKE-3")] () => { };

                [RegressionFor("INTAKE-4")]
                void Local() { }
            }
        }
        """;

    [Fact]
    public async Task Without_the_attributes_assembly_no_analyzer_registers_any_action_on_nodes_or_symbols_nor_reads_the_release_file()
    {
        var release = new CountingText(ReleasePath, ReleaseJson);
        var compilation = CSharpCompilation.Create(
            "NoRegressionProof",
            [CSharpSyntaxTree.ParseText(CodeWithoutOurAttributes, new CSharpParseOptions(LanguageVersion.Latest), "/src/Checkout.cs")],
            AnalyzerRunner.RuntimeReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var (diagnostics, telemetry) = await RunAllAsync(compilation, Options(release, aggregate: true));

        Assert.Empty(diagnostics);
        Assert.All(telemetry, pair =>
        {
            var (analyzer, info) = pair;
            Assert.True(
                info.SymbolActionsCount + info.SymbolStartActionsCount + info.SyntaxNodeActionsCount + info.OperationActionsCount
                    + info.OperationBlockStartActionsCount + info.OperationBlockActionsCount + info.CodeBlockStartActionsCount + info.CodeBlockActionsCount
                    + info.SyntaxTreeActionsCount + info.SemanticModelActionsCount + info.CompilationEndActionsCount == 0,
                $"{analyzer} registered actions in a compilation that cannot see RegressionProof's attributes");
        });
        Assert.Equal(0, release.Reads);
    }

    [Fact]
    public async Task With_the_attributes_referenced_no_analyzer_asks_the_driver_for_operation_trees()
    {
        // Operation actions make the driver build the operation tree of every method body of the
        // compilation, used or not; attributed lambdas and local functions are found from syntax.
        var compilation = AnalyzerRunner.CreateCompilation("UsesRegressionProof", [CodeWithoutOurAttributes]);

        var (_, telemetry) = await RunAllAsync(compilation, Options(new CountingText(ReleasePath, ReleaseJson), aggregate: true));

        Assert.All(telemetry, pair =>
        {
            var (analyzer, info) = pair;
            Assert.True(
                info.OperationActionsCount + info.OperationBlockStartActionsCount + info.OperationBlockActionsCount + info.OperationBlockEndActionsCount == 0,
                $"{analyzer} registered operation actions");
        });
    }

    [Fact]
    public async Task An_attribute_on_a_lambda_outside_any_method_is_still_analyzed()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new RegressionProof.Analyzers.Rules.InvalidIntakeIdAnalyzer(), """
            using System;
            using RegressionProof;

            public class Checkout
            {
                private static readonly Func<int, int> Twice = [Fixes("")] (int x) => x * 2;
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Descriptors.RP0002_EmptyIntakeId.Id, diagnostic.Id);
        Assert.Equal("\"\"", diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public async Task The_release_file_is_read_once_per_version_however_many_links_analyzers_and_compilations_ask()
    {
        var release = new CountingText(ReleasePath, ReleaseJson);
        var options = Options(release, aggregate: false);
        var sources = Enumerable.Range(0, 5).Select(file => "using RegressionProof;\npublic class Fixed" + file + "\n{\n"
            + string.Concat(Enumerable.Range(0, 40).Select(member => $"    [Fixes(\"INTAKE-{(file * 40) + member + 1}\")] public void M{member}() {{ }}\n"))
            + "}\n").ToArray();

        var first = await RunAllAsync(AnalyzerRunner.CreateCompilation("First", sources), options);
        var second = await RunAllAsync(AnalyzerRunner.CreateCompilation("Second", sources.Skip(1)), options);

        // Every ID but INTAKE-1 is unknown to the release: the file was used, for every link.
        Assert.Equal(199, first.Diagnostics.Count(d => d.Id == Descriptors.RP0007_CardNotInReleaseFile.Id));
        Assert.Equal(160, second.Diagnostics.Count(d => d.Id == Descriptors.RP0007_CardNotInReleaseFile.Id));
        Assert.Equal(1, release.Reads);
    }

    private static AnalyzerOptions Options(AdditionalText release, bool aggregate)
    {
        var global = new Dictionary<string, string> { ["build_property.RegressionProofReleaseFile"] = ReleasePath };
        if (aggregate)
        {
            global["build_property.RegressionProofAggregate"] = "true";
        }

        return new AnalyzerOptions([release], TestAnalyzerOptions.Create(global).AnalyzerConfigOptionsProvider);
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<(string Analyzer, AnalyzerTelemetryInfo Info)> Telemetry)> RunAllAsync(
        Compilation compilation, AnalyzerOptions options)
    {
        var analyzers = RobustnessTests.AllAnalyzers();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var telemetry = new List<(string, AnalyzerTelemetryInfo)>();
        foreach (var analyzer in analyzers)
        {
            telemetry.Add((analyzer.GetType().Name, await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)));
        }

        return (diagnostics, telemetry);
    }

    /// <summary>An additional file that counts how often its text is asked for.</summary>
    private sealed class CountingText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return _text;
        }
    }
}
