using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RegressionProof.Analyzers.Infrastructure;

namespace RegressionProof.Analyzers.Generator
{
    /// <summary>
    /// Turns the RegressionProof attributes of one declaration into manifest links. Runs inside the
    /// generator's transform, so everything it returns is plain data.
    /// </summary>
    internal static class LinkExtractor
    {
        private static readonly SymbolDisplayFormat DisplayFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat;

        public static EquatableArray<LinkModel> Extract(GeneratorAttributeSyntaxContext context, LinkKind kind, CancellationToken cancellationToken)
        {
            var links = new List<LinkModel>();
            var target = context.TargetSymbol;
            string? targetFingerprint = null;
            foreach (var attribute in context.Attributes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!TryGetCard(attribute, out var card) || attribute.ApplicationSyntaxReference is not { } reference)
                {
                    continue; // the analyzers report unusable IDs; the manifest records only usable links
                }

                var tree = reference.SyntaxTree;
                var line = tree.GetLineSpan(reference.Span, cancellationToken).StartLinePosition.Line + 1;
                var arguments = Arguments.Read(attribute, kind);

                if (kind.IsTestProof() && target is INamedTypeSymbol testClass)
                {
                    // A proof on a class proves through every test the class runs.
                    foreach (var test in TestFrameworkDetection.TestsOf(testClass))
                    {
                        links.Add(Create(kind, card, test, tree.FilePath, line, arguments, Fingerprint.Of(test, cancellationToken)) with
                        {
                            Framework = TestFrameworkDetection.GetTestFramework(test).DisplayName(),
                            Test = TestName(testClass, test),
                            DeclaredOn = DocumentationId(testClass),
                        });
                    }

                    continue;
                }

                targetFingerprint ??= Fingerprint.Of(context.TargetNode);
                var link = Create(kind, card, target, tree.FilePath, line, arguments, targetFingerprint);
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

        private static LinkModel Create(LinkKind kind, string card, ISymbol symbol, string filePath, int line, Arguments arguments, string fingerprint) =>
            new(
                Kind: WireName(kind),
                Card: card,
                Symbol: DocumentationId(symbol),
                Display: symbol.ToDisplayString(DisplayFormat),
                FilePath: filePath,
                Line: line,
                Framework: null,
                Test: null,
                DeclaredOn: null,
                Level: arguments.Level,
                Signal: arguments.Signal,
                Name: arguments.Name,
                Rule: arguments.Rule,
                Baseline: arguments.Baseline,
                Threshold: arguments.Threshold,
                Panel: arguments.Panel,
                Steps: arguments.Steps,
                RecordedOn: arguments.RecordedOn,
                AutomateBy: arguments.AutomateBy,
                Evidence: arguments.Evidence,
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

        public static string WireName(LinkKind kind) => kind switch
        {
            LinkKind.Fixes => "fixes",
            LinkKind.RegressionFor => "regression-for",
            LinkKind.MigrationTest => "migration-test",
            LinkKind.SyntheticProbe => "synthetic-probe",
            LinkKind.RecurrenceAlert => "recurrence-alert",
            LinkKind.DashboardPanel => "dashboard-panel",
            _ => "manual-verification",
        };

        /// <summary>The kind's arguments as the manifest writes them; absent or unusable ones are null.</summary>
        private readonly struct Arguments
        {
            public string? Level { get; init; }
            public string? Signal { get; init; }
            public string? Name { get; init; }
            public string? Rule { get; init; }
            public string? Baseline { get; init; }
            public string? Threshold { get; init; }
            public string? Panel { get; init; }
            public string? Steps { get; init; }
            public string? RecordedOn { get; init; }
            public string? AutomateBy { get; init; }
            public string? Evidence { get; init; }

            public static Arguments Read(AttributeData attribute, LinkKind kind)
            {
                var named = new Dictionary<string, TypedConstant>();
                foreach (var pair in attribute.NamedArguments)
                {
                    named[pair.Key] = pair.Value;
                }

                return new Arguments
                {
                    Level = kind == LinkKind.RegressionFor ? LevelName(Int(named, "Level") ?? 0) : null,
                    Signal = kind is LinkKind.SyntheticProbe or LinkKind.RecurrenceAlert ? SignalName(Int(named, "Signal")) : null,
                    Name = kind == LinkKind.SyntheticProbe ? String(named, "Name") : null,
                    Rule = kind == LinkKind.RecurrenceAlert ? String(named, "Rule") : null,
                    Baseline = kind == LinkKind.DashboardPanel ? String(named, "Baseline") : null,
                    Threshold = kind == LinkKind.DashboardPanel ? String(named, "Threshold") : null,
                    Panel = kind == LinkKind.DashboardPanel ? String(named, "Panel") : null,
                    Steps = kind == LinkKind.ManualVerification ? String(named, "Steps") : null,
                    RecordedOn = kind == LinkKind.ManualVerification ? String(named, "RecordedOn") : null,
                    AutomateBy = kind == LinkKind.ManualVerification ? String(named, "AutomateBy") : null,
                    Evidence = String(named, "Evidence"),
                };
            }

            private static string? String(Dictionary<string, TypedConstant> named, string name) =>
                named.TryGetValue(name, out var value) && value.Kind == TypedConstantKind.Primitive && value.Value is string text ? text : null;

            private static int? Int(Dictionary<string, TypedConstant> named, string name) =>
                named.TryGetValue(name, out var value) && value.Kind is TypedConstantKind.Enum or TypedConstantKind.Primitive && value.Value is int number ? number : null;

            private static string? LevelName(int value) => value switch
            {
                0 => "unit",
                1 => "integration",
                2 => "end-to-end",
                _ => null,
            };

            private static string? SignalName(int? value) => value switch
            {
                1 => "latency",
                2 => "error",
                3 => "cost",
                4 => "policy-denial",
                _ => null,
            };
        }
    }
}
