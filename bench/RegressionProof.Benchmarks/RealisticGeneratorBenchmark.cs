using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RegressionProof.Analyzers.Generator;

namespace RegressionProof.Benchmarks;

/// <summary>
/// The manifest generator on ordinary code (<see cref="RealisticProject"/>: 2,000 files, a link on
/// one member in a hundred), where the IDE runs it after every edit and a build runs it once.
/// </summary>
internal static class RealisticGeneratorBenchmark
{
    public static string Run()
    {
        var project = RealisticProject.Generate();
        var references = References();

        // Every compilation parses its own trees, as every build does: the generator keeps the
        // links of unchanged declarations between runs over the same syntax nodes (see
        // ExtractionCache), and no round may start from another round's nodes.
        CSharpCompilation Fresh() => CSharpCompilation.Create("Realistic", Parse(project.Sources), references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var lines = project.Sources.Sum(source => source.Count(c => c == '\n'));

        var (ours, floor, skipped) = TypingRounds(project, Fresh);
        Progress(clock, "incremental rounds");

        // A build: generate, then bind and emit everything, against the same compilation without
        // the generator; and the generator run again over the compilation that was just emitted
        // without it, whose symbols and attributes are bound: the work that is the generator's own,
        // which the difference of two long compilations on a shared machine cannot resolve, beside
        // the no-op floors (seven calls, and one) over the same compilation. Each
        // compilation of 2,000 files is long there: three rounds.
        Compilation? emittedWithout = null;
        var build = Measure.Interleaved(
            3,
            rotate: false, // the third to fifth time generators over the compilation the second has just emitted
            () =>
            {
                var compilation = Fresh();
                return () =>
                {
                    Driver(new ManifestGenerator(), IncrementalGeneratorOutputKind.None).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
                    EmitOrThrow(output);
                };
            },
            () =>
            {
                var compilation = Fresh();
                emittedWithout = compilation;
                return () => EmitOrThrow(compilation);
            },
            () =>
            {
                var bound = emittedWithout!;
                return () => Driver(new ManifestGenerator(), IncrementalGeneratorOutputKind.None).RunGenerators(bound);
            },
            () =>
            {
                var bound = emittedWithout!;
                return () => Driver(new GeneratorBenchmark.NoOpGenerator(), IncrementalGeneratorOutputKind.None).RunGenerators(bound);
            },
            () =>
            {
                var bound = emittedWithout!;
                return () => Driver(new GeneratorBenchmark.OneAttributeNoOpGenerator(), IncrementalGeneratorOutputKind.None).RunGenerators(bound);
            });
        var (withGenerator, without, ownWork, floorWork, oneFloorWork) = (build[0], build[1], build[2], build[3], build[4]);
        Progress(clock, "compilations with and without");

        return new StringBuilder()
            .AppendLine($"Realistic project: {RealisticProject.Files} files, {lines:N0} lines, {project.Members:N0} members, {project.Links} links. Machine: {Measure.Machine()}, load average {LoadAverage()}.")
            .AppendLine()
            .AppendLine("| figure | median | ratio | target |")
            .AppendLine("|---|---|---|---|")
            .AppendLine($"| incremental after an unrelated edit ÷ the no-op `ForAttributeWithMetadataName` floor | {ours:F1} ms ÷ {floor:F1} ms | {ours / floor:F2} | ≤ 1.1 |")
            .AppendLine($"| the same edit with implementation outputs disabled (a host skipping them while typing) ÷ the floor | {skipped:F2} ms ÷ {floor:F1} ms | {skipped / floor:F3} | — |")
            .AppendLine($"| generator ÷ total compilation: (compile with − compile without) ÷ compile with | ({withGenerator:F0} − {without:F0}) ms ÷ {withGenerator:F0} ms | {(withGenerator - without) / withGenerator:F3} | ≤ 0.01 |")
            .AppendLine($"| the generator over the bound compilation (its own work in a build) ÷ compile without | {ownWork:F0} ms ÷ {without:F0} ms | {ownWork / without:F4} | ≤ 0.01 |")
            .AppendLine($"| the no-op floor (seven `ForAttributeWithMetadataName`) over the bound compilation ÷ compile without | {floorWork:F0} ms ÷ {without:F0} ms | {floorWork / without:F4} | — |")
            .AppendLine($"| one no-op `ForAttributeWithMetadataName` over the bound compilation ÷ compile without | {oneFloorWork:F0} ms ÷ {without:F0} ms | {oneFloorWork / without:F4} | — |")
            .AppendLine($"| the generator over the bound compilation ÷ the seven-call floor there | {ownWork:F0} ms ÷ {floorWork:F0} ms | {ownWork / floorWork:F2} | — |")
            .ToString();
    }

    /// <summary>Only the typing rows: a quicker run (about a minute) for work on the cost of an edit.</summary>
    public static string Typing()
    {
        var project = RealisticProject.Generate();
        var references = References();
        var (ours, floor, skipped) = TypingRounds(project, () => CSharpCompilation.Create("Realistic", Parse(project.Sources), references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
        return new StringBuilder()
            .AppendLine($"Realistic project: {RealisticProject.Files} files, {project.Links} links. Machine: {Measure.Machine()}, load average {LoadAverage()}.")
            .AppendLine()
            .AppendLine("| figure | median | ratio | target |")
            .AppendLine("|---|---|---|---|")
            .AppendLine($"| incremental after an unrelated edit ÷ the no-op `ForAttributeWithMetadataName` floor | {ours:F1} ms ÷ {floor:F1} ms | {ours / floor:F2} | ≤ 1.1 |")
            .AppendLine($"| the same edit with implementation outputs disabled ÷ the floor | {skipped:F2} ms ÷ {floor:F1} ms | {skipped / floor:F3} | — |")
            .ToString();
    }

    private static (double Ours, double Floor, double Skipped) TypingRounds(RealisticProject project, Func<CSharpCompilation> fresh)
    {
        // Typing in the IDE: each driver is warmed once on its own compilation, then every round
        // types one more statement into a method of a file without links and runs the driver on
        // the edited compilation, as an IDE does after each keystroke. Three drivers side by side,
        // 21 rounds, each starting with the next driver:
        // ours, the no-op floor that registers the same ForAttributeWithMetadataName calls, and
        // ours with implementation outputs disabled, as a host that skips them while typing.
        var typing = new[]
        {
            new Typist(fresh(), new ManifestGenerator(), IncrementalGeneratorOutputKind.None, project.PlainFile),
            new Typist(fresh(), new GeneratorBenchmark.NoOpGenerator(), IncrementalGeneratorOutputKind.None, project.PlainFile),
            new Typist(fresh(), new ManifestGenerator(), IncrementalGeneratorOutputKind.Implementation, project.PlainFile),
        };
        var incremental = Measure.Interleaved(21, rotate: true, typing.Select(typist => (Func<Action>)typist.NextEdit).ToArray());
        return (incremental[0], incremental[1], incremental[2]);
    }

    /// <summary>The generator's pipeline steps after the unrelated edit, with their times, for diagnosis.</summary>
    public static void Steps()
    {
        var project = RealisticProject.Generate();
        var compilation = CSharpCompilation.Create("Realistic", Parse(project.Sources), References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create([new ManifestGenerator().AsSourceGenerator()], parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true)).RunGenerators(compilation);
        for (var i = 0; i < 3; i++)
        {
            compilation = Edited(compilation, project.PlainFile, i + 1);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            Console.WriteLine($"run {i}: {watch.Elapsed.TotalMilliseconds:F1} ms");
            foreach (var (name, steps) in driver.GetRunResult().Results[0].TrackedSteps)
            {
                Console.WriteLine($"  {name}: {steps.Sum(s => s.ElapsedTime.TotalMilliseconds):F1} ms over {steps.Length} steps; reasons {string.Join(",", steps.SelectMany(s => s.Outputs).Select(o => o.Reason).Distinct())}");
            }
        }
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static SyntaxTree[] Parse(IReadOnlyList<string> sources) =>
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, $"/repo/src/Realistic/File{i:D4}.cs", Encoding.UTF8)).ToArray();

    private static void EmitOrThrow(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("the realistic project does not compile: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
        }
    }

    /// <summary>One driver, warmed once, and the compilation it has last seen; each edit types one statement more.</summary>
    private sealed class Typist
    {
        private readonly int _plainFile;
        private GeneratorDriver _driver;
        private CSharpCompilation _compilation;
        private int _edits;

        public Typist(CSharpCompilation compilation, IIncrementalGenerator generator, IncrementalGeneratorOutputKind disabled, int plainFile)
        {
            _plainFile = plainFile;
            _compilation = compilation;
            _driver = Driver(generator, disabled).RunGenerators(compilation);
        }

        /// <summary>Makes the edit (untimed) and returns the driver's run over it, to be timed.</summary>
        public Action NextEdit()
        {
            _compilation = Edited(_compilation, _plainFile, ++_edits);
            return () => _driver = _driver.RunGenerators(_compilation);
        }
    }

    private static CSharpCompilation Edited(CSharpCompilation compilation, int plainFile, int edit)
    {
        var tree = compilation.SyntaxTrees.ElementAt(plainFile);
        var text = tree.GetText();
        var at = text.ToString().IndexOf(RealisticProject.EditAnchor, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("the unrelated edit found nothing to edit");
        }

        var typed = new TextChange(new TextSpan(at + RealisticProject.EditAnchor.Length, 0), $" var typed{edit} = total;");
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(typed)));
    }

    private static GeneratorDriver Driver(IIncrementalGenerator generator, IncrementalGeneratorOutputKind disabled) =>
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(disabled, trackIncrementalGeneratorSteps: false));

    /// <summary>The dense benchmark's references, and the collections and LINQ that ordinary code uses.</summary>
    private static List<MetadataReference> References()
    {
        var references = GeneratorBenchmark.References();
        references.AddRange(((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Collections.dll" or "System.Linq.dll")
            .Select(p => MetadataReference.CreateFromFile(p)));
        return references;
    }

    /// <summary>Where a long run is, on standard error so the tables on standard output stay clean.</summary>
    private static void Progress(System.Diagnostics.Stopwatch clock, string phase) =>
        Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds:F0} s] {phase}");

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
