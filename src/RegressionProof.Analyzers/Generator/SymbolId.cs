using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RegressionProof.Analyzers.Generator;

/// <summary>
/// The <c>symbol</c> of a manifest link: the documentation-comment ID, with what Roslyn's IDs
/// leave out filled in (docs/manifest.md, "Symbol IDs"):
/// <list type="bullet">
/// <item>a function-pointer parameter, which Roslyn writes as nothing, is written
/// <c>=FUNC:ReturnType(ParameterTypes)</c>, the encoding the documentation-comment ID format
/// defines for it;</item>
/// <item>a local function is its containing member's ID, <c>#</c>, and its name; a lambda is its
/// containing member's ID and <c>#lambda</c> with its 1-based position among the lambdas of that
/// member's own body (<c>#lambda2</c>), so two lambdas of one member never share an ID, and an
/// edit elsewhere in the file does not change it.</item>
/// </list>
/// </summary>
internal static class SymbolId
{
    public static string Of(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } local)
        {
            var container = symbol.ContainingSymbol is { } parent ? Of(parent) : string.Empty;
            return container + "#" + (local.MethodKind == MethodKind.AnonymousFunction || string.IsNullOrEmpty(local.Name)
                ? "lambda" + LambdaOrdinal(local).ToString(CultureInfo.InvariantCulture)
                : local.Name);
        }

        if (ExtensionMemberId(symbol) is { } extension)
        {
            return extension;
        }

        if (symbol.GetDocumentationCommentId() is not { Length: > 0 } id)
        {
            return (symbol.ContainingSymbol is { } container ? Of(container) : string.Empty) + "#" + symbol.Name;
        }

        return HasFunctionPointerParameter(symbol) ? WithFunctionPointerParameters(id, ParametersOf(symbol)) : id;
    }

    // ---- C# 14 extension members ----

    /// <summary>
    /// A member of a C# 14 <c>extension(R r)</c> block, named as a user reads and calls it: a
    /// member of the enclosing static class whose first parameter is the receiver
    /// (<c>M:Shop.MoneyExtensions.Rounded(System.Decimal)</c>, which is also the ID of the method the
    /// compiler emits for it), never by the block's compiler-generated name (<c>&lt;G&gt;$…</c>).
    /// Null for any other symbol, and for a block with type parameters, which keeps the compiler's ID.
    /// </summary>
    private static string? ExtensionMemberId(ISymbol symbol)
    {
        if (symbol is not (IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol)
            || symbol.ContainingType is not { } block
            || block.TypeKind != ExtensionTypeKind
            || block.ContainingType is not { } outer
            || block.Arity > 0)
        {
            return null;
        }

        var parameters = new List<ITypeSymbol>();
        if (!symbol.IsStatic)
        {
            if (ReceiverOf(block) is not { } receiver)
            {
                return null;
            }

            parameters.Add(receiver.Type);
        }

        parameters.AddRange(ParametersOf(symbol).Select(parameter => parameter.Type));
        var id = new StringBuilder(symbol is IPropertySymbol ? "P:" : "M:");
        AppendType(id, outer);
        id.Append('.').Append(symbol.Name);
        if (symbol is IMethodSymbol { Arity: > 0 } generic)
        {
            id.Append("``").Append(generic.Arity.ToString(CultureInfo.InvariantCulture));
        }

        if (parameters.Count > 0)
        {
            id.Append('(');
            for (var i = 0; i < parameters.Count; i++)
            {
                if (i > 0)
                {
                    id.Append(',');
                }

                AppendType(id, parameters[i]);
            }

            id.Append(')');
        }

        return id.ToString();
    }

    // The shipped analyzers compile against Roslyn 4.8, which predates extension blocks; the
    // compilers that can build them (Roslyn 5, the .NET 10 SDK) give a block TypeKind.Extension
    // (14) and expose its receiver as INamedTypeSymbol.ExtensionParameter, asked for by name.
    private const TypeKind ExtensionTypeKind = (TypeKind)14;

    private static readonly System.Reflection.PropertyInfo? ExtensionParameter =
        typeof(INamedTypeSymbol).GetProperty("ExtensionParameter");

    private static IParameterSymbol? ReceiverOf(INamedTypeSymbol block)
    {
        try
        {
            return ExtensionParameter?.GetValue(block) as IParameterSymbol;
        }
        catch (System.Reflection.TargetInvocationException)
        {
            // A compiler whose property throws keeps the compiler's ID: the generator never fails.
            return null;
        }
    }

    // ---- lambdas ----

    /// <summary>The 1-based position of the lambda among the lambdas directly in the same body.</summary>
    private static int LambdaOrdinal(IMethodSymbol lambda)
    {
        if (lambda.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not { } syntax)
        {
            return 1;
        }

        var scope = ScopeOf(syntax);
        var ordinal = 0;
        foreach (var candidate in scope.DescendantNodes().OfType<AnonymousFunctionExpressionSyntax>())
        {
            if (ScopeOf(candidate) == scope)
            {
                ordinal++;
                if (candidate == syntax)
                {
                    return ordinal;
                }
            }
        }

        return 1;
    }

    /// <summary>
    /// The body a lambda belongs to: the nearest enclosing lambda, local function or member.
    /// Top-level statements are one body, the compilation unit's.
    /// </summary>
    private static SyntaxNode ScopeOf(SyntaxNode lambda)
    {
        for (var node = lambda.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                    return node;
                case GlobalStatementSyntax:
                    return node.Parent ?? node;
                case MemberDeclarationSyntax:
                    return node;
            }
        }

        return lambda.SyntaxTree.GetRoot();
    }

    // ---- function pointers ----

    private static IReadOnlyList<IParameterSymbol> ParametersOf(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.Parameters,
        IPropertySymbol property => property.Parameters,
        _ => System.Array.Empty<IParameterSymbol>(),
    };

    private static bool HasFunctionPointerParameter(ISymbol symbol) =>
        ParametersOf(symbol).Any(parameter => ContainsFunctionPointer(parameter.Type));

    private static bool ContainsFunctionPointer(ITypeSymbol type) => type switch
    {
        IFunctionPointerTypeSymbol => true,
        IArrayTypeSymbol array => ContainsFunctionPointer(array.ElementType),
        IPointerTypeSymbol pointer => ContainsFunctionPointer(pointer.PointedAtType),
        _ => false,
    };

    /// <summary>Roslyn's ID with each parameter that holds a function pointer written out in full.</summary>
    private static string WithFunctionPointerParameters(string id, IReadOnlyList<IParameterSymbol> parameters)
    {
        var open = id.IndexOf('(');
        var close = id.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return id;
        }

        var written = SplitTopLevel(id.Substring(open + 1, close - open - 1));
        if (written.Count != parameters.Count)
        {
            return id;
        }

        var result = new StringBuilder(id.Length + 32).Append(id, 0, open + 1);
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0)
            {
                result.Append(',');
            }

            if (ContainsFunctionPointer(parameters[i].Type))
            {
                AppendType(result, parameters[i].Type);
                if (parameters[i].RefKind != RefKind.None)
                {
                    result.Append('@');
                }
            }
            else
            {
                result.Append(written[i]);
            }
        }

        return result.Append(id, close, id.Length - close).ToString();
    }

    /// <summary>The parameter list split at commas that are not inside <c>{}</c> or <c>[]</c>.</summary>
    private static List<string> SplitTopLevel(string list)
    {
        // "()" is one parameter written as nothing: a method without parameters has no parentheses.
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '{' or '[' or '(':
                    depth++;
                    break;
                case '}' or ']' or ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(list.Substring(start, i - start));
                    start = i + 1;
                    break;
            }
        }

        parts.Add(list.Substring(start));
        return parts;
    }

    /// <summary>A type as documentation-comment IDs write it in a parameter list.</summary>
    private static void AppendType(StringBuilder text, ITypeSymbol type)
    {
        switch (type)
        {
            case IFunctionPointerTypeSymbol { Signature: var signature }:
                text.Append("=FUNC:");
                AppendType(text, signature.ReturnType);
                if (signature.Parameters.Length > 0)
                {
                    text.Append('(');
                    for (var i = 0; i < signature.Parameters.Length; i++)
                    {
                        if (i > 0)
                        {
                            text.Append(',');
                        }

                        AppendType(text, signature.Parameters[i].Type);
                        if (signature.Parameters[i].RefKind != RefKind.None)
                        {
                            text.Append('@');
                        }
                    }

                    text.Append(')');
                }

                break;
            case IArrayTypeSymbol array:
                AppendType(text, array.ElementType);
                text.Append(array.Rank == 1 ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", array.Rank)) + "]");
                break;
            case IPointerTypeSymbol pointer:
                AppendType(text, pointer.PointedAtType);
                text.Append('*');
                break;
            case ITypeParameterSymbol parameter:
                text.Append(parameter.TypeParameterKind == TypeParameterKind.Method ? "``" : "`")
                    .Append(parameter.Ordinal.ToString(CultureInfo.InvariantCulture));
                break;
            case INamedTypeSymbol { IsGenericType: true } generic when !generic.IsUnboundGenericType:
                AppendName(text, generic.ContainingType is { } outer ? outer : null, generic.ContainingNamespace);
                text.Append(generic.Name).Append('{');
                for (var i = 0; i < generic.TypeArguments.Length; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    AppendType(text, generic.TypeArguments[i]);
                }

                text.Append('}');
                break;
            default:
                var id = type.GetDocumentationCommentId();
                text.Append(id is { Length: > 2 } && id[1] == ':' ? id.Substring(2) : type.ToDisplayString());
                break;
        }
    }

    private static void AppendName(StringBuilder text, INamedTypeSymbol? outer, INamespaceSymbol? ns)
    {
        if (outer is not null)
        {
            AppendType(text, outer);
            text.Append('.');
        }
        else if (ns is { IsGlobalNamespace: false })
        {
            text.Append(ns.ToDisplayString()).Append('.');
        }
    }
}
