using System;

namespace RegressionProof.Analyzers.Generator
{
    /// <summary>
    /// One link of the manifest as the pipeline carries it: strings and numbers only, so it compares
    /// by value and never holds a symbol, a syntax node or a compilation.
    /// </summary>
    internal readonly record struct LinkModel(
        string Kind,
        string Card,
        string Symbol,
        string Display,
        string FilePath,
        int Line,
        string? Framework,
        string? Test,
        string? DeclaredOn,
        string? Level,
        string? Signal,
        string? Name,
        string? Rule,
        string? Baseline,
        string? Threshold,
        string? Panel,
        string? Steps,
        string? RecordedOn,
        string? AutomateBy,
        string? Evidence,
        string Fingerprint);

    /// <summary>What the generator needs of the compilation itself.</summary>
    internal readonly record struct CompilationModel(string AssemblyName, bool SeesAttributes);

    /// <summary>The folders that make paths in the manifest repository-relative.</summary>
    internal readonly record struct PathModel(string? RepositoryRoot, string? ProjectDirectory);

    /// <summary>The manifest of one compilation, ready to emit.</summary>
    internal readonly record struct ManifestModel(string AssemblyName, string Json) : IEquatable<ManifestModel>;
}
