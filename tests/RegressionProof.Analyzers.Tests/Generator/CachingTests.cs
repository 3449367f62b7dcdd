using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegressionProof.Analyzers.Generator;
using RegressionProof.Analyzers.Infrastructure;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>The pipeline caches: an edit that touches no link reruns nothing that matters.</summary>
public class CachingTests
{
    private static readonly string[] TrackedSteps =
        [TrackingNames.Links, TrackingNames.Compilation, TrackingNames.Paths, TrackingNames.PublicApiOption, TrackingNames.Manifest];

    [Fact]
    public void An_edit_in_a_file_without_attributes_leaves_every_tracked_output_cached_or_unchanged()
    {
        var (driver, compilation) = RunOnce();
        var plain = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Plain.cs", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(plain, plain.WithChangedText(plain.GetText().Replace(0, 0, "// one more line\n")));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var steps = TrackedSteps.SelectMany(name => result.TrackedSteps.TryGetValue(name, out var runs) ? runs : []).ToList();
        Assert.NotEmpty(steps);
        Assert.All(
            steps.SelectMany(step => step.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{output.Reason}"));
        Assert.All(
            result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{output.Reason}"));
    }

    [Theory]
    [InlineData("add", "[Xunit.Fact, RegressionFor(\"INTAKE-9\")] public void Added() { }")]
    [InlineData("change", "[Xunit.Fact, RegressionFor(\"INTAKE-10\")] public void Proof() { }")]
    [InlineData("remove", "public void Proof() { }")]
    public void Adding_changing_or_removing_a_proof_updates_the_manifest(string edit, string newMember)
    {
        var (driver, compilation) = RunOnce();
        var before = GeneratorHarness.JsonOf(driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString());
        var proofs = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Proofs.cs", StringComparison.Ordinal));
        var text = proofs.GetText().ToString();
        var newText = edit == "add"
            ? text.Replace("// members", newMember)
            : text.Replace("[Xunit.Fact, RegressionFor(\"INTAKE-1\")] public void Proof() { }", newMember);

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(proofs, proofs.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(newText)))).GetRunResult().Results.Single();
        var after = GeneratorHarness.JsonOf(result.GeneratedSources.Single().SourceText.ToString());

        Assert.NotEqual(before, after);
        var cards = GeneratorHarness.Parse(after).Links.Where(l => l.Kind == "regression-for").Select(l => l.Card).ToList();
        Assert.Equal(edit switch { "add" => ["INTAKE-1", "INTAKE-9"], "change" => ["INTAKE-10"], _ => new List<string>() }, cards.Order());
    }

    [Fact]
    public void No_pipeline_model_holds_a_symbol_a_compilation_a_syntax_node_or_a_location()
    {
        Type[] forbidden = [typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(Location), typeof(SemanticModel), typeof(SyntaxTree)];
        Type[] models = [typeof(LinkModel), typeof(CompilationModel), typeof(PathModel), typeof(PublicApiOptionModel), typeof(ManifestModel), typeof(EquatableArray<LinkModel>), typeof(LinkArgument), typeof(EquatableArray<LinkArgument>)];

        foreach (var model in models)
        {
            foreach (var field in model.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                var type = field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
                    ? field.FieldType.GetGenericArguments()[0]
                    : field.FieldType;
                Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
                Assert.True(type.IsValueType || type == typeof(string) || models.Contains(type), $"{model.Name}.{field.Name} is a {type.Name}");
            }
        }
    }

    [Fact]
    public void Pipeline_models_are_classes_so_the_compilers_pipeline_code_over_them_is_shared_not_compiled_per_process()
    {
        // A struct model makes every generic node of the pipeline a new instantiation that the JIT
        // compiles in each compiler process; see docs/performance.md, "Build overhead".
        Type[] models = [typeof(LinkModel), typeof(CompilationModel), typeof(PathModel), typeof(PublicApiOptionModel), typeof(ManifestModel), typeof(EquatableArray<LinkModel>), typeof(LinkArgument), typeof(EquatableArray<LinkArgument>)];

        Assert.All(models, model => Assert.False(model.IsValueType, $"{model.Name} is a struct"));
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce()
    {
        var compilation = GeneratorHarness.Compilation(
        [
            ("/repo/src/Shop/Pricing.cs", Samples.Pricing),
            ("/repo/src/Shop/Plain.cs", "namespace Shop { public class Plain { public int Value; } }"),
            ("/repo/tests/Shop.Tests/Proofs.cs", """
                using RegressionProof;
                public class Proofs
                {
                    [Xunit.Fact, RegressionFor("INTAKE-1")] public void Proof() { }
                    // members
                }
                """),
        ]);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        return (driver, compilation);
    }
}
