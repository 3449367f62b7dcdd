using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules
{
    /// <summary>RP0008: a <c>[SyntheticProbe]</c> or <c>[RecurrenceAlert]</c> that does not say what it watches for.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RecurrenceSignalAnalyzer : RegressionProofAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RP0008_ProbeOrAlertWithoutSignal);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known)
        {
            RegisterLinkAction(context, known, Analyze);
        }

        private static void Analyze(LinkAnalysisContext context)
        {
            var link = context.Link;
            if (link.Kind is not (LinkKind.SyntheticProbe or LinkKind.RecurrenceAlert))
            {
                return;
            }

            var signal = link.NamedArgument(RequiredArguments.Signal);
            var missing = signal is null
                ? link.NamedArgumentSyntax(RequiredArguments.Signal) is null
                : signal.Value.Kind == TypedConstantKind.Enum && IsUnset(signal.Value.Value);
            if (missing)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RP0008_ProbeOrAlertWithoutSignal,
                    link.Location,
                    link.Kind.AttributeName(),
                    link.CardDisplay,
                    link.TargetName));
            }
        }

        // RecurrenceSignal has no zero member: `Signal = default` or `(RecurrenceSignal)0` says nothing.
        private static bool IsUnset(object? value) => value is int number && number == 0;
    }
}
