using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using RegressionProof.Analyzers;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.CodeFixes;

/// <summary>
/// RP0001: adds a failing regression test stub for the card, or, when nothing can be automated
/// yet, a <c>[ManualVerification]</c> on the fixed member with automation due within a sprint.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixWithoutRegressionProofCodeFixProvider)), Shared]
public sealed class FixWithoutRegressionProofCodeFixProvider : CodeFixProvider
{
    public const string AddTestEquivalenceKey = "RegressionProof.AddRegressionTest";
    public const string AddManualVerificationEquivalenceKey = "RegressionProof.AddManualVerification";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FixWithoutRegressionProof);

    // Each fix adds a file or an attribute that someone must complete: no Fix All.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Location.IsInSource)
            {
                continue; // a fix in a referenced assembly has no source here to edit
            }

            var fix = await FixesAttributeTarget.FindAsync(context.Document, root?.FindNode(diagnostic.Location.SourceSpan), context.CancellationToken).ConfigureAwait(false);
            if (fix is null)
            {
                continue;
            }

            var target = await RegressionTestStub.FindTargetAsync(context.Document.Project, context.CancellationToken).ConfigureAwait(false);
            if (target is { } found)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add regression test for {fix.Card}",
                        cancellationToken => RegressionTestStub.AddAsync(found.Project, found.Framework, fix.Card, fix.Member.Name, fix.Member.ContainingNamespace?.ToDisplayString(), cancellationToken),
                        AddTestEquivalenceKey),
                    diagnostic);
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add [ManualVerification] for {fix.Card}",
                    cancellationToken => AddManualVerificationAsync(context.Document, fix, cancellationToken),
                    AddManualVerificationEquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddManualVerificationAsync(Document document, FixesAttributeTarget fix, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || fix.Attribute.Parent is not AttributeListSyntax fixesList)
        {
            return document;
        }

        var sprintDays = RegressionProofOptions.GetSprintDays(document.Project.AnalyzerOptions, fix.Attribute.SyntaxTree);
        var today = Clock.Today().Date;
        var attribute = SyntaxFactory.ParseCompilationUnit(
                $"[ManualVerification({SymbolDisplay.FormatLiteral(fix.Card, quote: true)}, Steps = {SymbolDisplay.FormatLiteral(InvalidManualVerificationCodeFixProvider.StepsPlaceholder, quote: true)}, RecordedOn = \"{IsoDate.Print(today)}\", AutomateBy = \"{IsoDate.Print(today.AddDays(sprintDays))}\")]class C{{}}")
            .DescendantNodes().OfType<AttributeListSyntax>().First();
        var newList = attribute
            .WithLeadingTrivia(fixesList.GetLeadingTrivia())
            .WithTrailingTrivia(AttributeSyntaxEditing.EndOfLine(root))
            .WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root.InsertNodesAfter(fixesList, new[] { newList }));
    }
}
