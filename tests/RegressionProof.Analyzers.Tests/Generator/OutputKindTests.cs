using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using RegressionProof.Analyzers.Generator;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>
/// The manifest is an implementation output: a host that turns implementation outputs off (as an
/// IDE may while the developer types) gets no manifest and runs none of the generator's steps; a
/// build, which turns nothing off, gets the manifest.
/// </summary>
public class OutputKindTests
{
    [Fact]
    public void With_every_output_enabled_as_in_a_build_the_manifest_is_generated()
    {
        var result = Run(IncrementalGeneratorOutputKind.None);

        var source = Assert.Single(result.GeneratedSources);
        Assert.Equal(ManifestGenerator.HintName, source.HintName);
        Assert.Contains(GeneratorHarness.Parse(GeneratorHarness.JsonOf(source.SourceText.ToString())).Links, link => link.Card == "INTAKE-123");
    }

    [Fact]
    public void With_implementation_outputs_disabled_nothing_is_generated_and_no_step_of_the_generator_runs()
    {
        var result = Run(IncrementalGeneratorOutputKind.Implementation);

        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratedSources);
        // Nothing asks for the manifest, so the driver evaluates none of the nodes that lead to it:
        // no attribute is bound, no link extracted, no option read.
        Assert.Empty(result.TrackedSteps);
        Assert.Empty(result.TrackedOutputSteps);
    }

    [Fact]
    public void With_implementation_outputs_disabled_an_edit_runs_no_step_either()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver(disabledOutputs: IncrementalGeneratorOutputKind.Implementation).RunGenerators(compilation);
        var pricing = compilation.SyntaxTrees.Single(tree => tree.FilePath.EndsWith("Pricing.cs", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(pricing, pricing.WithChangedText(pricing.GetText().Replace(0, 0, "// typing\n")));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Empty(result.GeneratedSources);
        Assert.Empty(result.TrackedSteps);
    }

    [Fact]
    public void The_manifest_is_not_a_semantic_source_output_so_disabling_source_outputs_keeps_it()
    {
        // A source output would vanish here; the manifest is declared as what it is, implementation.
        var result = Run(IncrementalGeneratorOutputKind.Source);

        Assert.Equal(ManifestGenerator.HintName, Assert.Single(result.GeneratedSources).HintName);
    }

    private static GeneratorRunResult Run(IncrementalGeneratorOutputKind disabledOutputs) =>
        GeneratorHarness.CreateDriver(disabledOutputs: disabledOutputs).RunGenerators(Compilation()).GetRunResult().Results.Single();

    private static Microsoft.CodeAnalysis.CSharp.CSharpCompilation Compilation() => GeneratorHarness.Compilation(
    [
        ("/repo/src/Shop/Pricing.cs", Samples.Pricing),
        ("/repo/src/Shop/Plain.cs", "namespace Shop { public class Plain { public int Value; } }"),
    ]);
}
