using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RegressionProof.Analyzers.Infrastructure;
using RegressionProof.Contract;

namespace RegressionProof.Analyzers.Generator;

/// <summary>
/// Turns the RegressionProof attributes of one declaration into manifest links. Runs inside the
/// generator's pipeline (through <see cref="ExtractionCache"/>), so everything it returns is
/// plain data.
/// </summary>
internal static class LinkExtractor
{
    private static readonly SymbolDisplayFormat DisplayFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat;

    /// <summary>
    /// The links of the declaration's attributes of <paramref name="kind"/>. Every file read
    /// besides the declaration's own, whose change would change the links, is added to
    /// <paramref name="read"/>.
    /// </summary>
    public static EquatableArray<LinkModel> Extract(SyntaxNode declaration, ISymbol target, IReadOnlyList<AttributeData> attributes, LinkKind kind, ISet<SyntaxTree> read, CancellationToken cancellationToken)
    {
        var links = new List<LinkModel>();
        string? targetFingerprint = null;
        foreach (var attribute in attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!TryGetCard(attribute, out var card) || attribute.ApplicationSyntaxReference is not { } reference)
            {
                continue; // the analyzers report unusable IDs; the manifest records only usable links
            }

            var tree = reference.SyntaxTree;
            read.Add(tree);
            // The attribute's start, 1-based, as the compiler prints a diagnostic's position: RP0001
            // in an aggregating project reports a referenced project's fix at it.
            var start = tree.GetLineSpan(reference.Span, cancellationToken).StartLinePosition;
            var (line, column) = (start.Line + 1, start.Character + 1);
            var arguments = ReadArguments(attribute, kind);

            if (kind.IsTestProof() && target is INamedTypeSymbol testClass)
            {
                // A proof on a class proves through every test the class runs.
                foreach (var test in TestFrameworkDetection.TestsOf(testClass))
                {
                    links.Add(Create(kind, card, test, tree.FilePath, line, column, arguments, Fingerprint.Of(test, read, cancellationToken)) with
                    {
                        Framework = TestFrameworkDetection.GetTestFramework(test).DisplayName(),
                        Test = TestName(testClass, test),
                        DeclaredOn = DocumentationId(testClass),
                    });
                }

                continue;
            }

            targetFingerprint ??= Fingerprint.Of(declaration);
            var link = Create(kind, card, target, tree.FilePath, line, column, arguments, targetFingerprint);
            if (kind.IsTestProof() && target is IMethodSymbol method)
            {
                link = link with
                {
                    Framework = TestFrameworkDetection.GetTestFramework(method).DisplayName(),
                    Test = method.ContainingType is { } type ? TestName(type, method) : null,
                };
            }

            links.Add(link);
        }

        return links.ToEquatableArray();
    }

    private static LinkModel Create(LinkKind kind, string card, ISymbol symbol, string filePath, int line, int column, EquatableArray<LinkArgument> arguments, string fingerprint) =>
        new(
            Kind: WireName(kind),
            Card: card,
            Symbol: DocumentationId(symbol),
            Display: symbol.ToDisplayString(DisplayFormat),
            FilePath: filePath,
            Line: line,
            Column: column,
            Framework: null,
            Test: null,
            DeclaredOn: null,
            Arguments: arguments,
            Fingerprint: fingerprint);

    private static bool TryGetCard(AttributeData attribute, out string card)
    {
        card = string.Empty;
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string { } value || string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        card = value;
        return true;
    }

    /// <summary>The test's name as test results report it: the class that runs it, then the method.</summary>
    private static string TestName(INamedTypeSymbol testClass, IMethodSymbol test)
    {
        var type = testClass.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat
            .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
            .WithGenericsOptions(SymbolDisplayGenericsOptions.None));
        return type + "." + test.Name;
    }

    /// <summary>The documentation-comment ID, completed where Roslyn's is not (see <see cref="SymbolId"/>).</summary>
    private static string DocumentationId(ISymbol symbol) => SymbolId.Of(symbol);

    /// <summary>The kind's name in the manifest, from its row of the contract.</summary>
    public static string WireName(LinkKind kind) => kind.Contract().WireName;

    /// <summary>
    /// The arguments of the kind's contract row, then the evidence, as the manifest writes them;
    /// absent or unusable ones are left out.
    /// </summary>
    private static EquatableArray<LinkArgument> ReadArguments(AttributeData attribute, LinkKind kind)
    {
        var named = new Dictionary<string, TypedConstant>();
        foreach (var pair in attribute.NamedArguments)
        {
            named[pair.Key] = pair.Value;
        }

        var arguments = new List<LinkArgument>();
        foreach (var argument in kind.Contract().Arguments.Append(ManifestContract.Evidence))
        {
            var value = argument.Value switch
            {
                ArgumentValue.Level => Name(ManifestContract.Levels, Int(named, argument.Argument) ?? 0),
                ArgumentValue.Signal => Name(ManifestContract.Signals, Int(named, argument.Argument) - 1),
                _ => String(named, argument.Argument),
            };
            if (value is not null)
            {
                arguments.Add(new LinkArgument(argument.Property, value));
            }
        }

        return arguments.ToEquatableArray();
    }

    private static string? String(Dictionary<string, TypedConstant> named, string name) =>
        named.TryGetValue(name, out var value) && value.Kind == TypedConstantKind.Primitive && value.Value is string text ? text : null;

    private static int? Int(Dictionary<string, TypedConstant> named, string name) =>
        named.TryGetValue(name, out var value) && value.Kind is TypedConstantKind.Enum or TypedConstantKind.Primitive && value.Value is int number ? number : null;

    /// <summary>The name of an enum value, or null for a value the enum does not define.</summary>
    private static string? Name(string[] names, int? value) =>
        value is { } index && index >= 0 && index < names.Length ? names[index] : null;
}
