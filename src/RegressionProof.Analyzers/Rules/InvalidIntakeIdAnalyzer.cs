using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules
{
    /// <summary>
    /// RP0002: an intake ID is empty, whitespace, holds a control character, or does not match the
    /// configured pattern. A pattern too slow to use is reported once per compilation (RP0010).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidIntakeIdAnalyzer : RegressionProofAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RP0002_InvalidIntakeId, Descriptors.RP0010_IntakeIdPatternTooSlow);

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

            string problem;
            if (string.IsNullOrWhiteSpace(id))
            {
                problem = "is empty: name the intake card, for example \"INTAKE-123\"";
            }
            else if (MessageText.IndexOfUnsafe(id!) is var unsafeAt and >= 0)
            {
                // Whatever the pattern says: the ID becomes a card reference in manifests, logs and reports.
                problem = $"contains the control character {MessageText.CodePoint(id![unsafeAt])}: an intake ID is one line of printable text";
            }
            else
            {
                var pattern = RegressionProofOptions.GetIntakeIdPattern(context.Options, link.Syntax.SyntaxTree);
                switch (budget.Match(pattern, id!))
                {
                    case PatternMatch.NoMatch:
                        problem = $"does not match the pattern '{MessageText.Escape(pattern.Pattern)}' (regression_proof.intake_id_pattern)";
                        break;
                    case PatternMatch.TimedOut:
                        problem = $"could not be matched against the pattern '{MessageText.Escape(pattern.Pattern)}' (regression_proof.intake_id_pattern) within {IntakeIdPattern.MatchTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)} ms; a timeout is not a match (RP0010)";
                        break;
                    default:
                        return; // matches, or the pattern is unusable (reported once by RP0010)
                }
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RP0002_InvalidIntakeId,
                link.IntakeIdLocation,
                MessageText.Quote(id),
                link.TargetName,
                problem));
        }
    }
}
