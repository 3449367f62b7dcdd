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
/// The manifest generator on a synthetic compilation of 2,000 files with 10,000 links: cold time
/// against a generator that does nothing on the same attributes, an unrelated edit against cold,
/// and the generator against the whole compilation.
/// </summary>
internal static class GeneratorBenchmark
{
    public const int Files = 2000;
    public const int LinksPerLinkedFile = 10;
    public const int LinkedEvery = 2;

    public static string Run()
    {
        var sources = Sources().ToList();
        var references = References();

        // Every compilation parses its own trees (untimed), as every build does: the generator keeps
        // what it found in a file per syntax tree, and no run may start from another run's trees.
        CSharpCompilation Fresh() => CSharpCompilation.Create(
            "Synthetic",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), $"/repo/src/File{i:D4}.cs", Encoding.UTF8)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var links = CountLinks(Fresh());

        // Cold: a fresh compilation and driver each time, so nothing is cached.
        var coldRuns = Measure.Interleaved(
            5,
            rotate: true,
            () => { var compilation = Fresh(); return () => Driver(new ManifestGenerator()).RunGenerators(compilation); },
            () => { var compilation = Fresh(); return () => Driver(new NoOpGenerator()).RunGenerators(compilation); });
        var (cold, noop) = (coldRuns[0], coldRuns[1]);

        // Incremental: a warm driver, then a one-line edit in a file without attributes; only the second run is timed.
        var incremental = Incremental(Fresh, () => new ManifestGenerator(), sources.Count - 1);
        var incrementalNoOp = Incremental(Fresh, () => new NoOpGenerator(), sources.Count - 1);

        // Whole compilation, as a build runs it: generate, then bind and emit everything; against the
        // same compilation without the generator, so the difference is what the generator adds.
        var compileRuns = Measure.Interleaved(
            5,
            rotate: true,
            () =>
            {
                var compilation = Fresh();
                return () =>
                {
                    Driver(new ManifestGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
                    using var stream = new MemoryStream();
                    output.Emit(stream);
                };
            },
            () =>
            {
                var compilation = Fresh();
                return () =>
                {
                    using var stream = new MemoryStream();
                    compilation.Emit(stream);
                };
            });
        var (withGenerator, without) = (compileRuns[0], compileRuns[1]);

        return new StringBuilder()
            .AppendLine($"Synthetic compilation: {Files} files, {links} links. Machine: {Measure.Machine()}.")
            .AppendLine()
            .AppendLine("| figure | median | ratio | target |")
            .AppendLine("|---|---|---|---|")
            .AppendLine($"| cold generator ÷ no-op generator on the same attributes | {cold:F0} ms ÷ {noop:F0} ms | {cold / noop:F2} | — |")
            .AppendLine($"| incremental after an unrelated one-line edit ÷ cold | {incremental:F1} ms ÷ {cold:F0} ms | {incremental / cold:F3} | ≤ 0.05 |")
            .AppendLine($"| the same edit with the no-op generator ÷ its cold run | {incrementalNoOp:F1} ms ÷ {noop:F0} ms | {incrementalNoOp / noop:F3} | — |")
            .AppendLine($"| generator ÷ total compilation: (compile with − compile without) ÷ compile with | ({withGenerator:F0} − {without:F0}) ms ÷ {withGenerator:F0} ms | {(withGenerator - without) / withGenerator:F3} | ≤ 0.02 |")
            .AppendLine($"| cold generator alone ÷ compile with generator | {cold:F0} ms ÷ {withGenerator:F0} ms | {cold / withGenerator:F3} | — |")
            .ToString();
    }

    public static void Tiny()
    {
        var trees = Sources().Take(4).Select((source, i) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), $"/repo/src/File{i:D4}.cs", Encoding.UTF8)).ToArray();
        var references = References();
        // In a fresh process, the first run of a generator pays for compiling its code and the
        // generic pipeline instantiations it uses; the no-op shows what the shared pipeline costs.
        for (var i = 0; i < 5; i++)
        {
            var compilation = CSharpCompilation.Create("Tiny", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var noop = System.Diagnostics.Stopwatch.StartNew();
            Driver(new NoOpGenerator()).RunGenerators(compilation);
            Console.WriteLine($"tiny no-op run {i}: {noop.Elapsed.TotalMilliseconds:F1} ms");
            compilation = CSharpCompilation.Create("Tiny", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = Driver(new ManifestGenerator()).RunGenerators(compilation).GetRunResult();
            Console.WriteLine($"tiny run {i}: {watch.Elapsed.TotalMilliseconds:F1} ms");
        }
    }

    public static void Steps()
    {
        var trees = Sources().Select((source, i) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), $"/repo/src/File{i:D4}.cs", Encoding.UTF8)).ToArray();
        var compilation = CSharpCompilation.Create("Synthetic", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create([new ManifestGenerator().AsSourceGenerator()], parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true)).RunGenerators(compilation);
        for (var i = 0; i < 3; i++)
        {
            var tree = compilation.SyntaxTrees.Last();
            compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(0, 0), "// edited\n"))));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            Console.WriteLine($"run {i}: {watch.Elapsed.TotalMilliseconds:F1} ms");
            foreach (var (name, steps) in driver.GetRunResult().Results[0].TrackedSteps)
            {
                Console.WriteLine($"  {name}: {steps.Sum(s => s.ElapsedTime.TotalMilliseconds):F1} ms over {steps.Length} steps; reasons {string.Join(",", steps.SelectMany(s => s.Outputs).Select(o => o.Reason).Distinct())}");
            }
        }
    }

    private static double Incremental(Func<CSharpCompilation> fresh, Func<IIncrementalGenerator> generator, int plainIndex)
    {
        var runs = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var compilation = fresh();
            var driver = Driver(generator()).RunGenerators(compilation);
            var tree = compilation.SyntaxTrees.ElementAt(plainIndex);
            var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(0, 0), "// edited\n"))));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            driver.RunGenerators(edited);
            runs.Add(watch.Elapsed.TotalMilliseconds);
        }

        runs.Sort();
        return runs[runs.Count / 2];
    }

    private static GeneratorDriver Driver(IIncrementalGenerator generator) =>
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static int CountLinks(Compilation compilation)
    {
        Driver(new ManifestGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var json = output.SyntaxTrees.Last().ToString();
        return json.Split("\\\"kind\\\"").Length - 1;
    }

    /// <summary>One file in two carries links (10 each, 10,000 in all); the rest is ordinary code.</summary>
    private static IEnumerable<string> Sources()
    {
        var linked = 0;
        for (var i = 0; i < Files; i++)
        {
            var source = new StringBuilder();
            source.AppendLine("using RegressionProof;").AppendLine("namespace Synthetic.Area" + (i % 20) + ";");
            if (i % LinkedEvery == 0)
            {
                source.AppendLine($"public class Linked{i}").AppendLine("{");
                for (var m = 0; m < LinksPerLinkedFile; m++)
                {
                    var card = $"INTAKE-{linked * LinksPerLinkedFile + m}";
                    source.AppendLine(m % 2 == 0
                        ? $"    [Fixes(\"{card}\")] public int Fix{m}(int x) => x + {m};"
                        : $"    [Xunit.Fact, RegressionFor(\"{card}\")] public void Test{m}() {{ }}");
                }

                source.AppendLine("}");
                linked++;
            }
            else
            {
                source.AppendLine($"public class Plain{i}").AppendLine("{");
                for (var m = 0; m < 10; m++)
                {
                    source.AppendLine($"    public int Method{m}(int value) {{ var total = 0; for (var k = 0; k < value; k++) {{ total += k * {m}; }} return total; }}");
                }

                source.AppendLine("}");
            }

            yield return source.ToString();
        }
    }

    public static List<MetadataReference> References()
    {
        var runtime = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        var xunit = CSharpCompilation.Create("xunit.core",
            [CSharpSyntaxTree.ParseText("namespace Xunit { public class FactAttribute : System.Attribute { public string? Skip { get; set; } } }")],
            runtime, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        xunit.Emit(stream);
        runtime.Add(MetadataReference.CreateFromImage(stream.ToArray()));
        runtime.Add(MetadataReference.CreateFromFile(typeof(RegressionProof.FixesAttribute).Assembly.Location));
        return runtime;
    }

    /// <summary>The same attribute pipelines doing nothing: the floor any such generator pays.</summary>
    /// <summary>The least any attribute-reading generator pays: one <c>ForAttributeWithMetadataName</c>, an empty transform.</summary>
    internal sealed class OneAttributeNoOpGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var values = context.SyntaxProvider.ForAttributeWithMetadataName(RegressionProof.Analyzers.Infrastructure.KnownAttributes.MetadataNames[0].Key, static (_, _) => true, static (_, _) => 0).Collect();
            context.RegisterSourceOutput(values, static (_, _) => { });
        }
    }

    internal sealed class NoOpGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            foreach (var pair in RegressionProof.Analyzers.Infrastructure.KnownAttributes.MetadataNames)
            {
                var values = context.SyntaxProvider.ForAttributeWithMetadataName(pair.Key, static (_, _) => true, static (_, _) => 0).Collect();
                context.RegisterSourceOutput(values, static (_, _) => { });
            }
        }
    }
}
