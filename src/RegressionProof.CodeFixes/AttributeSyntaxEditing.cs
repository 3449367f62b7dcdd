using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RegressionProof.CodeFixes;

/// <summary>Small edits of attribute syntax shared by the fixers.</summary>
internal static class AttributeSyntaxEditing
{
    /// <summary><paramref name="attribute"/> with <c>Name = value</c> set: replaced when written, appended when not.</summary>
    public static AttributeSyntax WithNamedArgument(AttributeSyntax attribute, string name, ExpressionSyntax value)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var existing = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        if (existing is not null)
        {
            return attribute.ReplaceNode(existing.Expression, value.WithTriviaFrom(existing.Expression));
        }

        var argument = SyntaxFactory.AttributeArgument(value)
            .WithNameEquals(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(name), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)));
        var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        var separators = list.Arguments.GetSeparators().ToList();
        if (list.Arguments.Count > 0)
        {
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        }

        var separated = SyntaxFactory.SeparatedList(list.Arguments.Add(argument), separators);
        return attribute.WithArgumentList(list.WithArguments(separated));
    }

    public static LiteralExpressionSyntax String(string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

    /// <summary>The declaration the attribute is on (through its attribute list).</summary>
    public static SyntaxNode? Target(AttributeSyntax attribute) => attribute.Parent?.Parent;

    /// <summary>The document's own line ending, so inserted lines match the lines around them.</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode node)
    {
        foreach (var trivia in node.SyntaxTree.GetRoot().DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.EndOfLine("\n");
    }

    /// <summary>Removes an attribute, and its list when it was the only one there.</summary>
    public static SyntaxNode RemoveAttribute(SyntaxNode root, AttributeSyntax attribute)
    {
        if (attribute.Parent is AttributeListSyntax list && list.Attributes.Count == 1)
        {
            // A list alone on its line goes with its line; comments and directives around it stay.
            var onlyLayout = list.GetLeadingTrivia().All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia));
            return root.RemoveNode(list, (onlyLayout ? SyntaxRemoveOptions.KeepNoTrivia : SyntaxRemoveOptions.KeepExteriorTrivia) | SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
        }

        return root.RemoveNode(attribute, SyntaxRemoveOptions.KeepNoTrivia)!;
    }
}
