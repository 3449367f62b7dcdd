using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules;

/// <summary>
/// RP0002: an intake ID is empty, whitespace, holds a control character, or does not match the
/// configured pattern. A pattern too slow to use is reported once per compilation (RP0010).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidIntakeIdAnalyzer : RegressionProofAnalyzer
{
    public InvalidIntakeIdAnalyzer()
        : base(
            Descriptors.RP0002_InvalidIntakeId,
            Descriptors.RP0002_EmptyIntakeId,
            Descriptors.RP0002_ControlCharacterInIntakeId,
            Descriptors.RP0002_IntakeIdMatchTimedOut,
            Descriptors.RP0010_IntakeIdPatternTooSlow)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known)
    {
        var budget = new IntakeIdMatchBudget();
        RegisterLinkAction(context, known, link => Analyze(link, budget));

        // Only this analyzer matches, so only it knows that a pattern was too slow to use.
        context.RegisterCompilationEndAction(end =>
        {
            foreach (var pattern in budget.GivenUp)
            {
                end.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RP0010_IntakeIdPatternTooSlow,
                    Location.None,
                    MessageText.Escape(pattern.Pattern),
                    MessageText.Quote(pattern.IntakeId),
                    pattern.Reason));
            }
        });
    }

    private static void Analyze(LinkAnalysisContext context, IntakeIdMatchBudget budget)
    {
        var link = context.Link;
        if (!link.TryGetIntakeId(out var id))
        {
            return; // missing or not constant: the compiler or RP0006 says so
        }

        // The target's display name and the quoted ID are made only for a diagnostic: almost
        // every ID is valid, and naming the symbol costs more than matching the pattern.
        if (string.IsNullOrWhiteSpace(id))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RP0002_EmptyIntakeId, link.IntakeIdLocation, MessageText.Quote(id), link.TargetName));
            return;
        }

        if (MessageText.IndexOfUnsafe(id!) is var unsafeAt and >= 0)
        {
            // Whatever the pattern says: the ID becomes a card reference in manifests, logs and reports.
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RP0002_ControlCharacterInIntakeId, link.IntakeIdLocation, MessageText.Quote(id), link.TargetName, MessageText.CodePoint(id![unsafeAt])));
            return;
        }

        var pattern = RegressionProofOptions.GetIntakeIdPattern(context.Options, link.Syntax.SyntaxTree);
        switch (budget.Match(pattern, id!))
        {
            case PatternMatch.NoMatch:
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RP0002_InvalidIntakeId, link.IntakeIdLocation, MessageText.Quote(id), link.TargetName, MessageText.Escape(pattern.Pattern)));
                break;
            case PatternMatch.TimedOut:
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RP0002_IntakeIdMatchTimedOut,
                    link.IntakeIdLocation,
                    MessageText.Quote(id),
                    link.TargetName,
                    MessageText.Escape(pattern.Pattern),
                    IntakeIdPattern.MatchTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)));
                break;
            default:
                return; // matches, or the pattern is unusable (reported once by RP0010)
        }
    }
}
