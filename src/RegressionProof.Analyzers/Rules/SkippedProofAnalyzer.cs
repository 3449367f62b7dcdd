using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules;

/// <summary>
/// RP0009: a proof test is skipped, ignored or explicit (xunit <c>Skip</c>/<c>Explicit</c>, NUnit
/// <c>[Ignore]</c>/<c>[Explicit]</c>/ignored cases and fixtures, MSTest <c>[Ignore]</c>, TUnit
/// <c>[Skip]</c>/<c>[Explicit]</c>). The diagnostic points at the skip, which is what to remove.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SkippedProofAnalyzer : RegressionProofAnalyzer
{
    /// <summary>Diagnostic property: the named argument that skips the test; absent when the whole attribute does.</summary>
    public const string NamedArgumentProperty = "NamedArgument";

    /// <summary>
    /// Diagnostic property, "true" when the skip is in a referenced assembly (a test inherited
    /// from a base class there): the diagnostic is on the proof, and there is nothing to remove here.
    /// </summary>
    public const string SkipInReferenceProperty = "SkipInReference";

    public SkippedProofAnalyzer()
        : base(Descriptors.RP0009_SkippedProof, Descriptors.RP0009_SkippedProofInReference)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known)
    {
        RegisterLinkAction(context, known, Analyze);
    }

    private static void Analyze(LinkAnalysisContext context)
    {
        var link = context.Link;
        if (!link.Kind.IsTestProof())
        {
            return;
        }

        switch (link.Target)
        {
            case IMethodSymbol method when TestFrameworkDetection.IsTest(method):
                Report(context, method, TestFrameworkDetection.FindSkip(method));
                break;

            case INamedTypeSymbol type:
                if (TestFrameworkDetection.FindSkipOnClass(type) is { } classSkip)
                {
                    Report(context, type, classSkip);
                    break;
                }

                foreach (var test in TestFrameworkDetection.TestsOf(type))
                {
                    Report(context, test, TestFrameworkDetection.FindSkipOnMethod(test));
                }

                break;
        }
    }

    private static void Report(LinkAnalysisContext context, ISymbol test, SkipInfo? skip)
    {
        if (skip is null)
        {
            return;
        }

        var testName = test.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        if (skip.Syntax is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RP0009_SkippedProofInReference,
                context.Link.Location,
                ImmutableDictionary<string, string?>.Empty.Add(SkipInReferenceProperty, "true"),
                context.Link.CardDisplay,
                testName,
                skip.Description,
                test.ContainingAssembly.Name));
            return;
        }

        var properties = skip.NamedArgument is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(NamedArgumentProperty, skip.NamedArgument);

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RP0009_SkippedProof,
            skip.Syntax.GetSyntax(context.CancellationToken).GetLocation(),
            additionalLocations: new[] { context.Link.Location },
            properties: properties,
            context.Link.CardDisplay,
            testName,
            skip.Description));
    }
}
