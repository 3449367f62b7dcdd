using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using RegressionProof.Contract;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// The RegressionProof attribute types of one compilation, resolved once at compilation start.
/// </summary>
internal sealed class KnownAttributes
{
    public const string AttributesAssemblyName = "RegressionProof.Attributes";

    /// <summary>Metadata names of the attributes, as <c>ForAttributeWithMetadataName</c> and <c>GetTypeByMetadataName</c> want them.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, LinkKind>> MetadataNames = ManifestContract.Kinds
        .Select((row, index) => new KeyValuePair<string, LinkKind>("RegressionProof." + row.AttributeName + "Attribute", (LinkKind)index))
        .ToArray();

    private readonly Dictionary<INamedTypeSymbol, LinkKind> _kinds;

    private KnownAttributes(Dictionary<INamedTypeSymbol, LinkKind> kinds)
    {
        _kinds = kinds;
    }

    // Every analyzer of the package asks at the start of every compilation; the types are looked up once.
    private static readonly ConditionalWeakTable<Compilation, StrongBox<KnownAttributes?>> Resolved = new();

    /// <summary>
    /// The attribute types this compilation can see, or null when it sees none: then the
    /// analyzers register nothing and cost nothing.
    /// </summary>
    public static KnownAttributes? TryCreate(Compilation compilation) =>
        Resolved.GetValue(compilation, c => new StrongBox<KnownAttributes?>(Resolve(c))).Value;

    private static KnownAttributes? Resolve(Compilation compilation)
    {
        var kinds = new Dictionary<INamedTypeSymbol, LinkKind>(SymbolEqualityComparer.Default);
        foreach (var pair in MetadataNames)
        {
            if (compilation.GetTypeByMetadataName(pair.Key) is { } type)
            {
                kinds[type] = pair.Value;
            }
        }

        return kinds.Count == 0 ? null : new KnownAttributes(kinds);
    }

    public bool TryGetKind(INamedTypeSymbol? attributeClass, out LinkKind kind)
    {
        kind = default;
        return attributeClass is not null && _kinds.TryGetValue(attributeClass, out kind);
    }

    /// <summary>Every RegressionProof attribute on <paramref name="symbol"/>, in declaration order.</summary>
    public IEnumerable<(AttributeData Attribute, LinkKind Kind)> LinksOf(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (TryGetKind(attribute.AttributeClass, out var kind))
            {
                yield return (attribute, kind);
            }
        }
    }

    /// <summary>
    /// Whether a referenced assembly can carry RegressionProof attributes at all; the others are
    /// never walked, which keeps aggregate mode cheap on large reference sets.
    /// </summary>
    public static bool CanCarryLinks(IAssemblySymbol assembly)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (referenced.Name == AttributesAssemblyName)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
