using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules;

/// <summary>
/// RP0006: an intake ID or a required argument is written but is not a compile-time constant of
/// its type, so neither the manifest nor the gate could read it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ArgumentIsNotConstantAnalyzer : RegressionProofAnalyzer
{
    public ArgumentIsNotConstantAnalyzer()
        : base(Descriptors.RP0006_ArgumentIsNotConstant)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known)
    {
        RegisterLinkAction(context, known, Analyze);
    }

    private static void Analyze(LinkAnalysisContext context)
    {
        var link = context.Link;
        if (link.IntakeIdSyntax is { } idSyntax && !link.TryGetIntakeId(out _))
        {
            Report(context, idSyntax.Expression.GetLocation(), "intake ID", "string");
        }

        foreach (var name in RequiredArguments.Of(link.Kind))
        {
            if (link.NamedArgumentSyntax(name) is { } syntax && !IsConstant(link.NamedArgument(name)))
            {
                Report(context, syntax.Expression.GetLocation(), name, RequiredArguments.TypeOf(name));
            }
        }
    }

    private static bool IsConstant(TypedConstant? value) =>
        value is { Kind: TypedConstantKind.Primitive or TypedConstantKind.Enum };

    private static void Report(LinkAnalysisContext context, Location location, string argument, string type)
    {
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RP0006_ArgumentIsNotConstant,
            location,
            argument,
            context.Link.Kind.AttributeName(),
            context.Link.TargetName,
            type));
    }
}
