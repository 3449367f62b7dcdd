using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
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
        ImmutableArray.Create(
            Descriptors.RP0010_EmptyIntakeIdPattern,
            Descriptors.RP0010_InvalidIntakeIdPattern,
            Descriptors.RP0010_InvalidSprintDays,
            Descriptors.RP0010_ReleaseFileNotFound,
            Descriptors.RP0010_UnreadableReleaseFile,
            Descriptors.RP0010_InvalidReleaseFile,
            Descriptors.RP0010_BaselineNotFound,
            Descriptors.RP0010_UnreadableBaseline,
            Descriptors.RP0010_InvalidBaseline);

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

        // Options may differ per folder (.editorconfig sections): each distinct message once.
        var reported = new HashSet<string>();
        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            Report(context, RegressionProofOptions.GetIntakeIdPattern(context.Options, tree).Problem, reported);
            RegressionProofOptions.GetSprintDays(context.Options, tree, out var sprintProblem);
            Report(context, sprintProblem, reported);
        }

        Report(context, ReleaseFileCards.Find(context.Options, context.CancellationToken)?.Problem, reported);
        Report(context, BaselineCards.Find(context.Options, context.CancellationToken)?.Problem, reported);
    }

    private static void Report(CompilationAnalysisContext context, ConfigurationProblem? problem, HashSet<string> reported)
    {
        if (problem is null)
        {
            return;
        }

        var diagnostic = problem.ToDiagnostic();
        if (reported.Add(diagnostic.GetMessage(CultureInfo.InvariantCulture)))
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
