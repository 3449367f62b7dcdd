using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegressionProof.Gate.Inputs;

namespace RegressionProof.Gate.Tests.Api;

/// <summary>Compiles a tiny library in memory and reads it as the gate does, from metadata alone.</summary>
internal static class ApiLibrary
{
    private static readonly MetadataReference[] Framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    /// <summary>The image of an assembly named <paramref name="name"/> built from <paramref name="source"/>.</summary>
    public static byte[] Compile(string source, string name = "Shop", params MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            Framework.Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return image.ToArray();
    }

    /// <summary>The public API lines of the library built from <paramref name="source"/>.</summary>
    public static IReadOnlyList<string> Api(string source)
    {
        using var stream = new MemoryStream(Compile(source));
        return AssemblyInspector.Inspect(stream, "Shop.dll").PublicApi;
    }

    /// <summary>The earlier format's API lines of the library built from <paramref name="source"/>.</summary>
    public static IReadOnlyList<string> LegacyApi(string source)
    {
        using var stream = new MemoryStream(Compile(source));
        return AssemblyInspector.Inspect(stream, "Shop.dll", withEarlierApiFormat: true).LegacyPublicApi!;
    }
}
