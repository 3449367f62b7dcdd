using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;

namespace RegressionProof.CodeFixes;

/// <summary>
/// On any <c>[Fixes("X")]</c>: "Add regression test for X", a failing test stub in a test project
/// that references this one (or in this project when it has a test framework and no such project exists).
/// </summary>
[ExportCodeRefactoringProvider(LanguageNames.CSharp, Name = nameof(AddRegressionTestRefactoringProvider)), Shared]
public sealed class AddRegressionTestRefactoringProvider : CodeRefactoringProvider
{
    public override async Task ComputeRefactoringsAsync(CodeRefactoringContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var fix = await FixesAttributeTarget.FindAsync(context.Document, root?.FindNode(context.Span), context.CancellationToken).ConfigureAwait(false);
        if (fix is null)
        {
            return;
        }

        var target = await RegressionTestStub.FindTargetAsync(context.Document.Project, context.CancellationToken).ConfigureAwait(false);
        if (target is not { } found)
        {
            return;
        }

        context.RegisterRefactoring(CodeAction.Create(
            $"Add regression test for {fix.Card}",
            cancellationToken => RegressionTestStub.AddAsync(found.Project, found.Framework, fix.Card, fix.Member.Name, fix.Member.ContainingNamespace?.ToDisplayString(), cancellationToken),
            "RegressionProof.AddRegressionTest"));
    }
}
