using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules;

/// <summary>
/// RP0010: a configuration value that cannot be used (an invalid ID pattern or sprint length, a
/// missing or malformed release file or baseline). Reported once per compilation, not once per attribute.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidConfigurationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RP0010_InvalidConfiguration);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        if (KnownAttributes.TryCreate(context.Compilation) is null)
        {
            return; // a project without RegressionProof is not ours to configure
        }

        // Options may differ per folder (.editorconfig sections): each distinct problem once.
        var reported = new HashSet<string>();
        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            if (RegressionProofOptions.GetIntakeIdPattern(context.Options, tree).Error is { } patternError && reported.Add(patternError))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RP0010_InvalidConfiguration, Location.None, patternError + "; only empty intake IDs and IDs with control characters are reported"));
            }

            RegressionProofOptions.GetSprintDays(context.Options, tree, out var sprintError);
            if (sprintError is not null && reported.Add(sprintError))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RP0010_InvalidConfiguration, Location.None, sprintError));
            }
        }

        if (ReleaseFileCards.Find(context.Options, context.CancellationToken) is { Error: { } releaseError } release)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RP0010_InvalidConfiguration, release.ErrorLocation, releaseError));
        }

        if (BaselineCards.Find(context.Options, context.CancellationToken) is { Error: { } baselineError } baseline)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RP0010_InvalidConfiguration, baseline.ErrorLocation, baselineError));
        }
    }
}
