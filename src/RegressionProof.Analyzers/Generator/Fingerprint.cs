using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RegressionProof.Analyzers.Generator;

/// <summary>
/// The fingerprint of a member: SHA-256 of its declaration's tokens joined by single spaces,
/// without trivia and without attribute lists. It changes when the code changes, not when
/// comments, formatting or RegressionProof attributes do.
/// </summary>
internal static class Fingerprint
{
    /// <summary>The fingerprint of all of the symbol's declarations; their files are added to <paramref name="read"/>.</summary>
    public static string Of(ISymbol symbol, ISet<SyntaxTree> read, CancellationToken cancellationToken)
    {
        // Partial declarations are combined in a fixed order, whatever the order of the files.
        var parts = symbol.DeclaringSyntaxReferences
            .Select(reference =>
            {
                read.Add(reference.SyntaxTree);
                return Of(reference.GetSyntax(cancellationToken));
            })
            .OrderBy(text => text, System.StringComparer.Ordinal);
        var all = parts.ToList();
        return all.Count == 1 ? all[0] : Hash(string.Join("\n", all));
    }

    public static string Of(SyntaxNode node) => Cache.GetValue(node, static n => Hash(Normalize(n)));

    // The transform runs again for every link on every edit, but the nodes of unchanged files
    // are the same objects from one compilation to the next: their fingerprints are kept.
    private static readonly ConditionalWeakTable<SyntaxNode, string> Cache = new();

    private static string Normalize(SyntaxNode node)
    {
        var builder = new StringBuilder();
        foreach (var token in node.DescendantTokens(descendIntoChildren: child => !IsAttributeList(child)))
        {
            if (token.IsMissing)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(token.Text);
        }

        return builder.ToString();
    }

    private static bool IsAttributeList(SyntaxNode node) => node is AttributeListSyntax;

    // Creating a hash object is costly and the transform runs for every link on every edit: one per thread.
    [ThreadStatic]
    private static SHA256? sha256;

    /// <summary>"sha256:" and the lowercase hex SHA-256 of the text's UTF-8.</summary>
    internal static string Hash(string text)
    {
        var sha = sha256 ??= SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder("sha256:", 7 + (bytes.Length * 2));
        foreach (var b in bytes)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
