using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Generator;

// The pipeline models are classes, not structs, on purpose: the compiler's incremental pipeline
// is generic over them, and instantiations over reference types share code compiled ahead of
// time in Roslyn, while every struct instantiation is compiled again by the JIT in each compiler
// process (a build without the compiler server pays that once per project). See
// docs/performance.md, "Build overhead".

/// <summary>
/// One link of the manifest as the pipeline carries it: strings and numbers only, so it compares
/// by value and never holds a symbol, a syntax node or a compilation.
/// </summary>
internal sealed record LinkModel(
    string Kind,
    string Card,
    string Symbol,
    string Display,
    string FilePath,
    int Line,
    int Column,
    string? Framework,
    string? Test,
    string? DeclaredOn,
    EquatableArray<LinkArgument> Arguments,
    string Fingerprint);

/// <summary>
/// A named argument of the link's attribute as its manifest property (for example
/// <c>signal</c>, <c>latency</c>), in the order of its kind's row of the manifest contract.
/// </summary>
internal sealed record LinkArgument(string Property, string Value);

/// <summary>What the generator needs of the compilation itself.</summary>
internal sealed record CompilationModel(string AssemblyName, bool SeesAttributes, bool ReferencesTestFramework);

/// <summary>The folders that make paths in the manifest repository-relative.</summary>
internal sealed record PathModel(string? RepositoryRoot, string? ProjectDirectory);

/// <summary>
/// Whether the gate compares this assembly's public API with the baseline's: the
/// <c>RegressionProofCheckPublicApi</c> property when set, else not for a test project
/// (<c>IsTestProject</c>, or a reference to a test framework), else yes.
/// </summary>
internal sealed record PublicApiOptionModel(bool? CheckPublicApi, bool IsTestProject)
{
    public bool ChecksPublicApi(bool referencesTestFramework) => CheckPublicApi ?? !(IsTestProject || referencesTestFramework);
}

/// <summary>The manifest of one compilation, ready to emit.</summary>
internal sealed record ManifestModel(string AssemblyName, string Json);
