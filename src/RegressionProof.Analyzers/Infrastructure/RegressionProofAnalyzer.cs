using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// The common start of every RegressionProof analyzer: generated code is skipped (unless a rule
/// must see it), execution is concurrent, and nothing is registered in a compilation that cannot
/// see the attributes.
/// </summary>
public abstract class RegressionProofAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Takes every descriptor the rule reports, so a rule cannot report one it did not declare.</summary>
    private protected RegressionProofAnalyzer(params DiagnosticDescriptor[] supportedDiagnostics)
    {
        SupportedDiagnostics = ImmutableArray.Create(supportedDiagnostics);
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>
    /// True for a rule whose verdict depends on links in generated code too. Such a rule analyzes
    /// generated code but still reports nothing there: nobody can edit a generated file.
    /// </summary>
    private protected virtual bool AnalyzesGeneratedCode => false;

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(AnalyzesGeneratedCode ? GeneratedCodeAnalysisFlags.Analyze : GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownAttributes.TryCreate(start.Compilation);
            if (known is not null)
            {
                OnCompilationStart(start, known);
            }
        });
    }

    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, KnownAttributes known);

    /// <summary>
    /// Calls <paramref name="action"/> for every RegressionProof attribute written in source:
    /// on types and members (symbol actions) and on local functions and lambdas, which have no
    /// symbol action of their own (operation actions).
    /// </summary>
    private protected static void RegisterLinkAction(
        CompilationStartAnalysisContext context, KnownAttributes known, Action<LinkAnalysisContext> action)
    {
        context.RegisterSymbolAction(
            symbolContext => AnalyzeSymbol(symbolContext.Symbol, known, action, symbolContext.Options, symbolContext.ReportDiagnostic, symbolContext.CancellationToken),
            SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event);

        context.RegisterOperationAction(
            operationContext =>
            {
                var symbol = operationContext.Operation switch
                {
                    ILocalFunctionOperation localFunction => localFunction.Symbol,
                    IAnonymousFunctionOperation lambda => lambda.Symbol,
                    _ => null,
                };
                if (symbol is not null)
                {
                    AnalyzeSymbol(symbol, known, action, operationContext.Options, operationContext.ReportDiagnostic, operationContext.CancellationToken);
                }
            },
            OperationKind.LocalFunction, OperationKind.AnonymousFunction);
    }

    private static void AnalyzeSymbol(
        ISymbol symbol,
        KnownAttributes known,
        Action<LinkAnalysisContext> action,
        AnalyzerOptions options,
        Action<Diagnostic> report,
        System.Threading.CancellationToken cancellationToken)
    {
        foreach (var (attribute, kind) in known.LinksOf(symbol))
        {
            // Attributes inherited from metadata have no syntax and are not ours to report on.
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
            {
                action(new LinkAnalysisContext(new IntakeLink(symbol, attribute, kind, syntax), options, report, cancellationToken));
            }
        }
    }
}

/// <summary>What a rule gets for one attribute: the link, the options, and a way to report.</summary>
internal readonly struct LinkAnalysisContext
{
    private readonly Action<Diagnostic> _report;

    public LinkAnalysisContext(IntakeLink link, AnalyzerOptions options, Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        Link = link;
        Options = options;
        _report = report;
        CancellationToken = cancellationToken;
    }

    public IntakeLink Link { get; }

    public AnalyzerOptions Options { get; }

    public System.Threading.CancellationToken CancellationToken { get; }

    public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
}
