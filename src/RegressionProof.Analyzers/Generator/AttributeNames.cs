using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Generator;

/// <summary>
/// The names under which code can apply a RegressionProof attribute: its simple name, with or
/// without the <c>Attribute</c> suffix, and any alias of it. The generator finds attributed
/// declarations by these names from syntax alone, then confirms each with its symbol.
/// </summary>
internal static class AttributeNames
{
    private const string Namespace = "RegressionProof";
    private const string Suffix = "Attribute";

    /// <summary>The simple names without the suffix (<c>Fixes</c>, <c>RegressionFor</c> …): every way to write one contains one of them.</summary>
    public static readonly ImmutableArray<string> Simple = KnownAttributes.MetadataNames
        .Select(pair => pair.Key.Substring(Namespace.Length + 1, pair.Key.Length - Namespace.Length - 1 - Suffix.Length))
        .ToImmutableArray();

    private static readonly Dictionary<string, LinkKind> KindsByClassName = KnownAttributes.MetadataNames
        .ToDictionary(pair => pair.Key.Substring(Namespace.Length + 1), pair => pair.Value, StringComparer.Ordinal);

    private static readonly ConditionalWeakTable<SyntaxTree, string[]> GlobalAliasesOfTree = new();

    /// <summary>
    /// The kind of a RegressionProof attribute class, found by its full name as
    /// <c>ForAttributeWithMetadataName</c> finds it, without resolving a type in the compilation.
    /// </summary>
    public static bool TryGetKind(INamedTypeSymbol? attributeClass, out LinkKind kind)
    {
        kind = default;
        return attributeClass is { ContainingType: null, Arity: 0, ContainingNamespace: { Name: Namespace } ns }
            && ns.ContainingNamespace is { IsGlobalNamespace: true }
            && KindsByClassName.TryGetValue(attributeClass.Name, out kind);
    }

    /// <summary>Whether an attribute's name (<c>Fixes</c>, <c>RegressionProof.FixesAttribute</c>, an alias) may name one of ours.</summary>
    public static bool MayName(NameSyntax name, ICollection<string> aliases)
    {
        var identifier = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier,
            AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier,
            SimpleNameSyntax simple => simple.Identifier,
            _ => default,
        };
        return aliases.Contains(identifier.ValueText) || IsSimpleName(identifier.ValueText);
    }

    /// <summary>Whether an identifier is one of the attributes' simple names, with or without the suffix.</summary>
    private static bool IsSimpleName(string text) =>
        Simple.Contains(text.EndsWith(Suffix, StringComparison.Ordinal) ? text.Substring(0, text.Length - Suffix.Length) : text, StringComparer.Ordinal);

    /// <summary>
    /// The alias names that <c>global using</c> directives of the compilation give to something
    /// that names one of ours; a file may then apply one without writing any of its names.
    /// </summary>
    public static ImmutableArray<string> GlobalAliases(Compilation compilation)
    {
        List<string>? all = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var aliases = GlobalAliasesOfTree.GetValue(tree, static t => t.GetRoot() is CompilationUnitSyntax unit ? AliasesIn(unit.Usings, globalOnly: true).ToArray() : []);
            if (aliases.Length > 0)
            {
                (all ??= new List<string>()).AddRange(aliases);
            }
        }

        return all is null ? ImmutableArray<string>.Empty : all.Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>The aliases among <paramref name="usings"/> whose target names one of ours.</summary>
    public static ImmutableArray<string> AliasesIn(SyntaxList<UsingDirectiveSyntax> usings, bool globalOnly)
    {
        var aliases = ImmutableArray.CreateBuilder<string>();
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias
                && (!globalOnly || directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                && directive.NamespaceOrType is { } target
                && target.DescendantTokens().Any(token => token.IsKind(SyntaxKind.IdentifierToken) && IsSimpleName(token.ValueText)))
            {
                aliases.Add(alias.Name.Identifier.ValueText);
            }
        }

        return aliases.ToImmutable();
    }
}
