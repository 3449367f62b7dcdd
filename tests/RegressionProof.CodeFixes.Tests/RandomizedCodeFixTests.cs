using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RegressionProof.Analyzers.Tests;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;

namespace RegressionProof.CodeFixes.Tests;

/// <summary>
/// Every code fix offered on random compilations (the same seeded sources as the analyzer
/// robustness suite) can be computed and applied without throwing. A failure names the seed, the
/// fixer and the diagnostic.
/// </summary>
public class RandomizedCodeFixTests
{
    private const int Seeds = 60;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(RegressionProof.Analyzers.Descriptors).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly CodeFixProvider[] Fixers = typeof(ProofIsNotATestCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToArray();

    public static TheoryData<int> Batches => new(Enumerable.Range(0, 4));

    [Theory]
    [MemberData(nameof(Batches))]
    public async Task Every_fix_offered_on_random_code_applies_without_throwing(int batch)
    {
        Clock.Today = () => new DateTime(2026, 11, 24);
        var applied = 0;
        for (var seed = batch * (Seeds / 4); seed < (batch + 1) * (Seeds / 4); seed++)
        {
            using var workspace = new AdhocWorkspace();
            var project = CreateProject(workspace, RandomSources.Generate(seed));
            var compilation = (await project.GetCompilationAsync())!;
            var options = TestAnalyzerOptions.Create(new Dictionary<string, string> { ["build_property.RegressionProofAggregate"] = "true" });
            var diagnostics = await compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(options, null, true, false, false)).GetAnalyzerDiagnosticsAsync();

            foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree!)!;
                foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    try
                    {
                        var actions = new List<CodeAction>();
                        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                        foreach (var action in actions)
                        {
                            foreach (var operation in (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>())
                            {
                                foreach (var changed in operation.ChangedSolution.GetChanges(project.Solution).GetProjectChanges().SelectMany(c => c.GetChangedDocuments(true).Concat(c.GetAddedDocuments())))
                                {
                                    await operation.ChangedSolution.GetDocument(changed)!.GetTextAsync();
                                }

                                applied++;
                            }
                        }
                    }
                    catch (Exception exception)
                    {
                        Assert.Fail($"seed {seed}: {fixer.GetType().Name} threw on {diagnostic}:\n{exception}\nsource:\n{(await document.GetTextAsync())}");
                    }
                }
            }
        }

        // The random sources must actually reach the fixers, or this test would prove nothing.
        Assert.True(applied > 20, $"only {applied} fixes were applied");
    }

    private static Project CreateProject(AdhocWorkspace workspace, IReadOnlyList<string> sources)
    {
        var id = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            id, VersionStamp.Default, "Random", "Random", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: TestFrameworkReferences.Runtime.Append(TestFrameworkReferences.Attributes).Concat(TestFrameworkReferences.All)));
        for (var i = 0; i < sources.Count; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(id), $"F{i}.cs", SourceText.From(sources[i]), filePath: $"/repo/src/F{i}.cs");
        }

        return solution.GetProject(id)!;
    }
}
