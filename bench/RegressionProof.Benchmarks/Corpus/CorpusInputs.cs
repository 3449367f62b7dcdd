using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RegressionProof.Benchmarks.Corpus;

/// <summary>What the corpus compiles against and which analyzers run on it.</summary>
internal static class CorpusInputs
{
    /// <summary>The version of xunit.analyzers that xunit 2.9.3 (this repository's xunit) brings.</summary>
    public const string XunitAnalyzersVersion = "1.18.0";

    /// <summary>
    /// The reference assemblies of .NET 10 (the SDK's Microsoft.NETCore.App.Ref pack beside the
    /// running runtime), or the running runtime's own assemblies when no pack is installed.
    /// </summary>
    public static (IReadOnlyList<MetadataReference> References, string Description) Framework()
    {
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeFolder, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var pack = Directory.Exists(packs)
            ? Directory.GetDirectories(packs).Select(v => Path.Combine(v, "ref", "net10.0")).Where(Directory.Exists).OrderBy(v => v, StringComparer.Ordinal).LastOrDefault()
            : null;
        if (pack is not null)
        {
            return (Directory.GetFiles(pack, "*.dll").OrderBy(p => p, StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray(),
                "Microsoft.NETCore.App.Ref " + Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(pack))));
        }

        var runtime = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == runtimeFolder)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
        return (runtime, "the running .NET runtime's assemblies");
    }

    /// <summary>xunit 2.9.3 as the tests reference it (xunit.core, xunit.assert, xunit.abstractions), and the attributes.</summary>
    public static IReadOnlyList<MetadataReference> XunitAndAttributes() =>
        new[] { typeof(Xunit.FactAttribute), typeof(Xunit.Assert), typeof(Xunit.Abstractions.ITestOutputHelper), typeof(RegressionProof.FixesAttribute) }
            .Select(t => (MetadataReference)MetadataReference.CreateFromFile(t.Assembly.Location))
            .ToArray();

    /// <summary>Every RegressionProof analyzer, as the package ships them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Ours() =>
        typeof(RegressionProof.Analyzers.Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>xunit.analyzers from the NuGet packages folder, or null with <paramref name="error"/> saying where it was looked for.</summary>
    public static ImmutableArray<DiagnosticAnalyzer>? Xunit(out string? error)
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(root, "xunit.analyzers", XunitAnalyzersVersion, "analyzers", "dotnet", "cs", "xunit.analyzers.dll");
        if (!File.Exists(path))
        {
            error = $"{path} does not exist: restore this project first (xunit {XunitAnalyzersVersion} brings it), or set NUGET_PACKAGES";
            return null;
        }

        error = null;
        return new AnalyzerFileReference(path, new Loader()).GetAnalyzers(LanguageNames.CSharp);
    }

    public static AnalyzerOptions Options(IReadOnlyDictionary<string, string> global, params (string Path, string Text)[] files) =>
        new(files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray(), new Provider(new Values(global)));

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Values(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = null!;
            return false;
        }
    }

    private sealed class Provider(AnalyzerConfigOptions global) : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Empty = new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
    }
}
