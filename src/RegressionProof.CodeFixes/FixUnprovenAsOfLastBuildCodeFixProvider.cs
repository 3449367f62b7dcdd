using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegressionProof.Analyzers;
using RegressionProof.Analyzers.Rules;

namespace RegressionProof.CodeFixes;

/// <summary>
/// RP0012: on a <c>[Fixes("X")]</c>, "Add regression test for X in P" for each test project P that
/// could hold it, so the developer chooses; where the diagnostic suggests a card, "Change X to Y".
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixUnprovenAsOfLastBuildCodeFixProvider)), Shared]
public sealed class FixUnprovenAsOfLastBuildCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of "Add regression test for X in P" is this prefix followed by P's name.</summary>
    public const string AddTestEquivalenceKeyPrefix = "RegressionProof.AddRegressionTestIn.";

    public const string UseSuggestedCardEquivalenceKey = "RegressionProof.UseSuggestedCard";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FixUnprovenAsOfLastBuild);

    // Each test added is a stub someone must write, and each suggestion a guess to confirm: no Fix All.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Location.IsInSource || root?.FindNode(diagnostic.Location.SourceSpan) is not { } node)
            {
                continue;
            }

            if (diagnostic.Properties.TryGetValue(FixUnprovenAsOfLastBuildAnalyzer.CardProperty, out var card)
                && diagnostic.Properties.TryGetValue(FixUnprovenAsOfLastBuildAnalyzer.SuggestionProperty, out var suggestion)
                && card is not null && suggestion is not null
                && IntakeIdLiteral(node) is { } literal)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Change {card} to {suggestion}",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, Literal(literal, suggestion)))),
                        UseSuggestedCardEquivalenceKey),
                    diagnostic);
            }

            var fix = await FixesAttributeTarget.FindAsync(context.Document, node, context.CancellationToken).ConfigureAwait(false);
            if (fix is null)
            {
                continue;
            }

            foreach (var (project, framework) in await RegressionTestStub.FindTargetsAsync(context.Document.Project, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add regression test for {fix.Card} in {project.Name}",
                        cancellationToken => RegressionTestStub.AddAsync(project, framework, fix.Card, fix.Member.Name, fix.Member.ContainingNamespace?.ToDisplayString(), cancellationToken),
                        AddTestEquivalenceKeyPrefix + project.Name),
                    diagnostic);
            }
        }
    }

    /// <summary>The intake ID of the attribute around <paramref name="node"/>, when it is written as a string literal (a constant is changed where it is declared).</summary>
    private static LiteralExpressionSyntax? IntakeIdLiteral(SyntaxNode node) =>
        node.FirstAncestorOrSelf<AttributeSyntax>()?.ArgumentList?.Arguments
            .FirstOrDefault(a => a.NameEquals is null)?.Expression as LiteralExpressionSyntax is { } literal
        && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal
            : null;

    private static LiteralExpressionSyntax Literal(LiteralExpressionSyntax old, string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)).WithTriviaFrom(old);
}
