using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules;

/// <summary>
/// RP0008: a <c>[SyntheticProbe]</c> or <c>[RecurrenceAlert]</c> that does not say what it
/// watches for: no Signal, or a number cast to RecurrenceSignal that names no signal.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProbeOrAlertWithoutSignalAnalyzer : RegressionProofAnalyzer
{
    public ProbeOrAlertWithoutSignalAnalyzer()
        : base(Descriptors.RP0008_ProbeOrAlertWithoutSignal, Descriptors.RP0008_UndefinedSignal)
    {
    }

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
        else if (signal is { } value && !EnumArgument.IsDefined(value))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RP0008_UndefinedSignal,
                link.Location, // on the attribute, like a missing Signal: the code fix sets a defined one
                link.Kind.AttributeName(),
                link.CardDisplay,
                link.TargetName,
                EnumArgument.Display(value)));
        }
    }

    // RecurrenceSignal has no zero member: `Signal = default` or `(RecurrenceSignal)0` says nothing.
    private static bool IsUnset(object? value) => value is int number && number == 0;
}
