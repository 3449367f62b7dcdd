using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules;

/// <summary>RP0004: a <c>[DashboardPanel]</c> without a non-empty <c>Baseline</c> or <c>Threshold</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DashboardPanelWithoutBaselineOrThresholdAnalyzer : RegressionProofAnalyzer
{
    /// <summary>Diagnostic property: the missing arguments, comma-separated, for the code fix.</summary>
    public const string MissingArgumentsProperty = "MissingArguments";

    public DashboardPanelWithoutBaselineOrThresholdAnalyzer()
        : base(Descriptors.RP0004_DashboardPanelWithoutBaselineOrThreshold)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known)
    {
        RegisterLinkAction(context, known, Analyze);
    }

    private static void Analyze(LinkAnalysisContext context)
    {
        var link = context.Link;
        if (link.Kind != LinkKind.DashboardPanel)
        {
            return;
        }

        var missing = MissingStringArguments.Find(link, RequiredArguments.Of(LinkKind.DashboardPanel));
        if (missing.Count == 0)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RP0004_DashboardPanelWithoutBaselineOrThreshold,
            link.Location,
            ImmutableDictionary<string, string?>.Empty.Add(MissingArgumentsProperty, string.Join(",", missing)),
            link.CardDisplay,
            link.TargetName,
            string.Join(" and ", missing)));
    }
}
