using System.Collections.Generic;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// One test framework whose tests can carry a test proof, described as data: how its tests and
/// skipped tests are recognised, and what a code fix writes to make a test of it. Adding a
/// framework is adding one instance to <see cref="All"/>.
/// </summary>
internal sealed class TestFramework
{
    /// <summary>No framework: the method is no test, or a compilation references none or several.</summary>
    public static readonly TestFramework None = new(
        displayName: "none",
        messageName: "none",
        testAttributes: System.Array.Empty<AttributeName>(),
        testAttributeToAdd: null);

    public static readonly TestFramework Xunit = new(
        displayName: "xunit",
        messageName: "xunit",
        testAttributes: new[] { new AttributeName("Xunit", "FactAttribute") },
        testAttributeToAdd: "Xunit.FactAttribute",
        parameterizedTestAttributeToAdd: "Xunit.TheoryAttribute",
        skipArguments: new[]
        {
            // SkipUnless/SkipWhen (xunit v3) make Skip conditional: decided at run time.
            new SkipArgument("Skip", SkipArgumentKind.Reason, unlessAlsoGiven: new[] { "SkipUnless", "SkipWhen" }),

            // xunit v3: an explicit test runs only when asked for by name.
            new SkipArgument("Explicit", SkipArgumentKind.True),
        });

    public static readonly TestFramework NUnit = new(
        displayName: "nunit",
        messageName: "NUnit",
        testAttributes: new[]
        {
            new AttributeName("NUnit.Framework", "TestAttribute"),
            new AttributeName("NUnit.Framework", "TestCaseAttribute"),
            new AttributeName("NUnit.Framework", "TestCaseSourceAttribute"),
            new AttributeName("NUnit.Framework", "TheoryAttribute"),
        },
        testAttributeToAdd: "NUnit.Framework.TestAttribute",

        // NUnit runs any attribute that builds tests: [Combinatorial], [Sequential], AutoFixture's [AutoData].
        testBuilderInterfaces: new[]
        {
            new AttributeName("NUnit.Framework.Interfaces", "ITestBuilder"),
            new AttributeName("NUnit.Framework.Interfaces", "ISimpleTestBuilder"),
        },
        skipAttributes: new[]
        {
            new SkipAttribute(new AttributeName("NUnit.Framework", "IgnoreAttribute"), honoursUntil: true),

            // Explicit tests run only when selected by name, never in the run that gates a release.
            new SkipAttribute(new AttributeName("NUnit.Framework", "ExplicitAttribute")),
        },
        skipArguments: new[]
        {
            new SkipArgument("Ignore", SkipArgumentKind.Reason, honoursUntil: true),
            new SkipArgument("IgnoreReason", SkipArgumentKind.Reason, honoursUntil: true),
            new SkipArgument("Explicit", SkipArgumentKind.True),
        },

        // An ignored [TestCase] skips that case only; the test is skipped when all its cases are.
        skipArgumentSkipsOnlyItsCase: true,
        fixtureAttribute: new AttributeName("NUnit.Framework", "TestFixtureAttribute"));

    public static readonly TestFramework MSTest = new(
        displayName: "mstest",
        messageName: "MSTest",
        testAttributes: new[] { new AttributeName("Microsoft.VisualStudio.TestTools.UnitTesting", "TestMethodAttribute") },
        testAttributeToAdd: "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",

        // MSTest runs only the tests of classes marked [TestClass]; the other frameworks need no marker.
        testClassAttributeToAdd: "TestClass",
        skipAttributes: new[] { new SkipAttribute(new AttributeName("Microsoft.VisualStudio.TestTools.UnitTesting", "IgnoreAttribute")) });

    public static readonly TestFramework TUnit = new(
        displayName: "tunit",
        messageName: "TUnit",
        testAttributes: new[]
        {
            new AttributeName("TUnit.Core", "BaseTestAttribute"),
            new AttributeName("TUnit.Core", "TestAttribute"),
        },
        testAttributeToAdd: "TUnit.Core.TestAttribute",
        skipAttributes: new[]
        {
            new SkipAttribute(new AttributeName("TUnit.Core", "ExplicitAttribute")),

            // Only TUnit's own [Skip] (matched exactly, as every skip attribute is): attributes
            // derived from it decide at run time whether to skip.
            new SkipAttribute(new AttributeName("TUnit.Core", "SkipAttribute")),
        });

    /// <summary>Every framework, in the order detection tries them.</summary>
    public static readonly IReadOnlyList<TestFramework> All = new[] { Xunit, NUnit, MSTest, TUnit };

    private readonly string _displayName;
    private readonly string? _testAttributeToAdd;
    private readonly string? _parameterizedTestAttributeToAdd;

    private TestFramework(
        string displayName,
        string messageName,
        AttributeName[] testAttributes,
        string? testAttributeToAdd,
        string? parameterizedTestAttributeToAdd = null,
        string? testClassAttributeToAdd = null,
        AttributeName[]? testBuilderInterfaces = null,
        SkipAttribute[]? skipAttributes = null,
        SkipArgument[]? skipArguments = null,
        bool skipArgumentSkipsOnlyItsCase = false,
        AttributeName? fixtureAttribute = null)
    {
        _displayName = displayName;
        MessageName = messageName;
        TestAttributes = testAttributes;
        _testAttributeToAdd = testAttributeToAdd;
        _parameterizedTestAttributeToAdd = parameterizedTestAttributeToAdd;
        TestClassAttributeToAdd = testClassAttributeToAdd;
        TestBuilderInterfaces = testBuilderInterfaces ?? System.Array.Empty<AttributeName>();
        SkipAttributes = skipAttributes ?? System.Array.Empty<SkipAttribute>();
        SkipArguments = skipArguments ?? System.Array.Empty<SkipArgument>();
        SkipArgumentSkipsOnlyItsCase = skipArgumentSkipsOnlyItsCase;
        FixtureAttribute = fixtureAttribute;
    }

    /// <summary>How skip messages name the framework, for example <c>NUnit</c>.</summary>
    public string MessageName { get; }

    /// <summary>The attributes (and their subclasses) that make a method a test.</summary>
    public IReadOnlyList<AttributeName> TestAttributes { get; }

    /// <summary>Interfaces whose implementing attributes also make a method a test.</summary>
    public IReadOnlyList<AttributeName> TestBuilderInterfaces { get; }

    /// <summary>Attributes that skip a test (on the method) or all tests of a class.</summary>
    public IReadOnlyList<SkipAttribute> SkipAttributes { get; }

    /// <summary>Named arguments of the test attribute (or fixture attribute) that skip it, tried in order.</summary>
    public IReadOnlyList<SkipArgument> SkipArguments { get; }

    /// <summary>
    /// Whether a skip argument skips only the case its attribute adds (NUnit <c>[TestCase(Ignore = ...)]</c>),
    /// so a test is skipped only when all its test attributes are; otherwise it skips the test.
    /// </summary>
    public bool SkipArgumentSkipsOnlyItsCase { get; }

    /// <summary>The class attribute whose skip arguments skip the class's tests when every such attribute on it does.</summary>
    public AttributeName? FixtureAttribute { get; }

    /// <summary>The simple name of the class attribute a new test class needs, or null when it needs none.</summary>
    public string? TestClassAttributeToAdd { get; }

    /// <summary>How the manifest names the framework.</summary>
    /// <remarks>A method, not a property, so that the manifest generator's call sites read as they did when this was an enum.</remarks>
    public string DisplayName() => _displayName;

    /// <summary>The attribute a code fix adds to make a method a test of this framework.</summary>
    public string? TestAttributeMetadataName(bool hasParameters) =>
        hasParameters && _parameterizedTestAttributeToAdd is not null ? _parameterizedTestAttributeToAdd : _testAttributeToAdd;
}

/// <summary>A type named by its namespace and metadata name, matched without resolving symbols.</summary>
internal sealed class AttributeName
{
    public AttributeName(string ns, string name)
    {
        Namespace = ns;
        Name = name;
    }

    public string Namespace { get; }

    public string Name { get; }

    /// <summary>How messages show it: <c>[Ignore]</c> for <c>IgnoreAttribute</c>.</summary>
    public string Display => "[" + (Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? Name.Substring(0, Name.Length - "Attribute".Length) : Name) + "]";
}

/// <summary>An attribute that skips the test it is on, or every test of the class it is on.</summary>
internal sealed class SkipAttribute
{
    public SkipAttribute(AttributeName attribute, bool honoursUntil = false)
    {
        Attribute = attribute;
        HonoursUntil = honoursUntil;
    }

    public AttributeName Attribute { get; }

    /// <summary>Whether its <c>Until</c> named argument dates the skip (NUnit), which the message then names.</summary>
    public bool HonoursUntil { get; }
}

internal enum SkipArgumentKind
{
    /// <summary>A non-empty string (the reason) skips: <c>Skip = "flaky"</c>.</summary>
    Reason,

    /// <summary><c>true</c> skips: <c>Explicit = true</c>.</summary>
    True,
}

/// <summary>A named argument of a test attribute that skips the test.</summary>
internal sealed class SkipArgument
{
    public SkipArgument(string name, SkipArgumentKind kind, bool honoursUntil = false, string[]? unlessAlsoGiven = null)
    {
        Name = name;
        Kind = kind;
        HonoursUntil = honoursUntil;
        UnlessAlsoGiven = unlessAlsoGiven ?? System.Array.Empty<string>();
    }

    public string Name { get; }

    public SkipArgumentKind Kind { get; }

    /// <summary>Whether the attribute's <c>Until</c> named argument dates the skip (NUnit).</summary>
    public bool HonoursUntil { get; }

    /// <summary>Named arguments that make the skip conditional (decided at run time), so no skip.</summary>
    public IReadOnlyList<string> UnlessAlsoGiven { get; }
}
