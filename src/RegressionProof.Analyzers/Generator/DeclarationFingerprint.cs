using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RegressionProof.Analyzers.Generator;

/// <summary>
/// The fingerprint of what a file declares: SHA-256 of its tokens outside member bodies, without
/// trivia. Two versions of a file with the same fingerprint declare the same namespaces, usings,
/// types, signatures, attributes and constants, so no symbol elsewhere binds differently between
/// them: an edit inside a method or accessor body keeps it, any other edit changes it.
/// </summary>
internal static class DeclarationFingerprint
{
    // Computed at most once per version of a file: in the IDE only the file being edited is new.
    private static readonly ConditionalWeakTable<SyntaxTree, string> Cache = new();

    public static string Of(SyntaxTree tree) => Cache.GetValue(tree, static t => Compute(t.GetRoot()));

    private static string Compute(SyntaxNode root)
    {
        var builder = new StringBuilder();
        foreach (var nodeOrToken in root.DescendantNodesAndTokens(descendIntoChildren: static node => !IsMemberBody(node)))
        {
            if (nodeOrToken.IsNode)
            {
                if (IsMemberBody(nodeOrToken.AsNode()!))
                {
                    // Whether a body is there is part of the declaration (a partial method's
                    // definition against its implementation), what is in it is not.
                    builder.Append(" {}");
                }

                continue;
            }

            var token = nodeOrToken.AsToken();
            if (!token.IsMissing)
            {
                builder.Append(' ').Append(token.Text);
            }
        }

        return Fingerprint.Hash(builder.ToString());
    }

    /// <summary>
    /// The block or arrow body of a method, constructor, destructor, operator, accessor, property
    /// or indexer. Top-level statements are not one: they decide the entry point's signature.
    /// </summary>
    private static bool IsMemberBody(SyntaxNode node) => node switch
    {
        BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax } => true,
        ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax } => true,
        _ => false,
    };
}
