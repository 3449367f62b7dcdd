using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using RegressionProof.Analyzers;

namespace RegressionProof.CodeFixes;

/// <summary>RP0008: sets <c>Signal</c>, one action per signal so the author picks what the probe or alert watches.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProbeOrAlertWithoutSignalCodeFixProvider)), Shared]
public sealed class ProbeOrAlertWithoutSignalCodeFixProvider : CodeFixProvider
{
    public const string LatencyEquivalenceKey = "RegressionProof.AddSignal.Latency";
    public const string ErrorEquivalenceKey = "RegressionProof.AddSignal.Error";
    public const string CostEquivalenceKey = "RegressionProof.AddSignal.Cost";
    public const string PolicyDenialEquivalenceKey = "RegressionProof.AddSignal.PolicyDenial";

    private static readonly (string Signal, string Key)[] Signals =
    {
        ("Latency", LatencyEquivalenceKey),
        ("Error", ErrorEquivalenceKey),
        ("Cost", CostEquivalenceKey),
        ("PolicyDenial", PolicyDenialEquivalenceKey),
    };

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ProbeOrAlertWithoutSignal);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan) is not AttributeSyntax attribute)
            {
                continue;
            }

            foreach (var (signal, key) in Signals)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add Signal = RecurrenceSignal.{signal}",
                        cancellationToken => AddSignalAsync(context.Document, attribute, signal, cancellationToken),
                        key),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> AddSignalAsync(Document document, AttributeSyntax attribute, string signal, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var value = SyntaxFactory.ParseExpression("global::RegressionProof.RecurrenceSignal." + signal)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        return root is null
            ? document
            : document.WithSyntaxRoot(root.ReplaceNode(attribute, AttributeSyntaxEditing.WithNamedArgument(attribute, "Signal", value)));
    }
}
