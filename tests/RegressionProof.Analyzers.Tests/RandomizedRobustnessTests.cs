using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Tests.Generator;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;

namespace RegressionProof.Analyzers.Tests;

/// <summary>
/// Many generated compilations of random member shapes carrying random RegressionProof attributes
/// with random argument forms, with and without syntax errors. No analyzer or generator may throw,
/// and the manifest must not depend on file order. Seeds are fixed, so a failure is reproducible:
/// it reports the seed and the smallest failing source found by removing lines.
/// </summary>
public class RandomizedRobustnessTests
{
    private const int Compilations = 120;

    public static TheoryData<int> Batches => new(Enumerable.Range(0, 6));

    [Theory]
    [MemberData(nameof(Batches))]
    public async Task Random_compilations_never_make_an_analyzer_or_the_generator_throw(int batch)
    {
        for (var seed = batch * (Compilations / 6); seed < (batch + 1) * (Compilations / 6); seed++)
        {
            var files = RandomSources.Generate(seed);
            var failure = await FailureAsync(files);
            if (failure is not null)
            {
                var smallest = await ShrinkAsync(files);
                Assert.Fail($"seed {seed}: {failure}\nsmallest failing source:\n{string.Join("\n// ---- next file ----\n", smallest)}");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void The_manifest_is_identical_for_every_file_order(int seed)
    {
        var files = RandomSources.Generate(seed).Where(f => CSharpSyntaxTree.ParseText(f).GetDiagnostics().All(d => d.Severity != DiagnosticSeverity.Error)).ToList();
        var named = files.Select((source, i) => ($"/repo/src/F{i}.cs", source)).ToList();
        var expected = GeneratorHarness.ManifestJson(GeneratorHarness.Compilation(named));
        var random = new Random(seed);
        for (var permutation = 0; permutation < 6; permutation++)
        {
            var shuffled = named.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, GeneratorHarness.ManifestJson(GeneratorHarness.Compilation(shuffled)));
        }
    }

    /// <summary>The first exception an analyzer or the generator throws on <paramref name="files"/>, or null.</summary>
    private static async Task<string?> FailureAsync(IReadOnlyList<string> files)
    {
        var compilation = GeneratorHarness.Compilation(files.Select((source, i) => ($"/repo/src/F{i}.cs", source)));
        var exceptions = new ConcurrentBag<string>();
        var options = TestAnalyzerOptions.Create(new Dictionary<string, string> { ["build_property.RegressionProofAggregate"] = "true" });
        var withAnalyzers = compilation.WithAnalyzers(
            RobustnessTests.AllAnalyzers(),
            new CompilationWithAnalyzersOptions(options, (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name} threw {exception}"), true, false, false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        if (!exceptions.IsEmpty)
        {
            return exceptions.First();
        }

        if (diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } ad0001)
        {
            return ad0001.ToString();
        }

        var run = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        return run.Exception is null ? null : "the generator threw " + run.Exception;
    }

    /// <summary>Removes lines while the failure persists, to show the smallest source that fails.</summary>
    private static async Task<IReadOnlyList<string>> ShrinkAsync(IReadOnlyList<string> files)
    {
        var current = files.Select(f => f.Split('\n').ToList()).ToList();
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var f = 0; f < current.Count; f++)
            {
                for (var line = current[f].Count - 1; line >= 0; line--)
                {
                    var candidate = current.Select((lines, i) => i == f ? lines.Where((_, j) => j != line).ToList() : lines).ToList();
                    if (await FailureAsync(candidate.Select(l => string.Join("\n", l)).ToList()) is not null)
                    {
                        current = candidate;
                        changed = true;
                    }
                }
            }
        }

        return current.Select(l => string.Join("\n", l)).ToList();
    }
}
