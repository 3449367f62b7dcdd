using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RegressionProof.Analyzers.Generator;

/// <summary>
/// The declarations of a file that may carry a RegressionProof attribute, found from its text and
/// syntax alone and kept per version of the file.
/// </summary>
/// <remarks>
/// One pass finds all seven attributes, where one <c>ForAttributeWithMetadataName</c> per attribute
/// walks every file seven times. A file that contains none of the attributes' names (nor a global
/// alias of one) is ruled out by a text search, without a walk; in the others only the nodes that
/// hold such a name are visited. A declaration is an attribute list's owner as
/// <c>ForAttributeWithMetadataName</c> defines it: the member, type, parameter, accessor, local
/// function or lambda, and each variable of a field or event field. Whether an attribute really is
/// one of ours is decided later, from its symbol.
/// </remarks>
internal static class AttributedDeclarations
{
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<Found>> Cache = new();

    public static ImmutableArray<SyntaxNode> In(SyntaxTree tree, ImmutableArray<string> globalAliases, CancellationToken cancellationToken)
    {
        var box = Cache.GetValue(tree, static _ => new StrongBox<Found>());
        var found = Volatile.Read(ref box.Value);
        if (found is not null && found.GlobalAliases.SequenceEqual(globalAliases, StringComparer.Ordinal))
        {
            return found.Owners;
        }

        var owners = Find(tree, globalAliases, cancellationToken);
        Volatile.Write(ref box.Value, new Found(globalAliases, owners));
        return owners;
    }

    private static ImmutableArray<SyntaxNode> Find(SyntaxTree tree, ImmutableArray<string> globalAliases, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();

        // A Unicode escape can spell a name the text search cannot see: such a file is walked whole.
        var escaped = text.IndexOf("\\u", StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", StringComparison.Ordinal) >= 0;
        var names = AttributeNames.Simple.Concat(globalAliases).ToList();
        var occurrences = Occurrences(text, names);
        if (occurrences.Count == 0 && !escaped)
        {
            return ImmutableArray<SyntaxNode>.Empty;
        }

        var root = tree.GetRoot(cancellationToken);
        var aliases = new HashSet<string>(globalAliases, StringComparer.Ordinal);
        foreach (var usings in UsingsOf(root))
        {
            foreach (var alias in AttributeNames.AliasesIn(usings, globalOnly: false))
            {
                if (aliases.Add(alias))
                {
                    occurrences.AddRange(Occurrences(text, [alias]));
                }
            }
        }

        occurrences.Sort();
        var owners = new List<SyntaxNode>();
        foreach (var node in root.DescendantNodes(node => escaped || Holds(node.FullSpan, occurrences)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node is not AttributeListSyntax list || !list.Attributes.Any(attribute => AttributeNames.MayName(attribute.Name, aliases)))
            {
                continue;
            }

            switch (list.Parent)
            {
                case BaseFieldDeclarationSyntax field:
                    owners.AddRange(field.Declaration.Variables);
                    break;
                case CompilationUnitSyntax or null:
                    break; // assembly and module attributes: none of ours targets them
                case var owner:
                    owners.Add(owner);
                    break;
            }
        }

        return owners.Distinct().ToImmutableArray();
    }

    /// <summary>The using directives of the file and of each namespace in it, where aliases are declared.</summary>
    private static IEnumerable<SyntaxList<UsingDirectiveSyntax>> UsingsOf(SyntaxNode root)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            var (usings, members) = node switch
            {
                CompilationUnitSyntax unit => (unit.Usings, unit.Members),
                BaseNamespaceDeclarationSyntax ns => (ns.Usings, ns.Members),
                _ => (default, default),
            };
            yield return usings;
            foreach (var member in members.OfType<BaseNamespaceDeclarationSyntax>())
            {
                pending.Push(member);
            }
        }
    }

    private static List<int> Occurrences(string text, IEnumerable<string> names)
    {
        var positions = new List<int>();
        foreach (var name in names)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                positions.Add(at);
            }
        }

        return positions;
    }

    /// <summary>Whether the span holds one of the sorted positions.</summary>
    private static bool Holds(TextSpan span, List<int> sortedPositions)
    {
        var index = sortedPositions.BinarySearch(span.Start);
        if (index < 0)
        {
            index = ~index;
        }

        return index < sortedPositions.Count && sortedPositions[index] < span.End;
    }

    /// <summary>The declarations found in one version of a file, and the global aliases they were found with.</summary>
    private sealed class Found(ImmutableArray<string> globalAliases, ImmutableArray<SyntaxNode> owners)
    {
        public ImmutableArray<string> GlobalAliases { get; } = globalAliases;

        public ImmutableArray<SyntaxNode> Owners { get; } = owners;
    }
}
