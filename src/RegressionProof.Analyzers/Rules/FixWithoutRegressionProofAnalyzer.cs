using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules;

/// <summary>
/// RP0001: in an aggregating project (<c>RegressionProofAggregate=true</c>), a <c>[Fixes("X")]</c>
/// in its source or its references has no proof for X in its source or its references.
/// </summary>
/// <remarks>
/// A compilation never sees the projects that reference it, so a project that is not declared as
/// the aggregate reports nothing: RP0001 must never be a false positive (docs/rules/RP0001.md).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FixWithoutRegressionProofAnalyzer : RegressionProofAnalyzer
{
    /// <summary>Diagnostic property: the card ID, for the code fixes.</summary>
    public const string CardProperty = "Card";

    public FixWithoutRegressionProofAnalyzer()
        : base(Descriptors.RP0001_FixWithoutRegressionProof)
    {
    }

    // A proof in a generated file (a source generator's tests, a .g.cs) runs and is in the
    // manifest like any other, so it proves its card here too.
    private protected override bool AnalyzesGeneratedCode => true;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known)
    {
        if (!RegressionProofOptions.IsAggregate(context.Options))
        {
            return;
        }

        var state = new CompilationState(known);
        RegisterLinkAction(context, known, state.OnLink);
        context.RegisterCompilationEndAction(state.OnCompilationEnd);
    }

    private static Diagnostic Create(Location location, string card, string target) => Diagnostic.Create(
        Descriptors.RP0001_FixWithoutRegressionProof,
        location,
        ImmutableDictionary<string, string?>.Empty.Add(CardProperty, card),
        MessageText.Card(card),
        MessageText.Escape(target));

    /// <summary>
    /// Reads the links of a referenced assembly from the manifest the generator embedded in it;
    /// false when it has none (built without the generator), or an unreadable one.
    /// </summary>
    private static bool CollectFromManifest(
        IAssemblySymbol assembly, List<ReferencedFix> fixes, ConcurrentDictionary<string, bool> provenCards, string? repositoryRoot)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass is not { Name: "AssemblyMetadataAttribute" } attributeClass
                || attributeClass.ContainingNamespace?.ToDisplayString() != "System.Reflection"
                || attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value as string != Generator.ManifestGenerator.MetadataKey
                || attribute.ConstructorArguments[1].Value is not string json)
            {
                continue;
            }

            var manifest = JsonDocumentReader.Parse(json, out _);
            if (manifest?["links"] is not { Kind: JsonNodeKind.Array } links)
            {
                return false;
            }

            foreach (var link in links.Items)
            {
                if (link["card"]?.AsString is not { Length: > 0 } card || link["kind"]?.AsString is not { } kind)
                {
                    continue;
                }

                if (kind == Contract.ManifestContract.Fixes)
                {
                    fixes.Add(new ReferencedFix(
                        card,
                        assembly.Name + ": " + (link["display"]?.AsString ?? link["symbol"]?.AsString ?? "?"),
                        ManifestLocation.Create(link["path"]?.AsString, WholePositive(link, "line"), WholePositive(link, "column"), repositoryRoot)));
                }
                else
                {
                    provenCards[card] = true;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>The link's <c>line</c> or <c>column</c> when it is a whole positive number, else null.</summary>
    private static int? WholePositive(JsonNode link, string property) =>
        link[property]?.Value is double value && value >= 1 && value <= int.MaxValue && value == System.Math.Floor(value) ? (int)value : null;

    /// <summary>
    /// A fix in a referenced assembly: its card, how messages name it, and where its <c>[Fixes]</c>
    /// is written when the assembly's manifest says so (else <see cref="Location.None"/>).
    /// </summary>
    private readonly record struct ReferencedFix(string Card, string Target, Location Location);

    /// <summary>
    /// What RP0001 learns in one compilation: the fixes in its source, and every card proven in
    /// its source or its references. Analyzer instances are shared between compilations, so
    /// this lives per compilation, not in fields of the analyzer.
    /// </summary>
    private sealed class CompilationState
    {
        private readonly KnownAttributes _known;
        private readonly ConcurrentQueue<(string Card, string Target, Location Location)> _fixes = new();
        private readonly ConcurrentDictionary<string, bool> _provenCards = new();

        public CompilationState(KnownAttributes known)
        {
            _known = known;
        }

        public void OnLink(LinkAnalysisContext linkContext)
        {
            var link = linkContext.Link;
            if (link.CardId is not { } card)
            {
                return; // RP0002 or RP0006 covers unusable IDs
            }

            if (link.Kind.IsProof())
            {
                _provenCards[card] = true;
            }
            else
            {
                _fixes.Enqueue((card, link.TargetName, link.Location));
            }
        }

        public void OnCompilationEnd(CompilationAnalysisContext endContext)
        {
            var referencedFixes = new List<ReferencedFix>();
            var repositoryRoot = RegressionProofOptions.GetRepositoryRoot(endContext.Options);
            foreach (var assembly in endContext.Compilation.SourceModule.ReferencedAssemblySymbols)
            {
                // The embedded manifest lists every link, private and internal ones too; metadata
                // only shows a compilation the public surface of its references.
                if (KnownAttributes.CanCarryLinks(assembly)
                    && !CollectFromManifest(assembly, referencedFixes, _provenCards, repositoryRoot))
                {
                    new ReferencedAssembly(this, assembly.Name, referencedFixes, endContext.CancellationToken).Collect(assembly.GlobalNamespace);
                }
            }

            foreach (var fix in _fixes.OrderBy(f => f.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(f => f.Location.SourceSpan.Start))
            {
                if (!_provenCards.ContainsKey(fix.Card))
                {
                    endContext.ReportDiagnostic(Create(fix.Location, fix.Card, fix.Target));
                }
            }

            // One fix can reach the compilation through several paths of references; it is reported once.
            foreach (var fix in referencedFixes.GroupBy(f => (f.Card, f.Target)).Select(g => g.First()).OrderBy(f => f.Target, System.StringComparer.Ordinal))
            {
                if (!_provenCards.ContainsKey(fix.Card))
                {
                    endContext.ReportDiagnostic(Create(fix.Location, fix.Card, fix.Target));
                }
            }
        }

        /// <summary>The walk over one referenced assembly built without the generator, through its metadata.</summary>
        private readonly struct ReferencedAssembly
        {
            private readonly CompilationState _state;
            private readonly string _assemblyName;
            private readonly List<ReferencedFix> _fixes;
            private readonly System.Threading.CancellationToken _cancellationToken;

            public ReferencedAssembly(
                CompilationState state, string assemblyName, List<ReferencedFix> fixes, System.Threading.CancellationToken cancellationToken)
            {
                _state = state;
                _assemblyName = assemblyName;
                _fixes = fixes;
                _cancellationToken = cancellationToken;
            }

            public void Collect(INamespaceOrTypeSymbol container)
            {
                foreach (var member in container.GetMembers())
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    switch (member)
                    {
                        case INamespaceSymbol ns:
                            Collect(ns);
                            break;
                        case INamedTypeSymbol type:
                            CollectLinks(type);
                            Collect(type);
                            break;
                        default:
                            if (container is INamedTypeSymbol)
                            {
                                CollectLinks(member);
                            }

                            break;
                    }
                }
            }

            private void CollectLinks(ISymbol symbol)
            {
                foreach (var (attribute, kind) in _state._known.LinksOf(symbol))
                {
                    if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string { } card || string.IsNullOrWhiteSpace(card))
                    {
                        continue;
                    }

                    if (kind.IsProof())
                    {
                        _state._provenCards[card] = true;
                    }
                    else
                    {
                        // Metadata keeps no source position: only a manifest says where the fix is written.
                        _fixes.Add(new ReferencedFix(card, _assemblyName + ": " + symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), Location.None));
                    }
                }
            }
        }
    }
}
