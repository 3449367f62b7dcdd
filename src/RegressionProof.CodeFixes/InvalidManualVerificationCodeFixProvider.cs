using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegressionProof.Analyzers;
using RegressionProof.Analyzers.Infrastructure;
using RegressionProof.Analyzers.Rules;

namespace RegressionProof.CodeFixes;

/// <summary>
/// RP0005: adds the missing <c>Steps</c>/<c>RecordedOn</c>/<c>AutomateBy</c>, or moves
/// <c>AutomateBy</c> to one sprint after <c>RecordedOn</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidManualVerificationCodeFixProvider)), Shared]
public sealed class InvalidManualVerificationCodeFixProvider : CodeFixProvider
{
    public const string AddArgumentsEquivalenceKey = "RegressionProof.AddManualVerificationArguments";
    public const string ScheduleAutomationEquivalenceKey = "RegressionProof.ScheduleAutomationWithinSprint";
    public const string StepsPlaceholder = "<the steps someone else can follow to verify it again>";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidManualVerification);

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

            var properties = diagnostic.Properties;
            var sprintDays = properties.TryGetValue(InvalidManualVerificationAnalyzer.SprintDaysProperty, out var days)
                && int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : RegressionProofOptions.DefaultSprintDays;
            properties.TryGetValue(InvalidManualVerificationAnalyzer.ProblemProperty, out var problem);

            if (problem == InvalidManualVerificationAnalyzer.MissingArguments
                && properties.TryGetValue(InvalidManualVerificationAnalyzer.MissingArgumentsProperty, out var missing) && missing is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add " + missing.Replace(",", " and "),
                        cancellationToken => AddArgumentsAsync(context.Document, attribute, missing.Split(','), sprintDays, cancellationToken),
                        AddArgumentsEquivalenceKey),
                    diagnostic);
            }
            else if (problem == InvalidManualVerificationAnalyzer.AutomationTooLate)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Set AutomateBy to one sprint ({sprintDays} days) after RecordedOn",
                        cancellationToken => ScheduleAutomationAsync(context.Document, attribute, sprintDays, cancellationToken),
                        ScheduleAutomationEquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> AddArgumentsAsync(Document document, AttributeSyntax attribute, string[] missing, int sprintDays, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var recordedOn = missing.Contains(RequiredArguments.RecordedOn) || !IsoDate.TryParse(ConstantString(model, attribute, RequiredArguments.RecordedOn, cancellationToken), out var written)
            ? Clock.Today().Date
            : written;
        var updated = attribute;
        foreach (var name in missing)
        {
            var value = name switch
            {
                RequiredArguments.Steps => StepsPlaceholder,
                RequiredArguments.RecordedOn => IsoDate.Print(recordedOn),
                _ => IsoDate.Print(recordedOn.AddDays(sprintDays)),
            };
            updated = AttributeSyntaxEditing.WithNamedArgument(updated, name, AttributeSyntaxEditing.String(value));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(attribute, updated));
    }

    private static async Task<Document> ScheduleAutomationAsync(Document document, AttributeSyntax attribute, int sprintDays, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !IsoDate.TryParse(ConstantString(model, attribute, RequiredArguments.RecordedOn, cancellationToken), out var recordedOn))
        {
            return document;
        }

        var automateBy = AttributeSyntaxEditing.String(IsoDate.Print(recordedOn.AddDays(sprintDays)));
        return document.WithSyntaxRoot(root.ReplaceNode(attribute, AttributeSyntaxEditing.WithNamedArgument(attribute, RequiredArguments.AutomateBy, automateBy)));
    }

    private static string? ConstantString(SemanticModel model, AttributeSyntax attribute, string name, CancellationToken cancellationToken)
    {
        var argument = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return argument is null ? null : model.GetConstantValue(argument.Expression, cancellationToken).Value as string;
    }
}
