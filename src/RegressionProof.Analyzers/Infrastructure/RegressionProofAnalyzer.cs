using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

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
    /// Calls <paramref name="action"/> for every RegressionProof attribute written in source: on
    /// types and members (symbol actions), and on local functions and lambdas, which have no
    /// symbol action of their own (syntax node actions).
    /// </summary>
    /// <remarks>
    /// Code without the attributes must cost nothing measurable, so nothing here binds or
    /// allocates for a declaration that carries no attribute: a symbol's attributes are the ones
    /// the compiler has already bound, and a local function or lambda is bound only when it has an
    /// attribute list at all. Operation actions would make the driver build an operation tree of
    /// every method body in the compilation just to find the rare attributed lambda.
    /// </remarks>
    private protected static void RegisterLinkAction(
        CompilationStartAnalysisContext context, KnownAttributes known, Action<LinkAnalysisContext> action)
    {
        context.RegisterSymbolAction(
            symbolContext => AnalyzeSymbol(symbolContext.Symbol, known, action, symbolContext.Options, symbolContext.ReportDiagnostic, symbolContext.CancellationToken),
            SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event);

        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                if (AttributedFunction(nodeContext.Node, nodeContext.SemanticModel, nodeContext.CancellationToken) is { } symbol)
                {
                    AnalyzeSymbol(symbol, known, action, nodeContext.Options, nodeContext.ReportDiagnostic, nodeContext.CancellationToken);
                }
            },
            SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression, SyntaxKind.SimpleLambdaExpression);
    }

    /// <summary>The symbol of a local function or lambda that has attributes; null, without binding anything, for the others.</summary>
    private static ISymbol? AttributedFunction(SyntaxNode node, SemanticModel model, System.Threading.CancellationToken cancellationToken) => node switch
    {
        LocalFunctionStatementSyntax { AttributeLists.Count: > 0 } localFunction => model.GetDeclaredSymbol(localFunction, cancellationToken),
        LambdaExpressionSyntax { AttributeLists.Count: > 0 } lambda => model.GetSymbolInfo(lambda, cancellationToken).Symbol,
        _ => null,
    };

    private static void AnalyzeSymbol(
        ISymbol symbol,
        KnownAttributes known,
        Action<LinkAnalysisContext> action,
        AnalyzerOptions options,
        Action<Diagnostic> report,
        System.Threading.CancellationToken cancellationToken)
    {
        // The common case, a declaration without any of our attributes, allocates nothing.
        foreach (var attribute in symbol.GetAttributes())
        {
            // Attributes inherited from metadata have no syntax and are not ours to report on.
            if (known.TryGetKind(attribute.AttributeClass, out var kind)
                && attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
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
