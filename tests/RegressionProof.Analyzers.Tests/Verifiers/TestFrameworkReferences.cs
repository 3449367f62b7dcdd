using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using System.Threading;

namespace RegressionProof.Analyzers.Tests.Verifiers;

/// <summary>
/// Metadata references that stand in for the test frameworks: the attribute types with the same
/// namespaces, names, base types and skip properties as xunit v2/v3, NUnit, MSTest and TUnit.
/// They are compiled once per test run so that tests see the frameworks from metadata, as real
/// test projects do, without restoring four frameworks for every test.
/// </summary>
public static class TestFrameworkReferences
{
    public const string XunitSource = """
        namespace Xunit
        {
            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = false)]
            public class FactAttribute : System.Attribute
            {
                public string? DisplayName { get; set; }
                public string? Skip { get; set; }
                public System.Type? SkipType { get; set; }
                public string? SkipUnless { get; set; }
                public string? SkipWhen { get; set; }
                public bool Explicit { get; set; }
            }

            public class TheoryAttribute : FactAttribute { }

            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
            public sealed class InlineDataAttribute : System.Attribute
            {
                public InlineDataAttribute(params object?[] data) { }
            }
        }
        """;

    public const string NUnitSource = """
        namespace NUnit.Framework.Interfaces
        {
            public interface ITestBuilder { }
            public interface ISimpleTestBuilder { }
        }

        namespace NUnit.Framework
        {
            public abstract class NUnitAttribute : System.Attribute { }

            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
            public class TestAttribute : NUnitAttribute, NUnit.Framework.Interfaces.ISimpleTestBuilder
            {
                public string? Description { get; set; }
            }

            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
            public class TestCaseAttribute : NUnitAttribute, NUnit.Framework.Interfaces.ITestBuilder
            {
                public TestCaseAttribute(params object?[] arguments) { }
                public string? Ignore { get; set; }
                public string? IgnoreReason { get; set; }
                public string? Until { get; set; }
                public bool Explicit { get; set; }
            }

            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
            public class TestCaseSourceAttribute : NUnitAttribute, NUnit.Framework.Interfaces.ITestBuilder
            {
                public TestCaseSourceAttribute(string sourceName) { }
            }

            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
            public abstract class CombiningStrategyAttribute : NUnitAttribute, NUnit.Framework.Interfaces.ITestBuilder { }

            public class TheoryAttribute : CombiningStrategyAttribute { }

            public sealed class CombinatorialAttribute : CombiningStrategyAttribute { }

            public sealed class SequentialAttribute : CombiningStrategyAttribute { }

            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            public class ValuesAttribute : NUnitAttribute
            {
                public ValuesAttribute(params object?[] values) { }
            }

            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
            public class IgnoreAttribute : NUnitAttribute
            {
                public IgnoreAttribute(string reason) { }
                public string? Until { get; set; }
            }

            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
            public class ExplicitAttribute : NUnitAttribute
            {
                public ExplicitAttribute() { }
                public ExplicitAttribute(string reason) { }
            }

            [System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
            public class TestFixtureAttribute : NUnitAttribute
            {
                public TestFixtureAttribute(params object?[] arguments) { }
                public string? Ignore { get; set; }
                public string? IgnoreReason { get; set; }
                public string? Until { get; set; }
                public bool Explicit { get; set; }
            }
        }
        """;

    /// <summary>AutoFixture.NUnit3's data attributes: NUnit test builders outside NUnit's namespace.</summary>
    public const string AutoFixtureNUnitSource = """
        namespace AutoFixture.NUnit3
        {
            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = false)]
            public class AutoDataAttribute : System.Attribute, NUnit.Framework.Interfaces.ITestBuilder { }

            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
            public class InlineAutoDataAttribute : System.Attribute, NUnit.Framework.Interfaces.ITestBuilder
            {
                public InlineAutoDataAttribute(params object?[] arguments) { }
            }
        }
        """;

    public const string MSTestSource = """
        namespace Microsoft.VisualStudio.TestTools.UnitTesting
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public class TestMethodAttribute : System.Attribute { }

            public class DataTestMethodAttribute : TestMethodAttribute { }

            [System.AttributeUsage(System.AttributeTargets.Class)]
            public class TestClassAttribute : System.Attribute { }

            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
            public class IgnoreAttribute : System.Attribute
            {
                public IgnoreAttribute() { }
                public IgnoreAttribute(string message) { }
            }
        }
        """;

    public const string TUnitSource = """
        namespace TUnit.Core
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public abstract class BaseTestAttribute : System.Attribute { }

            public sealed class TestAttribute : BaseTestAttribute { }

            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
            public class SkipAttribute : System.Attribute
            {
                public SkipAttribute(string reason) { }
            }

            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
            public sealed class ExplicitAttribute : System.Attribute { }
        }
        """;

    // The same reference assemblies the verifier compiles test code against.
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Net80 = new(() =>
        ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult());

    /// <summary>The .NET 8 reference assemblies.</summary>
    public static IReadOnlyList<MetadataReference> Runtime => Net80.Value;

    private static readonly Lazy<MetadataReference> XunitReference = new(() => Compile("xunit.core", XunitSource));
    private static readonly Lazy<MetadataReference> NUnitReference = new(() => Compile("nunit.framework", NUnitSource));
    private static readonly Lazy<MetadataReference> MSTestReference = new(() => Compile("Microsoft.VisualStudio.TestPlatform.TestFramework", MSTestSource));
    private static readonly Lazy<MetadataReference> TUnitReference = new(() => Compile("TUnit.Core", TUnitSource));

    public static MetadataReference Xunit => XunitReference.Value;

    public static MetadataReference NUnit => NUnitReference.Value;

    public static MetadataReference MSTest => MSTestReference.Value;

    public static MetadataReference TUnit => TUnitReference.Value;

    private static readonly Lazy<MetadataReference> AutoFixtureNUnitReference = new(() => Compile("AutoFixture.NUnit3", AutoFixtureNUnitSource, NUnit));

    /// <summary>AutoFixture.NUnit3, referencing <see cref="NUnit"/>; not in <see cref="All"/>.</summary>
    public static MetadataReference AutoFixtureNUnit => AutoFixtureNUnitReference.Value;

    public static IEnumerable<MetadataReference> All => [Xunit, NUnit, MSTest, TUnit];

    /// <summary>The RegressionProof attributes, as users reference them: from metadata.</summary>
    public static MetadataReference Attributes { get; } = MetadataReference.CreateFromFile(typeof(FixesAttribute).Assembly.Location);

    /// <summary>Compiles <paramref name="source"/> into an in-memory assembly named <paramref name="assemblyName"/>.</summary>
    public static MetadataReference Compile(string assemblyName, string source, params MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            Net80.Value.Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(
                $"Test fixture {assemblyName} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics)}");
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
