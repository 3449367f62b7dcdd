using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RegressionProof.Analyzers.Infrastructure;

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
    private static readonly Dictionary<string, (string Namespace, TestFramework Framework)[]> TestAttributes = Index();

    /// <summary>
    /// The framework whose test attribute is on <paramref name="method"/> (or on the method it
    /// overrides, as the frameworks read inherited attributes), or <see cref="TestFramework.None"/>.
    /// </summary>
    public static TestFramework GetTestFramework(IMethodSymbol method)
    {
        foreach (var attribute in EffectiveAttributes(method))
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

    /// <summary>
    /// The framework of a test attribute class: the framework attribute it is or derives from, or
    /// an attribute implementing one of a framework's <see cref="TestFramework.TestBuilderInterfaces"/>.
    /// </summary>
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

        if (attributeClass is not null)
        {
            foreach (var implemented in attributeClass.AllInterfaces)
            {
                foreach (var framework in TestFramework.All)
                {
                    foreach (var builder in framework.TestBuilderInterfaces)
                    {
                        if (implemented.Name == builder.Name && IsInNamespace(implemented, builder.Namespace))
                        {
                            return framework;
                        }
                    }
                }
            }
        }

        return TestFramework.None;
    }

    /// <summary>
    /// The attributes a test runner sees on <paramref name="method"/>: its own, and when none of
    /// them makes it a test, the inheritable ones of the nearest overridden method that is a test
    /// (an override of a base class's test method is still that test).
    /// </summary>
    public static IEnumerable<AttributeData> EffectiveAttributes(IMethodSymbol method)
    {
        var own = method.GetAttributes();
        foreach (var attribute in own)
        {
            if (GetTestFramework(attribute.AttributeClass) != TestFramework.None)
            {
                return own;
            }
        }

        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            var inherited = new List<AttributeData>();
            var isTest = false;
            foreach (var attribute in overridden.GetAttributes())
            {
                if (IsInheritable(attribute.AttributeClass))
                {
                    inherited.Add(attribute);
                    isTest |= GetTestFramework(attribute.AttributeClass) != TestFramework.None;
                }
            }

            if (isTest)
            {
                inherited.AddRange(own);
                return inherited;
            }
        }

        return own;
    }

    /// <summary>Whether the attribute's <c>[AttributeUsage]</c> lets overrides inherit it (the default).</summary>
    private static bool IsInheritable(INamedTypeSymbol? attributeClass)
    {
        for (var type = attributeClass; type is not null; type = type.BaseType)
        {
            foreach (var usage in type.GetAttributes())
            {
                if (usage.AttributeClass is { Name: "AttributeUsageAttribute" } usageClass && IsInNamespace(usageClass, "System"))
                {
                    foreach (var pair in usage.NamedArguments)
                    {
                        if (pair.Key == "Inherited" && pair.Value.Value is bool inherited)
                        {
                            return inherited;
                        }
                    }

                    return true;
                }
            }
        }

        return true;
    }

    /// <summary>The tests a class runs: its own test methods and those it inherits.</summary>
    public static IEnumerable<IMethodSymbol> TestsOf(INamedTypeSymbol type)
    {
        // A base method that a derived class overrides runs as the override, not a second time.
        var overridden = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || overridden.Contains(method.OriginalDefinition))
                {
                    continue;
                }

                for (var baseMethod = method.OverriddenMethod; baseMethod is not null; baseMethod = baseMethod.OverriddenMethod)
                {
                    overridden.Add(baseMethod.OriginalDefinition);
                }

                if (IsTest(method))
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
        foreach (var framework in TestFramework.All)
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

    /// <summary>
    /// How a class skips all its tests: a framework's skip attribute on it (NUnit <c>[Ignore]</c>,
    /// MSTest <c>[Ignore]</c>, TUnit <c>[Skip]</c> ...), or every fixture attribute on it skipped
    /// by a skip argument (NUnit <c>[TestFixture(Ignore = ...)]</c>).
    /// </summary>
    public static SkipInfo? FindSkipOnClass(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        SkipInfo? ignoredFixture = null;
        var fixtures = 0;
        var ignoredFixtures = 0;
        foreach (var attribute in type.GetAttributes())
        {
            var syntax = attribute.ApplicationSyntaxReference;
            if (DescribeSkipAttribute(attribute) is { } description)
            {
                return new SkipInfo(description + " on class " + type.Name, syntax, namedArgument: null);
            }

            if (FixtureFramework(attribute.AttributeClass) is { FixtureAttribute: { } fixture } framework)
            {
                fixtures++;
                if (DescribeSkipArgument(framework, attribute) is { } ignored)
                {
                    ignoredFixtures++;
                    ignoredFixture ??= new SkipInfo($"{framework.MessageName} {fixture.Display} {ignored.Description} on class {type.Name}", syntax, ignored.Argument);
                }
            }
        }

        // One ignored fixture among running ones (parameterised fixtures) still runs the tests.
        return ignoredFixtures > 0 && ignoredFixtures == fixtures ? ignoredFixture : null;
    }

    public static SkipInfo? FindSkipOnMethod(IMethodSymbol method)
    {
        SkipInfo? ignoredCase = null;
        var testAttributes = 0;
        var ignoredCases = 0;
        foreach (var attribute in EffectiveAttributes(method))
        {
            // Null for a test inherited from a referenced assembly: the skip is still real.
            var syntax = attribute.ApplicationSyntaxReference;
            if (DescribeSkipAttribute(attribute) is { } description)
            {
                return new SkipInfo(description, syntax, namedArgument: null);
            }

            var framework = GetTestFramework(attribute.AttributeClass);
            if (framework == TestFramework.None)
            {
                continue;
            }

            testAttributes++;
            if (DescribeSkipArgument(framework, attribute) is { } skipped)
            {
                var skipDescription = framework.MessageName + " " + skipped.Description;
                if (!framework.SkipArgumentSkipsOnlyItsCase)
                {
                    return new SkipInfo(skipDescription, syntax, skipped.Argument);
                }

                ignoredCases++;
                ignoredCase ??= new SkipInfo(skipDescription, syntax, skipped.Argument);
            }
        }

        // One ignored test case among running ones still leaves a proof that runs.
        return ignoredCases > 0 && ignoredCases == testAttributes ? ignoredCase : null;
    }

    /// <summary>How a test (or fixture) attribute of <paramref name="framework"/> is skipped through its named arguments: the first of its skip arguments that skips.</summary>
    private static (string Description, string Argument)? DescribeSkipArgument(TestFramework framework, AttributeData attribute)
    {
        foreach (var argument in framework.SkipArguments)
        {
            if (HasAnyNamedArgument(attribute, argument.UnlessAlsoGiven))
            {
                continue;
            }

            if (argument.Kind == SkipArgumentKind.Reason && NonEmptyString(attribute, argument.Name) is { } reason)
            {
                return ($"{argument.Name} = \"{reason}\"{(argument.HonoursUntil ? Until(attribute) : string.Empty)}", argument.Name);
            }

            if (argument.Kind == SkipArgumentKind.True && IsTrue(attribute, argument.Name))
            {
                return ($"{argument.Name} = true", argument.Name);
            }
        }

        return null;
    }

    /// <summary>The framework whose fixture attribute <paramref name="attributeClass"/> is (exactly, not derived), or null.</summary>
    private static TestFramework? FixtureFramework(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is not null)
        {
            foreach (var framework in TestFramework.All)
            {
                if (framework.FixtureAttribute is { } fixture && attributeClass.Name == fixture.Name && IsInNamespace(attributeClass, fixture.Namespace))
                {
                    return framework;
                }
            }
        }

        return null;
    }

    /// <summary>How a skip attribute (matched exactly: derived attributes may decide at run time) describes itself, or null for any other attribute.</summary>
    private static string? DescribeSkipAttribute(AttributeData attribute)
    {
        var attributeClass = attribute.AttributeClass;
        if (attributeClass is null)
        {
            return null;
        }

        foreach (var framework in TestFramework.All)
        {
            foreach (var skip in framework.SkipAttributes)
            {
                if (attributeClass.Name == skip.Attribute.Name && IsInNamespace(attributeClass, skip.Attribute.Namespace))
                {
                    return framework.MessageName + " " + skip.Attribute.Display + (skip.HonoursUntil ? Until(attribute) : string.Empty);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// NUnit's <c>Until</c>: the test is ignored until that date. An analyzer has no clock (its
    /// result must not change from one day to the next), so such a test is still a skipped
    /// proof; the message names the date.
    /// </summary>
    private static string Until(AttributeData attribute) =>
        NonEmptyString(attribute, "Until") is { } until ? $" until {until}" : string.Empty;

    private static bool IsTrue(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is true)
            {
                return true;
            }
        }

        return false;
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

    private static bool HasAnyNamedArgument(AttributeData attribute, IReadOnlyList<string> names)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            foreach (var name in names)
            {
                if (pair.Key == name)
                {
                    return true;
                }
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

    /// <summary>Every framework's test attributes by simple name, in the order of <see cref="TestFramework.All"/>.</summary>
    private static Dictionary<string, (string Namespace, TestFramework Framework)[]> Index()
    {
        var index = new Dictionary<string, List<(string, TestFramework)>>(StringComparer.Ordinal);
        foreach (var framework in TestFramework.All)
        {
            foreach (var attribute in framework.TestAttributes)
            {
                if (!index.TryGetValue(attribute.Name, out var list))
                {
                    index[attribute.Name] = list = new List<(string, TestFramework)>();
                }

                list.Add((attribute.Namespace, framework));
            }
        }

        var result = new Dictionary<string, (string, TestFramework)[]>(StringComparer.Ordinal);
        foreach (var pair in index)
        {
            result[pair.Key] = pair.Value.ToArray();
        }

        return result;
    }
}
