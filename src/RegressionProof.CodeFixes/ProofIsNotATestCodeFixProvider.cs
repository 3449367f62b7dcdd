using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using RegressionProof.Analyzers;
using RegressionProof.Analyzers.Rules;

namespace RegressionProof.CodeFixes;

/// <summary>RP0003: adds the test framework's test attribute to the method the proof is on.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProofIsNotATestCodeFixProvider)), Shared]
public sealed class ProofIsNotATestCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "RegressionProof.AddTestAttribute";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ProofIsNotATest);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ProofIsNotATestAnalyzer.TestAttributeProperty, out var metadataName) || metadataName is null
                || root?.FindNode(diagnostic.Location.SourceSpan) is not AttributeSyntax attribute
                || attribute.Parent is not AttributeListSyntax list
                || list.Parent is not MethodDeclarationSyntax)
            {
                continue;
            }

            var shortName = ShortName(metadataName);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add [{shortName}]",
                    cancellationToken => AddTestAttributeAsync(context.Document, list, metadataName, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddTestAttributeAsync(Document document, AttributeListSyntax proofList, string metadataName, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || proofList.Parent is not MethodDeclarationSyntax method)
        {
            return document;
        }

        var name = SyntaxFactory.ParseName("global::" + metadataName.Substring(0, metadataName.Length - "Attribute".Length))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var indentation = proofList.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
        var testList = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(name)))
            .WithLeadingTrivia(proofList.GetLeadingTrivia())
            .WithTrailingTrivia(AttributeSyntaxEditing.EndOfLine(root))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var index = method.AttributeLists.IndexOf(proofList);
        var lists = method.AttributeLists
            .Replace(proofList, proofList.WithLeadingTrivia(indentation == default ? SyntaxTriviaList.Empty : SyntaxFactory.TriviaList(indentation)))
            .Insert(index, testList);
        return document.WithSyntaxRoot(root.ReplaceNode(method, method.WithAttributeLists(lists)));
    }

    private static string ShortName(string metadataName)
    {
        var name = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }
}
