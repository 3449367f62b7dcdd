using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules;

/// <summary>
/// RP0003: <c>[RegressionFor]</c> or <c>[MigrationTest]</c> on a method that is not a test, or on a
/// class that has no tests. Such a proof never runs, so it proves nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProofIsNotATestAnalyzer : RegressionProofAnalyzer
{
    /// <summary>Diagnostic property: metadata name of the test attribute the code fix adds.</summary>
    public const string TestAttributeProperty = "TestAttribute";

    public ProofIsNotATestAnalyzer()
        : base(Descriptors.RP0003_ProofIsNotATest, Descriptors.RP0003_ProofOnLocalFunction, Descriptors.RP0003_ProofOnClassWithoutTests)
    {
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known)
    {
        var compilation = context.Compilation;
        RegisterLinkAction(context, known, link => Analyze(link, compilation));
    }

    private static void Analyze(LinkAnalysisContext context, Compilation compilation)
    {
        var link = context.Link;
        if (!link.Kind.IsTestProof())
        {
            return;
        }

        DiagnosticDescriptor descriptor;
        var properties = ImmutableDictionary<string, string?>.Empty;
        switch (link.Target)
        {
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction }:
                descriptor = Descriptors.RP0003_ProofOnLocalFunction;
                break;
            case IMethodSymbol method when !TestFrameworkDetection.IsTest(method):
                descriptor = Descriptors.RP0003_ProofIsNotATest;
                var framework = TestFrameworkDetection.PreferredFramework(method.ContainingType, compilation);
                if (framework.TestAttributeMetadataName(!method.Parameters.IsEmpty) is { } attribute
                    && compilation.GetTypeByMetadataName(attribute) is not null)
                {
                    properties = properties.Add(TestAttributeProperty, attribute);
                }

                break;
            case INamedTypeSymbol type when !TestFrameworkDetection.TestsOf(type).Any():
                descriptor = Descriptors.RP0003_ProofOnClassWithoutTests;
                break;
            default:
                return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            descriptor,
            link.Location,
            properties,
            link.Kind.AttributeName(),
            link.CardDisplay,
            link.TargetName));
    }
}
