using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules
{
    /// <summary>RP0002: an intake ID is empty, whitespace, or does not match the configured pattern.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IntakeIdAnalyzer : RegressionProofAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RP0002_InvalidIntakeId);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known)
        {
            RegisterLinkAction(context, known, Analyze);
        }

        private static void Analyze(LinkAnalysisContext context)
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
            else
            {
                var pattern = RegressionProofOptions.GetIntakeIdPattern(context.Options, link.Syntax.SyntaxTree);
                if (pattern.IsMatch(id!) != false)
                {
                    return; // matches, or the pattern is unusable (reported once by RP0010)
                }

                problem = $"does not match the pattern '{pattern.Pattern}' (regression_proof.intake_id_pattern)";
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RP0002_InvalidIntakeId,
                link.IntakeIdLocation,
                id is null ? "null" : "\"" + id + "\"",
                link.TargetName,
                problem));
        }
    }
}
