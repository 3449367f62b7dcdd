using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RegressionProof.Analyzers.Infrastructure
{
    /// <summary>
    /// Recognises tests and skipped tests of xunit (v2 and v3), NUnit, MSTest and TUnit by the
    /// attributes on them, including attributes derived from the frameworks' own.
    /// </summary>
    /// <remarks>
    /// Matching is by namespace and name rather than by resolved symbols: a compilation may see two
    /// copies of a framework (v2 and v3 side by side), where resolving a type by name gives nothing.
    /// </remarks>
    internal static class TestFrameworkDetection
    {
        private static readonly Dictionary<string, (string Namespace, TestFramework Framework)[]> TestAttributes = Index(
            ("Xunit", "FactAttribute", TestFramework.Xunit),
            ("NUnit.Framework", "TestAttribute", TestFramework.NUnit),
            ("NUnit.Framework", "TestCaseAttribute", TestFramework.NUnit),
            ("NUnit.Framework", "TestCaseSourceAttribute", TestFramework.NUnit),
            ("NUnit.Framework", "TheoryAttribute", TestFramework.NUnit),
            ("Microsoft.VisualStudio.TestTools.UnitTesting", "TestMethodAttribute", TestFramework.MSTest),
            ("TUnit.Core", "BaseTestAttribute", TestFramework.TUnit),
            ("TUnit.Core", "TestAttribute", TestFramework.TUnit));

        /// <summary>The framework whose test attribute is on <paramref name="method"/>, or <see cref="TestFramework.None"/>.</summary>
        public static TestFramework GetTestFramework(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                var framework = GetTestFramework(attribute.AttributeClass);
                if (framework != TestFramework.None)
                {
                    return framework;
                }
            }

            return TestFramework.None;
        }

        public static bool IsTest(IMethodSymbol method) => GetTestFramework(method) != TestFramework.None;

        /// <summary>The framework of a test attribute class or of the first framework attribute it derives from.</summary>
        public static TestFramework GetTestFramework(INamedTypeSymbol? attributeClass)
        {
            for (var type = attributeClass; type is not null; type = type.BaseType)
            {
                if (TestAttributes.TryGetValue(type.Name, out var candidates))
                {
                    foreach (var candidate in candidates)
                    {
                        if (IsInNamespace(type, candidate.Namespace))
                        {
                            return candidate.Framework;
                        }
                    }
                }
            }

            return TestFramework.None;
        }

        /// <summary>The tests a class runs: its own test methods and those it inherits.</summary>
        public static IEnumerable<IMethodSymbol> TestsOf(INamedTypeSymbol type)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && IsTest(method))
                    {
                        yield return method;
                    }
                }
            }
        }

        /// <summary>
        /// The framework a new test in <paramref name="type"/> should use: that of the tests already
        /// there, else the only framework the compilation references, else none.
        /// </summary>
        public static TestFramework PreferredFramework(INamedTypeSymbol? type, Compilation compilation)
        {
            if (type is not null)
            {
                foreach (var test in TestsOf(type))
                {
                    return GetTestFramework(test);
                }
            }

            return ReferencedFramework(compilation);
        }

        /// <summary>The test framework a compilation references, when it references exactly one.</summary>
        public static TestFramework ReferencedFramework(Compilation compilation)
        {
            var found = TestFramework.None;
            foreach (TestFramework framework in Enum.GetValues(typeof(TestFramework)))
            {
                var name = framework.TestAttributeMetadataName(hasParameters: false);
                if (name is not null && compilation.GetTypeByMetadataName(name) is not null)
                {
                    if (found != TestFramework.None)
                    {
                        return TestFramework.None;
                    }

                    found = framework;
                }
            }

            return found;
        }

        /// <summary>How <paramref name="method"/> is skipped, if it is: on the method, or on its class.</summary>
        public static SkipInfo? FindSkip(IMethodSymbol method)
        {
            return FindSkipOnMethod(method) ?? FindSkipOnClass(method.ContainingType);
        }

        public static SkipInfo? FindSkipOnClass(INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return null;
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (DescribeSkipAttribute(attribute.AttributeClass) is { } description && attribute.ApplicationSyntaxReference is { } syntax)
                {
                    return new SkipInfo(description + " on class " + type.Name, syntax, namedArgument: null);
                }
            }

            return null;
        }

        public static SkipInfo? FindSkipOnMethod(IMethodSymbol method)
        {
            SkipInfo? ignoredCase = null;
            var testAttributes = 0;
            var ignoredCases = 0;
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.ApplicationSyntaxReference is not { } syntax)
                {
                    continue;
                }

                if (DescribeSkipAttribute(attribute.AttributeClass) is { } description)
                {
                    return new SkipInfo(description, syntax, namedArgument: null);
                }

                var framework = GetTestFramework(attribute.AttributeClass);
                if (framework == TestFramework.None)
                {
                    continue;
                }

                testAttributes++;
                if (framework == TestFramework.Xunit
                    && NonEmptyString(attribute, "Skip") is { } reason
                    && !HasNamedArgument(attribute, "SkipUnless")
                    && !HasNamedArgument(attribute, "SkipWhen"))
                {
                    return new SkipInfo($"xunit Skip = \"{reason}\"", syntax, "Skip");
                }

                if (framework == TestFramework.NUnit)
                {
                    var argument = NonEmptyString(attribute, "Ignore") is not null ? "Ignore" : NonEmptyString(attribute, "IgnoreReason") is not null ? "IgnoreReason" : null;
                    if (argument is not null)
                    {
                        ignoredCases++;
                        ignoredCase ??= new SkipInfo($"NUnit {argument} = \"{NonEmptyString(attribute, argument)}\"", syntax, argument);
                    }
                }
            }

            // One ignored test case among running ones still leaves a proof that runs.
            return ignoredCases > 0 && ignoredCases == testAttributes ? ignoredCase : null;
        }

        private static string? DescribeSkipAttribute(INamedTypeSymbol? attributeClass)
        {
            if (attributeClass is null)
            {
                return null;
            }

            if (attributeClass.Name == "IgnoreAttribute")
            {
                if (IsInNamespace(attributeClass, "NUnit.Framework"))
                {
                    return "NUnit [Ignore]";
                }

                if (IsInNamespace(attributeClass, "Microsoft.VisualStudio.TestTools.UnitTesting"))
                {
                    return "MSTest [Ignore]";
                }
            }

            // Only TUnit's own [Skip]: attributes derived from it decide at run time whether to skip.
            if (attributeClass.Name == "SkipAttribute" && IsInNamespace(attributeClass, "TUnit.Core"))
            {
                return "TUnit [Skip]";
            }

            return null;
        }

        private static string? NonEmptyString(AttributeData attribute, string name)
        {
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == name && pair.Value.Kind == TypedConstantKind.Primitive && pair.Value.Value is string { Length: > 0 } value)
                {
                    return value;
                }
            }

            return null;
        }

        private static bool HasNamedArgument(AttributeData attribute, string name)
        {
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInNamespace(ISymbol symbol, string dottedNamespace)
        {
            var ns = symbol.ContainingNamespace;
            var end = dottedNamespace.Length;
            while (ns is not null && !ns.IsGlobalNamespace)
            {
                var start = dottedNamespace.LastIndexOf('.', end - 1) + 1;
                if (end - start != ns.Name.Length || string.CompareOrdinal(dottedNamespace, start, ns.Name, 0, ns.Name.Length) != 0)
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
                end = start - 1;
                if (end < 0)
                {
                    return ns is null || ns.IsGlobalNamespace;
                }
            }

            return false;
        }

        private static Dictionary<string, (string Namespace, TestFramework Framework)[]> Index(params (string Namespace, string Name, TestFramework Framework)[] entries)
        {
            var index = new Dictionary<string, List<(string, TestFramework)>>(StringComparer.Ordinal);
            foreach (var (ns, name, framework) in entries)
            {
                if (!index.TryGetValue(name, out var list))
                {
                    index[name] = list = new List<(string, TestFramework)>();
                }

                list.Add((ns, framework));
            }

            var result = new Dictionary<string, (string, TestFramework)[]>(StringComparer.Ordinal);
            foreach (var pair in index)
            {
                result[pair.Key] = pair.Value.ToArray();
            }

            return result;
        }
    }
}
