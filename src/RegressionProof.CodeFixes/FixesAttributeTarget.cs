using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RegressionProof.CodeFixes;

/// <summary>A <c>[Fixes("X")]</c> written in source: its card and the member it is on.</summary>
internal sealed class FixesAttributeTarget
{
    private FixesAttributeTarget(AttributeSyntax attribute, string card, ISymbol member)
    {
        Attribute = attribute;
        Card = card;
        Member = member;
    }

    public AttributeSyntax Attribute { get; }

    public string Card { get; }

    public ISymbol Member { get; }

    /// <summary>The <c>[Fixes]</c> attribute around <paramref name="node"/>, when it has a usable card ID.</summary>
    public static async Task<FixesAttributeTarget?> FindAsync(Document document, SyntaxNode? node, CancellationToken cancellationToken)
    {
        var attribute = node?.FirstAncestorOrSelf<AttributeSyntax>();
        if (attribute?.Parent?.Parent is not { } declaration)
        {
            return null;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null
            || model.GetSymbolInfo(attribute, cancellationToken).Symbol is not IMethodSymbol constructor
            || constructor.ContainingType.ToDisplayString() != "RegressionProof.FixesAttribute"
            || attribute.ArgumentList is not { Arguments.Count: > 0 } arguments
            || model.GetConstantValue(arguments.Arguments[0].Expression, cancellationToken).Value is not string { Length: > 0 } card
            || string.IsNullOrWhiteSpace(card)
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } member)
        {
            return null;
        }

        return new FixesAttributeTarget(attribute, card, member);
    }
}
