using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Generator;

namespace RegressionProof.Benchmarks.Corpus;

/// <summary>
/// The analyzers and the generator on real public code (Json.NET, library and tests), side by
/// side with xunit.analyzers on the same compilations: (a) the code as it is, referencing the
/// attributes but using none, and (b) the same code with attributes injected at about one per 28
/// lines and a release file listing their cards. Analyzer costs are the per-analyzer execution
/// times Roslyn logs (what <c>-p:ReportAnalyzer=true</c> prints), medians of interleaved runs.
/// </summary>
internal static class AnalyzersCorpusBenchmark
{
    private const string ReleasePath = "/corpus/release.json";

    public static int Run(string corpusFolder, int runs)
    {
        if (NewtonsoftJsonCorpus.Read(corpusFolder, out var corpusError) is not var (library, tests))
        {
            Console.Error.WriteLine("analyzers-corpus: " + corpusError);
            return 2;
        }

        if (CorpusInputs.Xunit(out var xunitError) is not { } xunit)
        {
            Console.Error.WriteLine("analyzers-corpus: " + xunitError);
            return 2;
        }

        var (framework, frameworkName) = CorpusInputs.Framework();
        var references = framework.Concat(CorpusInputs.XunitAndAttributes()).ToArray();
        var ours = CorpusInputs.Ours();

        var fixes = AttributeInjection.Fixes(library);
        var proofs = AttributeInjection.Proofs(tests, fixes.Fixes);
        var release = AttributeInjection.ReleaseFile(fixes.Fixes);
        var lines = library.Lines + tests.Lines;

        var plain = Variant.Create("no attributes", library, tests, references, release: null);
        var attributed = Variant.Create("attributes injected", fixes.Project, proofs.Project, references, release);

        // The JIT and Roslyn's caches are warmed on a slice of the corpus: a warm-up over all of it
        // would cost as much as a measured run, on a machine shared with other work.
        var warmUp = Variant.Create("warm-up", library.Take(20), tests.Take(20), references, release: null);
        MeasureVariant(warmUp, ours, xunit, runs: 1, wholeCost: true);

        var figures = new[] { MeasureVariant(plain, ours, xunit, runs, wholeCost: true), MeasureVariant(attributed, ours, xunit, runs, wholeCost: false) };

        var output = new StringBuilder();
        output.AppendLine($"Corpus: {NewtonsoftJsonCorpus.Repository} at {NewtonsoftJsonCorpus.Commit[..12]}: {library.Name} ({library.Files.Count} files, {library.Lines:N0} lines) and {tests.Name} ({tests.Files.Count} files, {tests.Lines:N0} lines), {lines:N0} lines in all, compiled against {frameworkName}, xunit 2.9.3 and RegressionProof.Attributes.");
        output.AppendLine($"Compile errors (packages the tests use and this harness does not reference: Moq, Autofac, FSharp.Core…): {plain.Errors} in (a), {attributed.Errors} in (b). Analyzers: {ours.Length} RegressionProof analyzers; xunit.analyzers {CorpusInputs.XunitAnalyzersVersion} ({xunit.Length} analyzers). Runs: {runs} of each, interleaved, medians. Machine: {Measure.Machine()}, {DateTime.UtcNow:yyyy-MM-dd}.");
        output.AppendLine($"Injected (b): {fixes.Attributes + proofs.Attributes:N0} attributes, one per {(double)lines / (fixes.Attributes + proofs.Attributes):F1} lines: {fixes.Fixes:N0} `[Fixes]` in the library, {proofs.RegressionFor:N0} `[RegressionFor]` on tests and {proofs.SyntheticProbes:N0} `[SyntheticProbe]` on other test-project methods; a release file of {fixes.Fixes:N0} cards; the tests project is the aggregate (RP0001 on).");
        output.AppendLine();

        output.Append(Report(figures, ours));
        Console.WriteLine(output);
        return 0;
    }

    /// <param name="wholeCost">
    /// Also time the analysis with ours alone and with a no-op analyzer, wall clock: what ours add
    /// to a build beyond their own callbacks (an operation tree of every method body, say).
    /// </param>
    private static Figures MeasureVariant(Variant variant, ImmutableArray<DiagnosticAnalyzer> ours, ImmutableArray<DiagnosticAnalyzer> xunit, int runs, bool wholeCost)
    {
        var floorAnalyzer = new EmptySymbolActionAnalyzer();
        var floor = ImmutableArray.Create<DiagnosticAnalyzer>(floorAnalyzer);
        var both = ours.AddRange(xunit).Add(floorAnalyzer);
        var compile = new List<double>();
        var generator = new List<double>();
        var withBoth = new List<double>();
        var withFloor = new List<double>();
        var withOurs = new List<double>();
        var telemetry = new List<Dictionary<DiagnosticAnalyzer, double>>();
        var diagnostics = new Dictionary<string, int>();

        // The runs interleaved, so drift in the machine hits every action alike.
        for (var run = 0; run < runs; run++)
        {
            Time(() => variant.Emit(withGenerator: false), compile);
            Time(() => variant.Emit(withGenerator: true), generator);
            if (wholeCost)
            {
                Time(() => variant.Analyze(floor, null), withFloor);
                Time(() => variant.Analyze(ours, null), withOurs);
            }

            var times = new Dictionary<DiagnosticAnalyzer, double>();
            Time(() => variant.Analyze(both, times, run == runs - 1 ? diagnostics : null), withBoth);
            telemetry.Add(times);
            Console.Error.WriteLine($"{variant.Name}: run {run + 1} of {runs} done ({DateTime.UtcNow:HH:mm:ss})");
        }

        return new Figures(
            variant.Name,
            Median(compile),
            Median(generator),
            wholeCost ? Median(withFloor) : null,
            wholeCost ? Median(withOurs) : null,
            both.ToDictionary(a => a, a => Median(telemetry.Select(t => t.GetValueOrDefault(a)).ToList())),
            Median(telemetry.Select(t => ours.Sum(a => t.GetValueOrDefault(a))).ToList()),
            Median(telemetry.Select(t => xunit.Sum(a => t.GetValueOrDefault(a))).ToList()),
            Median(telemetry.Select(t => t.GetValueOrDefault(floorAnalyzer)).ToList()),
            diagnostics);
    }

    private static void Time(Action action, List<double> times)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static string Report(Figures[] figures, ImmutableArray<DiagnosticAnalyzer> ours)
    {
        var output = new StringBuilder();
        output.AppendLine("| figure | " + string.Join(" | ", figures.Select(f => f.Name)) + " |");
        output.AppendLine("|---|" + string.Concat(figures.Select(_ => "---|")));
        Row("compilation (bind and emit both projects)", f => $"{f.Compile:F0} ms");
        Row("RegressionProof analyzers, execution time", f => $"{f.Ours:F0} ms");
        Row("xunit.analyzers, execution time", f => $"{f.Xunit:F0} ms");
        Row("**ours ÷ xunit.analyzers**", f => Ratio(f.Ours, f.Xunit));
        Row("**ours ÷ compilation**", f => Ratio(f.Ours, f.Compile));
        Row("an empty symbol action on the same symbols, execution time (the driver's floor per analyzer)", f => $"{f.EmptySymbolAction:F0} ms");
        Row("ours as a whole: (analysis with ours − with one empty symbol action) ÷ compilation, wall clock", f => f.WithOurs is { } withOurs && f.WithFloor is { } withFloor
            ? $"({withOurs:F0} − {withFloor:F0}) ÷ {f.Compile:F0} = {(withOurs - withFloor) / f.Compile:F3}"
            : "—");
        Row("**generator ÷ compilation**: (compile with it − without) ÷ with", f => $"({f.CompileWithGenerator:F0} − {f.Compile:F0}) ÷ {f.CompileWithGenerator:F0} = {(f.CompileWithGenerator - f.Compile) / f.CompileWithGenerator:F3}");
        output.AppendLine();

        var attributed = figures[^1];
        output.AppendLine($"Per rule, {attributed.Name} (execution time, median of the runs):");
        output.AppendLine();
        output.AppendLine("| analyzer | rule | execution time | share of ours | ÷ xunit.analyzers |");
        output.AppendLine("|---|---|---|---|---|");
        foreach (var analyzer in ours.OrderByDescending(a => attributed.PerAnalyzer[a]))
        {
            var time = attributed.PerAnalyzer[analyzer];
            var rules = string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct());
            output.AppendLine($"| {analyzer.GetType().Name} | {rules} | {time:F0} ms | {time / attributed.Ours:P0} | {time / attributed.Xunit:F3} |");
        }

        output.AppendLine();
        output.AppendLine("Diagnostics reported in (b) (last run): " + (attributed.Diagnostics.Count == 0
            ? "none"
            : string.Join(", ", attributed.Diagnostics.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} × {d.Value}"))) + ".");
        return output.ToString();

        void Row(string name, Func<Figures, string> cell) =>
            output.AppendLine($"| {name} | " + string.Join(" | ", figures.Select(cell)) + " |");
    }

    private static string Ratio(double a, double b) => $"{a:F0} ÷ {b:F0} = {(a / b).ToString("F3", CultureInfo.InvariantCulture)}";

    private sealed record Figures(
        string Name,
        double Compile,
        double CompileWithGenerator,
        double? WithFloor,
        double? WithOurs,
        Dictionary<DiagnosticAnalyzer, double> PerAnalyzer,
        double Ours,
        double Xunit,
        double EmptySymbolAction,
        Dictionary<string, int> Diagnostics);

    /// <summary>The two projects of one variant, parsed once; every measured action compiles them afresh.</summary>
    private sealed class Variant
    {
        private readonly SyntaxTree[] _library;
        private readonly SyntaxTree[] _tests;
        private readonly CorpusProject _libraryProject;
        private readonly CorpusProject _testsProject;
        private readonly IReadOnlyList<MetadataReference> _references;
        private readonly MetadataReference _libraryImage;
        private readonly AnalyzerOptions _libraryOptions;
        private readonly AnalyzerOptions _testsOptions;
        private readonly int _libraryErrors;
        private int _testsErrors;

        private Variant(string name, CorpusProject library, CorpusProject tests, IReadOnlyList<MetadataReference> references, string? release)
        {
            Name = name;
            _libraryProject = library;
            _testsProject = tests;
            _library = library.Parse();
            _tests = tests.Parse();
            _references = references;
            var files = release is null ? Array.Empty<(string, string)>() : new[] { (ReleasePath, release) };
            var global = new Dictionary<string, string> { ["build_property.RegressionProofRepositoryRoot"] = "/corpus" };
            if (release is not null)
            {
                global["build_property.RegressionProofReleaseFile"] = ReleasePath;
            }

            _libraryOptions = CorpusInputs.Options(global, files);
            _testsOptions = CorpusInputs.Options(new Dictionary<string, string>(global) { ["build_property.RegressionProofAggregate"] = "true" }, files);

            // The tests reference the library as a build would: its assembly, with the generator's manifest in it.
            Compilation built = library.Compile(_library, references);
            Driver(_libraryOptions, library.ParseOptions).RunGeneratorsAndUpdateCompilation(built, out built, out _);
            using var image = new MemoryStream();
            var result = built.Emit(image);
            _libraryImage = MetadataReference.CreateFromImage(image.ToArray());
            _libraryErrors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        }

        public string Name { get; }

        /// <summary>Compile errors of both projects, known after the first <see cref="Emit"/>.</summary>
        public int Errors => _libraryErrors + _testsErrors;

        public static Variant Create(string name, CorpusProject library, CorpusProject tests, IReadOnlyList<MetadataReference> references, string? release) =>
            new(name, library, tests, references, release);

        /// <summary>Binds and emits both projects, as the compiler does without analyzers, with or without the generator.</summary>
        public void Emit(bool withGenerator)
        {
            foreach (var (compilation, options, parseOptions) in Projects())
            {
                Compilation output = compilation;
                if (withGenerator)
                {
                    Driver(options, parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
                }

                using var stream = new MemoryStream();
                var result = output.Emit(stream);
                if (compilation.AssemblyName == _testsProject.Name)
                {
                    _testsErrors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                }
            }
        }

        /// <summary>Runs <paramref name="analyzers"/> on fresh compilations of both projects; their execution times go to <paramref name="times"/>.</summary>
        public void Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers, Dictionary<DiagnosticAnalyzer, double>? times, Dictionary<string, int>? diagnostics = null)
        {
            foreach (var (compilation, options, _) in Projects())
            {
                var analysis = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                    options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: times is not null, reportSuppressedDiagnostics: false));
                var found = analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                if (diagnostics is not null)
                {
                    foreach (var diagnostic in found.Where(d => d.Id.StartsWith("RP", StringComparison.Ordinal)))
                    {
                        diagnostics[diagnostic.Id] = diagnostics.GetValueOrDefault(diagnostic.Id) + 1;
                    }
                }

                if (times is null)
                {
                    continue;
                }

                foreach (var analyzer in analyzers)
                {
                    var info = analysis.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                    times[analyzer] = times.GetValueOrDefault(analyzer) + info.ExecutionTime.TotalMilliseconds;
                }
            }
        }

        private CSharpCompilation Tests() => _testsProject.Compile(_tests, _references.Append(_libraryImage).ToArray());

        private IEnumerable<(CSharpCompilation Compilation, AnalyzerOptions Options, CSharpParseOptions ParseOptions)> Projects()
        {
            yield return (_libraryProject.Compile(_library, _references), _libraryOptions, _libraryProject.ParseOptions);
            yield return (Tests(), _testsOptions, _testsProject.ParseOptions);
        }

        private static GeneratorDriver Driver(AnalyzerOptions options, CSharpParseOptions parseOptions) =>
            CSharpGeneratorDriver.Create(
                [new ManifestGenerator().AsSourceGenerator()],
                options.AdditionalFiles,
                parseOptions,
                options.AnalyzerConfigOptionsProvider,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
    }

    /// <summary>
    /// The floor: an analyzer whose symbol action does nothing, on the symbols ours look at. It
    /// makes the driver do what any symbol analyzer makes it do, so the difference is ours.
    /// </summary>
    /// <remarks>A harness's instrument, never shipped: the shipping rules for analyzer projects do not apply.</remarks>
#pragma warning disable RS1036, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptySymbolActionAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new("FLOOR001", "Floor", "Floor", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(_ => { }, SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event);
        }
    }
#pragma warning restore RS1036, RS2008
}
