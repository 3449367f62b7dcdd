using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegressionProof.Analyzers;
using RegressionProof.Analyzers.Rules;

namespace RegressionProof.CodeFixes;

/// <summary>RP0009: removes the skip (the <c>Skip</c>/<c>Ignore</c> argument, or the skipping attribute).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SkippedProofCodeFixProvider)), Shared]
public sealed class SkippedProofCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "RegressionProof.RemoveSkip";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SkippedProof);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            // A skip inherited from a referenced assembly has nothing here to remove.
            if (diagnostic.Properties.ContainsKey(SkippedProofAnalyzer.SkipInReferenceProperty)
                || root?.FindNode(diagnostic.Location.SourceSpan) is not AttributeSyntax skip)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(SkippedProofAnalyzer.NamedArgumentProperty, out var namedArgument);
            context.RegisterCodeFix(
                CodeAction.Create(
                    namedArgument is null ? $"Remove [{skip.Name}]" : $"Remove {namedArgument}",
                    cancellationToken => RemoveSkipAsync(context.Document, skip, namedArgument, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> RemoveSkipAsync(Document document, AttributeSyntax skip, string? namedArgument, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        if (namedArgument is null)
        {
            return document.WithSyntaxRoot(AttributeSyntaxEditing.RemoveAttribute(root, skip));
        }

        var argument = skip.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == namedArgument);
        if (argument is null || skip.ArgumentList is null)
        {
            return document;
        }

        var remaining = skip.ArgumentList.Arguments.Remove(argument);
        var updated = remaining.Count == 0
            ? skip.WithArgumentList(null).WithTriviaFrom(skip)
            : skip.WithArgumentList(skip.ArgumentList.WithArguments(remaining));
        return document.WithSyntaxRoot(root.ReplaceNode(skip, updated));
    }
}
