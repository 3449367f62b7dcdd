using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;

namespace RegressionProof.Analyzers.Tests;

/// <summary>No analyzer ever throws, whatever the code looks like while it is being typed.</summary>
public class RobustnessTests
{
    public static TheoryData<string> BrokenSources => new()
    {
        // syntax errors in and around the attributes
        "using RegressionProof; class C { [Fixes(\"INTAKE-1\" void M() { } }",
        "using RegressionProof; class C { [Fixes( void M() { } }",
        "using RegressionProof; class C { [Fixes(\"INTAKE-1\", ] void M() { } }",
        "using RegressionProof; class C { [Fixes(\"INTAKE-1\")] }",
        "using RegressionProof; [Fixes(\"INTAKE-1\")]",
        "using RegressionProof; class C { [DashboardPanel(\"INTAKE-1\", Baseline = , Threshold = )] void M() { } }",
        "using RegressionProof; class C { [ManualVerification(\"INTAKE-1\", Steps =)] void M() { } }",
        "using RegressionProof; class C { [SyntheticProbe(\"INTAKE-1\", Signal = RecurrenceSignal.)] void M() { } }",
        "using RegressionProof; class C { [RegressionFor(\"INTAKE-1\")] [Xunit.Fact(Skip = )] public void M() { } }",
        // missing or extra arguments, wrong types and names
        "using RegressionProof; class C { [Fixes] [Fixes()] [Fixes(\"A-1\", \"B-2\")] [Fixes(1)] [Fixes(null)] [Fixes(intakeId: 3)] void M() { } }",
        "using RegressionProof; class C { [Fixes(\"A-1\", Evidence = 5)] [Fixes(\"A-1\", Unknown = \"x\")] [Fixes(\"A-1\", Level = TestLevel.Unit)] void M() { } }",
        "using RegressionProof; class C { [ManualVerification(\"A-1\", Steps = 1, RecordedOn = 2, AutomateBy = null)] void M() { } }",
        "using RegressionProof; class C { [ManualVerification(\"A-1\", Steps = \"s\", RecordedOn = \"9999-12-31\", AutomateBy = \"0001-01-01\")] void M() { } }",
        "using RegressionProof; class C { [ManualVerification(\"A-1\", Steps = \"s\", RecordedOn = \"0001-01-01\", AutomateBy = \"9999-12-31\")] void M() { } }",
        "using RegressionProof; class C { [SyntheticProbe(\"A-1\", Signal = (RecurrenceSignal)99)] [RecurrenceAlert(\"A-1\", Signal = 2)] void M() { } }",
        "using RegressionProof; class C { [DashboardPanel(\"A-1\", Baseline = new[] { \"x\" }, Threshold = typeof(C))] void M() { } }",
        // attributes on unexpected targets
        "using RegressionProof; [assembly: Fixes(\"A-1\")] [module: RegressionFor(\"A-1\")] class C { void M([Fixes(\"A-1\")] int p) { } [return: Fixes(\"A-1\")] int N() => 0; }",
        "using RegressionProof; class C<[Fixes(\"A-1\")] T> { [RegressionFor(\"A-1\")] int field; [MigrationTest(\"A-1\")] int Prop { get; set; } }",
        "using RegressionProof; enum E { [Fixes(\"A-1\")] A } delegate void D(); interface I { [RegressionFor(\"A-1\")] void M(); }",
        "using RegressionProof; record R([property: Fixes(\"A-1\")] int A, [RegressionFor(\"A-1\")] int B);",
        "using RegressionProof; class C { int this[int i] { [Fixes(\"A-1\")] get => 0; } event System.Action E { [Fixes(\"A-1\")] add { } remove { } } }",
        "using RegressionProof; class C { [Fixes(\"A-1\")] public static C operator +(C a, C b) => a; [Fixes(\"A-1\")] ~C() { } [Fixes(\"A-1\")] static C() { } }",
        // lambdas, local functions, top-level statements, file-scoped types
        "using RegressionProof; System.Action a = [RegressionFor(\"A-1\")] () => { }; [Fixes(\"A-1\")] void Local() { } Local();",
        "using RegressionProof; file class F { [RegressionFor(\"A-1\")] [Xunit.Fact(Skip = \"s\")] public void M() { } }",
        "using RegressionProof; partial class P { [Fixes(\"A-1\")] partial void M(); } partial class P { [RegressionFor(\"A-1\")] partial void M() { } }",
        // unresolved types and namespaces
        "using Missing.Namespace; using RegressionProof; class C : MissingBase { [Fixes(\"A-1\")] [MissingAttribute] [RegressionFor(\"A-1\")] public void M() { } }",
        "using RegressionProof; [RegressionFor(\"A-1\")] class C : C { }",
        "using RegressionProof; [RegressionFor(\"A-1\")] class A : B { } [RegressionFor(\"A-1\")] class B : A { }",
        "using RegressionProof; class C { [Xunit.Fact, RegressionFor(\"A-1\"), NUnit.Framework.Ignore(\"x\"), TUnit.Core.Skip(\"y\")] public void M() { } }",
        // an alias that points at the wrong thing, and at the right thing
        "using Fixes = System.ObsoleteAttribute; class C { [Fixes(\"A-1\")] void M() { } }",
        "using Proof = RegressionProof.RegressionForAttribute; class C { [Proof(\"A-1\")] void M() { } }",
        // unbalanced everything
        "using RegressionProof; class C { [Fixes(\"A-1\")] void M() { [RegressionFor(\"A-1\")] void L( } ",
        "[[[[(((\"",
        "",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task No_analyzer_throws_on_broken_code(string source)
    {
        var exceptions = new ConcurrentBag<string>();
        var options = TestAnalyzerOptions.Create(
            new Dictionary<string, string>
            {
                ["build_property.RegressionProofAggregate"] = "true",
                ["build_property.RegressionProofReleaseFile"] = "/repo/release.json",
            },
            new Dictionary<string, string> { ["regression_proof.sprint_days"] = "7" },
            ("/repo/release.json", "{ \"cards\": [ { \"id\": \"A-1\" } ] }"));
        var compilation = AnalyzerRunner.CreateCompilation("Broken", [source]);

        var withAnalyzers = compilation.WithAnalyzers(
            AllAnalyzers(),
            new CompilationWithAnalyzersOptions(options, (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"), concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Theory]
    [InlineData("([A-Z")]
    [InlineData("(a+)+$")]
    [InlineData("")]
    public async Task No_analyzer_throws_on_a_hostile_or_invalid_pattern(string pattern)
    {
        var exceptions = new ConcurrentBag<Exception>();
        var options = TestAnalyzerOptions.Create(treeOptions: new Dictionary<string, string> { ["regression_proof.intake_id_pattern"] = pattern });
        var compilation = AnalyzerRunner.CreateCompilation("Hostile", ["using RegressionProof; class C { [Fixes(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\")] void M() { } }"]);

        var withAnalyzers = compilation.WithAnalyzers(
            AllAnalyzers(),
            new CompilationWithAnalyzersOptions(options, (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
    }

    internal static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(Descriptors).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
}
