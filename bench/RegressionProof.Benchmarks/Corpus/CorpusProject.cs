using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RegressionProof.Benchmarks.Corpus;

/// <summary>
/// One project of the real-code corpus: its source files as read from the checkout, and how its
/// own build compiles them (preprocessor symbols, nullable context, language version).
/// </summary>
internal sealed class CorpusProject
{
    private CorpusProject(string name, IReadOnlyList<(string Path, string Text)> files, CSharpParseOptions parseOptions, NullableContextOptions nullable)
    {
        Name = name;
        Files = files;
        ParseOptions = parseOptions;
        Nullable = nullable;
    }

    public string Name { get; }

    /// <summary>Every .cs file of the project folder (bin and obj excluded), in ordinal path order so runs agree.</summary>
    public IReadOnlyList<(string Path, string Text)> Files { get; }

    public CSharpParseOptions ParseOptions { get; }

    public NullableContextOptions Nullable { get; }

    public int Lines => Files.Sum(f => CountLines(f.Text));

    public static int CountLines(string text) => text.Length == 0 ? 0 : text.Count(c => c == '\n') + (text[^1] == '\n' ? 0 : 1);

    public static CorpusProject Read(string folder, string name, IEnumerable<string> symbols, NullableContextOptions nullable)
    {
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p, Encoding.UTF8)))
            .ToArray();
        var options = new CSharpParseOptions(LanguageVersion.CSharp12, preprocessorSymbols: symbols);
        return new CorpusProject(name, files, options, nullable);
    }

    /// <summary>The same project with some files' text replaced (the injected attributes) and files added.</summary>
    public CorpusProject With(IReadOnlyList<(string Path, string Text)> files) => new(Name, files, ParseOptions, Nullable);

    /// <summary>The first <paramref name="count"/> files only, for a warm-up.</summary>
    public CorpusProject Take(int count) => With(Files.Take(count).ToArray());

    public SyntaxTree[] Parse() =>
        Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path, Encoding.UTF8)).ToArray();

    public CSharpCompilation Compile(IReadOnlyList<SyntaxTree> trees, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(Name, trees, references, new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: Nullable,
            allowUnsafe: true,
            concurrentBuild: true));
}
