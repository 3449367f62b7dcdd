using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RegressionProof.Manifest.Tests;

/// <summary>Builds small assemblies on disk that carry whatever manifest attribute a test needs.</summary>
internal static class TestAssemblies
{
    public static string Build(string folder, string name, string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(folder, name + ".dll");
        var result = compilation.Emit(path);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
        }

        return path;
    }

    /// <summary>C# source of an assembly attribute that carries <paramref name="json"/> as the manifest.</summary>
    public static string WithManifest(string json) =>
        $"[assembly: System.Reflection.AssemblyMetadata(\"RegressionProof.Manifest\", {SymbolDisplay.FormatLiteral(json, quote: true)})]";
}
