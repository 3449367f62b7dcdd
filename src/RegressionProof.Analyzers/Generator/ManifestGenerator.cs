using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Generator;

/// <summary>
/// Embeds the manifest of every RegressionProof link of a compilation in the assembly it builds,
/// as <c>[assembly: AssemblyMetadata("RegressionProof.Manifest", json)]</c>, for the
/// <c>verify-regression-safety</c> gate to read from metadata alone.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ManifestGenerator : IIncrementalGenerator
{
    public const string MetadataKey = Contract.ManifestContract.MetadataKey;
    public const string HintName = "RegressionProof.Manifest.g.cs";

    /// <summary>The links of unchanged declarations, kept from one run to the next.</summary>
    internal ExtractionCache Cache { get; } = new();

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Every link of the compilation in one step that runs on every edit: the declarations are
        // found once per version of a file, and the links of each are kept while nothing they bind
        // against changes, so an edit inside a method body costs a lookup per attributed declaration.
        var cache = Cache;
        var allLinks = context.CompilationProvider
            .Select((compilation, cancellationToken) => cache.LinksOf(compilation, cancellationToken))
            .WithTrackingName(TrackingNames.Links);

        // Runs on every edit, so it must stay cheap: the reference list is reused between edits,
        // while resolving a type by name would rebuild the namespace symbols of the whole compilation.
        var compilation = context.CompilationProvider
            .Select(static (compilation, _) => new CompilationModel(
                compilation.AssemblyName ?? string.Empty,
                compilation.ReferencedAssemblyNames.Any(static name => name.Name == KnownAttributes.AttributesAssemblyName),
                compilation.ReferencedAssemblyNames.Any(static name => TestFrameworkAssemblies.IsTestFramework(name.Name))))
            .WithTrackingName(TrackingNames.Compilation);

        var paths = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
            {
                options.GlobalOptions.TryGetValue("build_property.RegressionProofRepositoryRoot", out var root);
                options.GlobalOptions.TryGetValue("build_property.ProjectDir", out var projectDir);
                return new PathModel(root, projectDir);
            })
            .WithTrackingName(TrackingNames.Paths);

        var publicApi = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
            {
                options.GlobalOptions.TryGetValue("build_property.RegressionProofCheckPublicApi", out var checkPublicApi);
                options.GlobalOptions.TryGetValue("build_property.IsTestProject", out var isTestProject);
                return new PublicApiOptionModel(Flag(checkPublicApi), Flag(isTestProject) == true);
            })
            .WithTrackingName(TrackingNames.PublicApiOption);

        var manifest = allLinks
            .Combine(compilation)
            .Combine(paths)
            .Combine(publicApi)
            .Select(static (input, _) =>
            {
                var links = input.Left.Left.Left;
                var target = input.Left.Left.Right;
                var checkPublicApi = input.Right.ChecksPublicApi(target.ReferencesTestFramework);
                return target.SeesAttributes
                    ? new ManifestModel(target.AssemblyName, ManifestWriter.Write(target.AssemblyName, links, input.Left.Right, checkPublicApi))
                    : null;
            })
            .WithTrackingName(TrackingNames.Manifest);

        // An implementation output: the manifest is one assembly attribute that no code reads while
        // it is written, so a host that only needs semantics (an IDE while typing) may skip it, and
        // with it every step above. A compiler that emits an assembly always runs it.
        context.RegisterImplementationSourceOutput(manifest, static (output, model) =>
        {
            if (model is null)
            {
                return; // built without RegressionProof attributes: nothing to record
            }

            output.AddSource(HintName, SourceText.From(Emit(model.Json), Encoding.UTF8));
        });
    }

    /// <summary>An MSBuild boolean property: true, false, or not set (anything else).</summary>
    private static bool? Flag(string? value) =>
        string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(value?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase) ? false
        : (bool?)null;

    /// <summary>The generated file: a fixed header and one assembly attribute carrying the JSON.</summary>
    internal static string Emit(string json)
    {
        // The JSON is ASCII-only, so escaping quotes and backslashes makes a plain C# literal.
        var literal = json.Replace("\\", "\\\\").Replace("\"", "\\\"");
        return new StringBuilder(literal.Length + 256)
            .Append("// <auto-generated/>\n")
            .Append("// The RegressionProof manifest of this assembly: every link between its code and intake cards.\n")
            .Append("// Read by verify-regression-safety from metadata; see docs/manifest.md.\n")
            .Append("[assembly: global::System.Reflection.AssemblyMetadata(\"").Append(MetadataKey).Append("\", \"")
            .Append(literal)
            .Append("\")]\n")
            .ToString();
    }
}
