using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Generator;

/// <summary>
/// The links of a compilation, each declaration's kept from one run of the generator to the next.
/// </summary>
/// <remarks>
/// The links of a declaration are a function of its syntax node (the same object while its file is
/// unchanged), the files its extraction read, and its <see cref="DeclarationEnvironment"/>; when
/// all three are as they were, the earlier links are returned and nothing is bound or formatted
/// again, so an edit inside a method body costs a lookup per attributed declaration. An edit that
/// changes what any file declares (a type renamed or moved, a using, a constant, a reference)
/// changes the environment, and every declaration is extracted again.
/// </remarks>
internal sealed class ExtractionCache
{
    // Kept by the generator instance, which a host keeps with its driver from run to run.
    // A box per node, replaced whole: two runs over the same file (two hosts of one project) may
    // race, and each then stores links that are right for its own compilation.
    private readonly ConditionalWeakTable<SyntaxNode, StrongBox<Entry?>> _entries = new();
    private int _extractions;

    /// <summary>How many times a declaration's links were extracted rather than kept.</summary>
    public int Extractions => Volatile.Read(ref _extractions);

    /// <summary>Every link of the compilation, file by file in the compilation's order.</summary>
    public EquatableArray<LinkModel> LinksOf(Compilation compilation, CancellationToken cancellationToken)
    {
        var environment = DeclarationEnvironment.Of(compilation);
        var globalAliases = AttributeNames.GlobalAliases(compilation);
        var links = new List<LinkModel>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var declaration in AttributedDeclarations.In(tree, globalAliases, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                links.AddRange(LinksOf(declaration, compilation, environment, ref model, cancellationToken).Items);
            }
        }

        return links.ToEquatableArray();
    }

    private EquatableArray<LinkModel> LinksOf(SyntaxNode declaration, Compilation compilation, DeclarationEnvironment environment, ref SemanticModel? model, CancellationToken cancellationToken)
    {
        var box = _entries.GetValue(declaration, static _ => new StrongBox<Entry?>());
        var entry = Volatile.Read(ref box.Value);
        if (entry is not null && environment.IsEquivalentTo(entry.Environment) && AllStillIn(compilation, entry.Read))
        {
            return entry.Links;
        }

        Interlocked.Increment(ref _extractions);
        // The ban is for analyzers, which are handed a semantic model; a generator's pipeline step
        // has only the compilation, and asks it for one model per file, as the compiler's
        // attribute index does.
#pragma warning disable RS0030
        model ??= compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS0030
        var read = new HashSet<SyntaxTree> { declaration.SyntaxTree };
        var links = Extract(declaration, model, read, cancellationToken);
        Volatile.Write(ref box.Value, new Entry(environment.Representative, read.ToArray(), links));
        return links;
    }

    /// <summary>
    /// The links of one declaration: its symbol's RegressionProof attributes applied in its file,
    /// kind by kind, as <c>ForAttributeWithMetadataName</c> would hand them over one kind at a time.
    /// </summary>
    private static EquatableArray<LinkModel> Extract(SyntaxNode declaration, SemanticModel model, HashSet<SyntaxTree> read, CancellationToken cancellationToken)
    {
        var symbol = declaration is AnonymousFunctionExpressionSyntax
            ? model.GetSymbolInfo(declaration, cancellationToken).Symbol
            : model.GetDeclaredSymbol(declaration, cancellationToken);
        if (symbol is null)
        {
            return EquatableArray<LinkModel>.Empty;
        }

        List<(LinkKind Kind, AttributeData Attribute)>? ours = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.ApplicationSyntaxReference?.SyntaxTree == declaration.SyntaxTree && AttributeNames.TryGetKind(attribute.AttributeClass, out var kind))
            {
                (ours ??= new List<(LinkKind, AttributeData)>()).Add((kind, attribute));
            }
        }

        if (ours is null)
        {
            return EquatableArray<LinkModel>.Empty;
        }

        var links = new List<LinkModel>();
        foreach (var group in ours.GroupBy(pair => pair.Kind).OrderBy(group => group.Key))
        {
            links.AddRange(LinkExtractor.Extract(declaration, symbol, group.Select(pair => pair.Attribute).ToList(), group.Key, read, cancellationToken).Items);
        }

        return links.ToEquatableArray();
    }

    private static bool AllStillIn(Compilation compilation, SyntaxTree[] read)
    {
        foreach (var tree in read)
        {
            if (!compilation.ContainsSyntaxTree(tree))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The links of one declaration, and what they were extracted from.</summary>
    private sealed class Entry(DeclarationEnvironment environment, SyntaxTree[] read, EquatableArray<LinkModel> links)
    {
        public DeclarationEnvironment Environment { get; } = environment;

        public SyntaxTree[] Read { get; } = read;

        public EquatableArray<LinkModel> Links { get; } = links;
    }
}
