using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RegressionProof.Benchmarks;

/// <summary>
/// The analyzers as an IDE runs them: after an edit, only the edited document is analyzed. Its
/// cost should follow the size of the document, not of the project.
/// </summary>
internal static class IdeBenchmark
{
    public static string Run()
    {
        var rows = new StringBuilder();
        foreach (var files in new[] { 200, 2000 })
        {
            var trees = Enumerable.Range(0, files)
                .Select(i => CSharpSyntaxTree.ParseText(Source(i, linked: i % 2 == 0, members: i == 0 ? 400 : 10), new CSharpParseOptions(LanguageVersion.Latest), $"/repo/src/File{i:D4}.cs", Encoding.UTF8))
                .ToArray();
            var references = GeneratorBenchmark.References();
            var analyzers = Analyzers();
            CompilationWithAnalyzers Fresh() => CSharpCompilation.Create("Ide", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));

            // The large document (file 0, 400 linked members) as the IDE analyzes it after an edit, against the whole project.
            var (document, project) = Measure.SideBySide(
                () =>
                {
                    var analysis = Fresh();
                    var model = analysis.Compilation.GetSemanticModel(analysis.Compilation.SyntaxTrees.First());
                    analysis.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
                },
                () => Fresh().GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult(),
                runs: 5);
            rows.AppendLine($"| {files} files | {document:F0} ms | {project:F0} ms | {document / project:F3} |");
        }

        return new StringBuilder()
            .AppendLine($"One document of 400 linked members in projects of 200 and 2,000 files (half of them with 10 links). Machine: {Measure.Machine()}.")
            .AppendLine()
            .AppendLine("| project | analyze the edited document | analyze the whole project | document ÷ project |")
            .AppendLine("|---|---|---|---|")
            .Append(rows)
            .ToString();
    }

    private static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        typeof(RegressionProof.Analyzers.Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static string Source(int index, bool linked, int members)
    {
        var source = new StringBuilder("using RegressionProof;\nnamespace Ide;\n");
        source.AppendLine($"public class Type{index}").AppendLine("{");
        for (var m = 0; m < members; m++)
        {
            source.AppendLine(linked
                ? $"    [Fixes(\"INTAKE-{index * 1000 + m}\")] [ManualVerification(\"INTAKE-{index * 1000 + m}\", Steps = \"s\", RecordedOn = \"2026-11-01\", AutomateBy = \"2026-11-10\")] public int M{m}(int x) => x + {m};"
                : $"    public int M{m}(int x) {{ var t = 0; for (var k = 0; k < x; k++) {{ t += k; }} return t; }}");
        }

        return source.AppendLine("}").ToString();
    }
}
