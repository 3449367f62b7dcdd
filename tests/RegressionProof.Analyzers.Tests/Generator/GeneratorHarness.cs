using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegressionProof.Analyzers.Generator;
using RegressionProof.Analyzers.Tests.Verifiers;
using RegressionProof.Manifest;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>Runs the manifest generator over in-memory compilations, the way the compiler does.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compilation(IEnumerable<(string Path, string Source)> files, string assemblyName = "Shop", bool withAttributes = true)
    {
        var references = TestFrameworkReferences.Runtime.Concat(TestFrameworkReferences.All);
        if (withAttributes)
        {
            references = references.Append(TestFrameworkReferences.Attributes);
        }

        return CSharpCompilation.Create(
            assemblyName,
            files.Select(file => CSharpSyntaxTree.ParseText(file.Source, ParseOptions, file.Path, Encoding.UTF8)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
    }

    public static GeneratorDriver CreateDriver(
        string? repositoryRoot = "/repo",
        string? projectDirectory = "/repo/src/Shop/",
        IReadOnlyDictionary<string, string>? properties = null,
        IncrementalGeneratorOutputKind disabledOutputs = IncrementalGeneratorOutputKind.None)
    {
        var global = new Dictionary<string, string>();
        foreach (var (name, value) in properties ?? new Dictionary<string, string>())
        {
            global["build_property." + name] = value;
        }

        if (repositoryRoot is not null)
        {
            global["build_property.RegressionProofRepositoryRoot"] = repositoryRoot;
        }

        if (projectDirectory is not null)
        {
            global["build_property.ProjectDir"] = projectDirectory;
        }

        var options = TestAnalyzerOptions.Create(global);
        return CSharpGeneratorDriver.Create(
            [new ManifestGenerator().AsSourceGenerator()],
            additionalTexts: [],
            parseOptions: ParseOptions,
            optionsProvider: options.AnalyzerConfigOptionsProvider,
            driverOptions: new GeneratorDriverOptions(disabledOutputs, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once and returns the generated file's text, or null when it generated none.</summary>
    public static string? GeneratedSource(Compilation compilation, string? repositoryRoot = "/repo", string? projectDirectory = "/repo/src/Shop/")
    {
        var result = CreateDriver(repositoryRoot, projectDirectory).RunGenerators(compilation).GetRunResult();
        var run = Assert.Single(result.Results);
        Xunit.Assert.Null(run.Exception);
        return run.GeneratedSources.SingleOrDefault(source => source.HintName == ManifestGenerator.HintName).SourceText?.ToString();
    }

    /// <summary>The manifest JSON the generator embeds, or null when it generated none.</summary>
    public static string? ManifestJson(Compilation compilation, string? repositoryRoot = "/repo", string? projectDirectory = "/repo/src/Shop/")
    {
        var source = GeneratedSource(compilation, repositoryRoot, projectDirectory);
        return source is null ? null : JsonOf(source);
    }

    /// <summary>Reads the JSON back out of the generated C# literal.</summary>
    public static string JsonOf(string generatedSource)
    {
        var start = generatedSource.IndexOf(ManifestGenerator.MetadataKey + "\", \"", StringComparison.Ordinal) + ManifestGenerator.MetadataKey.Length + 4;
        var end = generatedSource.LastIndexOf("\")]", StringComparison.Ordinal);
        return generatedSource[start..end].Replace("\\\"", "\"").Replace("\\\\", "\\");
    }

    /// <summary>Compiles with the generator to an assembly file on disk, as a build does.</summary>
    public static string EmitWithGenerator(Compilation compilation, string folder)
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
        Xunit.Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var path = Path.Combine(folder, compilation.AssemblyName + ".dll");
        var result = updated.Emit(path);
        Xunit.Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return path;
    }

    public static ManifestDocument Parse(string json) => RegressionProof.Manifest.ManifestJson.Parse(json, "generated manifest");

    private static class Assert
    {
        public static T Single<T>(ImmutableArray<T> items) => Xunit.Assert.Single(items);
    }
}
