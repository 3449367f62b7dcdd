using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Generator;

/// <summary>
/// The links of each attributed declaration, kept from one run of the generator to the next.
/// </summary>
/// <remarks>
/// <c>ForAttributeWithMetadataName</c> calls the transform again for every attributed
/// declaration on every edit, anywhere. The links of a declaration are a function of its syntax
/// node (the same object while its file is unchanged), the files its extraction read, and its
/// <see cref="DeclarationEnvironment"/>; when all three are as they were, the earlier links are
/// returned and nothing is bound or formatted again. An edit that changes what any file declares
/// (a type renamed or moved, a using, a constant, a reference) changes the environment, and every
/// declaration is extracted again.
/// </remarks>
internal sealed class ExtractionCache
{
    // Kept by the generator instance, which a host keeps with its driver from run to run.
    private readonly ConditionalWeakTable<SyntaxNode, Entry?[]> _entries = new();
    private int _extractions;

    /// <summary>How many times a declaration's links were extracted rather than kept.</summary>
    public int Extractions => Volatile.Read(ref _extractions);

    public EquatableArray<LinkModel> GetOrExtract(GeneratorAttributeSyntaxContext context, LinkKind kind, CancellationToken cancellationToken)
    {
        var compilation = context.SemanticModel.Compilation;
        var environment = DeclarationEnvironment.Of(compilation);
        var entries = _entries.GetValue(context.TargetNode, static _ => new Entry?[KnownAttributes.MetadataNames.Count]);
        var index = (int)kind;

        var entry = Volatile.Read(ref entries[index]);
        if (entry is not null && environment.IsEquivalentTo(entry.Environment) && AllStillIn(compilation, entry.Read))
        {
            return entry.Links;
        }

        Interlocked.Increment(ref _extractions);
        var read = new HashSet<SyntaxTree> { context.TargetNode.SyntaxTree };
        var links = LinkExtractor.Extract(context, kind, read, cancellationToken);
        Volatile.Write(ref entries[index], new Entry(environment.Representative, read, links));
        return links;
    }

    private static bool AllStillIn(Compilation compilation, HashSet<SyntaxTree> read)
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

    /// <summary>The links of one declaration and kind, and what they were extracted from.</summary>
    private sealed class Entry(DeclarationEnvironment environment, HashSet<SyntaxTree> read, EquatableArray<LinkModel> links)
    {
        public DeclarationEnvironment Environment { get; } = environment;

        public HashSet<SyntaxTree> Read { get; } = read;

        public EquatableArray<LinkModel> Links { get; } = links;
    }
}
