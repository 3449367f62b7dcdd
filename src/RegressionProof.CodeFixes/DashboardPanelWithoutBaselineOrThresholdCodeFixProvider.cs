using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegressionProof.Analyzers;
using RegressionProof.Analyzers.Rules;

namespace RegressionProof.CodeFixes;

/// <summary>RP0004: adds the missing <c>Baseline</c> and <c>Threshold</c>, as text for the author to complete.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DashboardPanelWithoutBaselineOrThresholdCodeFixProvider)), Shared]
public sealed class DashboardPanelWithoutBaselineOrThresholdCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "RegressionProof.AddPanelBaselineAndThreshold";
    public const string BaselinePlaceholder = "<the metric's normal value>";
    public const string ThresholdPlaceholder = "<the value that means the failure is back>";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.DashboardPanelWithoutBaselineOrThreshold);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan) is not AttributeSyntax attribute
                || !diagnostic.Properties.TryGetValue(DashboardPanelWithoutBaselineOrThresholdAnalyzer.MissingArgumentsProperty, out var missing) || missing is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add " + missing.Replace(",", " and "),
                    cancellationToken => AddArgumentsAsync(context.Document, attribute, missing.Split(','), cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddArgumentsAsync(Document document, AttributeSyntax attribute, string[] missing, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var updated = attribute;
        foreach (var name in missing)
        {
            var placeholder = name == "Baseline" ? BaselinePlaceholder : ThresholdPlaceholder;
            updated = AttributeSyntaxEditing.WithNamedArgument(updated, name, AttributeSyntaxEditing.String(placeholder));
        }

        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(attribute, updated));
    }
}
