using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RegressionProof.Analyzers.Rules;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;

namespace RegressionProof.CodeFixes.Tests;

/// <summary>
/// The code fixes of RP0012, from the diagnostic the analyzer reports over a real proof index in a
/// solution with project references: the developer chooses the test project the test goes into.
/// </summary>
public class FixUnprovenAsOfLastBuildCodeFixProviderTests
{
    private const string Ledger = """
        using RegressionProof;

        namespace Shop;

        public class Ledger
        {
            [Fixes("INTAKE-132")]
            public void Post() { }
        }
        """;

    [Fact]
    public async Task Each_test_project_that_references_the_fix_is_offered_by_name()
    {
        using var workspace = new AdhocWorkspace();
        var shop = CreateSolution(workspace, Index("Shop.UnitTests", "INTAKE-900"));

        var titles = (await ActionsAsync(shop.Documents.Single())).Select(a => a.Title);

        Assert.Equal(["Add regression test for INTAKE-132 in Shop.IntegrationTests", "Add regression test for INTAKE-132 in Shop.UnitTests"], titles);
    }

    [Fact]
    public async Task The_test_is_written_into_the_chosen_project_and_no_other()
    {
        using var workspace = new AdhocWorkspace();
        var shop = CreateSolution(workspace, Index("Shop.UnitTests", "INTAKE-900"));

        var chosen = (await ActionsAsync(shop.Documents.Single()))
            .Single(a => a.EquivalenceKey == FixUnprovenAsOfLastBuildCodeFixProvider.AddTestEquivalenceKeyPrefix + "Shop.UnitTests");
        var solution = await ApplyAsync(chosen);

        var added = solution.Projects.Single(p => p.Name == "Shop.UnitTests").Documents.Single(d => d.Name == "INTAKE_132RegressionTests.cs");
        Assert.Equal(["RegressionTests"], added.Folders);
        Assert.Equal(
            """
            using Xunit;
            using RegressionProof;

            namespace Shop.UnitTests.RegressionTests;

            public class INTAKE_132RegressionTests
            {
                [Fact]
                [RegressionFor("INTAKE-132")]
                public void Post_does_not_regress()
                {
                    throw new System.InvalidOperationException("Write the regression test for INTAKE-132: reproduce the failure mode the fix removed.");
                }
            }

            """.ReplaceLineEndings("\n"),
            (await added.GetTextAsync()).ToString());
        Assert.Empty(solution.Projects.Single(p => p.Name == "Shop.IntegrationTests").Documents);
    }

    [Fact]
    public async Task A_suggested_card_is_offered_first_and_replaces_the_ID_where_it_is_written()
    {
        using var workspace = new AdhocWorkspace();
        var shop = CreateSolution(workspace, Index("Shop.UnitTests", "INTAKE-123"));

        var actions = await ActionsAsync(shop.Documents.Single());
        Assert.Equal("Change INTAKE-132 to INTAKE-123", actions[0].Title);
        var solution = await ApplyAsync(actions.Single(a => a.EquivalenceKey == FixUnprovenAsOfLastBuildCodeFixProvider.UseSuggestedCardEquivalenceKey));

        var text = (await solution.GetDocument(shop.Documents.Single().Id)!.GetTextAsync()).ToString();
        Assert.Equal(Ledger.Replace("INTAKE-132", "INTAKE-123"), text);
    }

    [Fact]
    public async Task A_suggested_card_for_an_ID_that_is_not_a_literal_offers_no_change()
    {
        using var workspace = new AdhocWorkspace();
        var shop = CreateSolution(workspace, Index("Shop.UnitTests", "INTAKE-123"), Ledger.Replace("\"INTAKE-132\"", "Cards.Post").Replace("namespace Shop;", "namespace Shop;\n\nstatic class Cards { public const string Post = \"INTAKE-132\"; }"));

        var titles = (await ActionsAsync(shop.Documents.Single())).Select(a => a.Title);

        Assert.DoesNotContain(titles, t => t.StartsWith("Change", System.StringComparison.Ordinal));
        Assert.Contains("Add regression test for INTAKE-132 in Shop.UnitTests", titles);
    }

    /// <summary>Shop (the fix) and two test projects that reference it; Shop reads the proof index as additional documents.</summary>
    private static Project CreateSolution(AdhocWorkspace workspace, string index, string source = Ledger)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        var runtime = TestFrameworkReferences.Runtime.Append(TestFrameworkReferences.Attributes).ToList();
        var shopId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(shopId, VersionStamp.Default, "Shop", "Shop", LanguageNames.CSharp,
                compilationOptions: compilationOptions, parseOptions: parse, metadataReferences: runtime))
            .AddDocument(DocumentId.CreateNewId(shopId), "Ledger.cs", SourceText.From(source))
            .AddAdditionalDocument(DocumentId.CreateNewId(shopId), "Shop.UnitTests-net10.0.proofindex", SourceText.From(index), filePath: "/repo/obj/regression-proof/index/Shop.UnitTests-net10.0.proofindex");
        foreach (var (name, framework) in new[] { ("Shop.UnitTests", TestFrameworkReferences.Xunit), ("Shop.IntegrationTests", TestFrameworkReferences.NUnit) })
        {
            solution = solution.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, name, name, LanguageNames.CSharp,
                compilationOptions: compilationOptions, parseOptions: parse,
                metadataReferences: runtime.Append(framework),
                projectReferences: [new ProjectReference(shopId)]).WithDefaultNamespace(name));
        }

        Assert.True(workspace.TryApplyChanges(solution));
        return workspace.CurrentSolution.GetProject(shopId)!;
    }

    /// <summary>The entry of a test project that references Shop and proves <paramref name="provenCard"/>, which no fix names.</summary>
    private static string Index(string testProject, string provenCard) =>
        "regression-proof/proof-index/v1\nassembly " + testProject + "\nreference Shop\nmanifest {\"schema\":\"regression-proof/manifest/v1\",\"links\":[{\"kind\":\"regression-for\",\"card\":\"" + provenCard + "\"}]}\n";

    private static async Task<List<CodeAction>> ActionsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers([new FixUnprovenAsOfLastBuildAnalyzer()], document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new FixUnprovenAsOfLastBuildCodeFixProvider().RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        return operation.ChangedSolution;
    }
}
