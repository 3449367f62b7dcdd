using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RegressionProof.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs analyzers directly over compilations, for tests that need more than the verifier offers:
/// diagnostic properties, several compilations, or many generated inputs.
/// </summary>
public static class AnalyzerRunner
{
    /// <summary>The .NET 8 reference assemblies, as the verifier uses.</summary>
    public static IEnumerable<MetadataReference> RuntimeReferences => TestFrameworkReferences.Runtime;

    public static CSharpCompilation CreateCompilation(string assemblyName, IEnumerable<string> sources, IEnumerable<MetadataReference>? references = null)
    {
        return CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: $"/src/File{index}.cs")),
            RuntimeReferences.Append(TestFrameworkReferences.Attributes).Concat(TestFrameworkReferences.All).Concat(references ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string source) =>
        RunAsync(CreateCompilation("Test", [source]), [analyzer]);

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions? options = null)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(options ?? new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }
}
