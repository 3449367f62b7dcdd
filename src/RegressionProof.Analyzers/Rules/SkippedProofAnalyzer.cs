using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Rules
{
    /// <summary>
    /// RP0009: a proof test is skipped or ignored (xunit <c>Skip</c>, NUnit <c>[Ignore]</c>, MSTest
    /// <c>[Ignore]</c>, TUnit <c>[Skip]</c>). The diagnostic points at the skip, which is what to remove.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SkippedProofAnalyzer : RegressionProofAnalyzer
    {
        /// <summary>Diagnostic property: the named argument that skips the test; absent when the whole attribute does.</summary>
        public const string NamedArgumentProperty = "NamedArgument";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RP0009_SkippedProof);

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

            var skipSyntax = skip.Syntax.GetSyntax(context.CancellationToken);
            var properties = skip.NamedArgument is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(NamedArgumentProperty, skip.NamedArgument);

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RP0009_SkippedProof,
                skipSyntax.GetLocation(),
                additionalLocations: new[] { context.Link.Location },
                properties: properties,
                context.Link.CardDisplay,
                test.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                skip.Description));
        }
    }
}
