using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules;

/// <summary>RP0011: a <c>[RegressionFor]</c> whose <c>Level</c> is a number cast to TestLevel that names no level.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndefinedLevelAnalyzer : RegressionProofAnalyzer
{
    private const string Level = "Level";

    public UndefinedLevelAnalyzer()
        : base(Descriptors.RP0011_UndefinedLevel)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known)
    {
        RegisterLinkAction(context, known, Analyze);
    }

    private static void Analyze(LinkAnalysisContext context)
    {
        var link = context.Link;
        if (link.Kind != LinkKind.RegressionFor || link.NamedArgument(Level) is not { } level || EnumArgument.IsDefined(level))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RP0011_UndefinedLevel,
            (link.NamedArgumentSyntax(Level) ?? (SyntaxNode)link.Syntax).GetLocation(),
            link.Kind.AttributeName(),
            link.CardDisplay,
            link.TargetName,
            EnumArgument.Display(level)));
    }
}
