using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;

namespace RegressionProof.CodeFixes.Tests;

/// <summary>"Add regression test for X" on a [Fixes("X")], in a solution with real project references.</summary>
public class AddRegressionTestRefactoringProviderTests
{
    private const string Pricing = """
        using RegressionProof;

        namespace Shop.Pricing;

        public class DiscountCalculator
        {
            [Fixes("INTAKE-123")]
            public decimal ApplyDiscount(decimal total) => total;
        }
        """;

    [Fact]
    public async Task Adds_a_failing_stub_to_the_test_project_that_references_the_fix()
    {
        using var workspace = new AdhocWorkspace();
        var (shop, _) = CreateSolution(workspace, [("Shop.UnitTests", TestFrameworkReferences.Xunit), ("Shop.IntegrationTests", TestFrameworkReferences.NUnit)]);

        var solution = await ApplyAsync(shop.Documents.Single(), Pricing.IndexOf("INTAKE-123", System.StringComparison.Ordinal));

        var added = solution.Projects.Single(p => p.Name == "Shop.IntegrationTests").Documents.Single();
        Assert.Equal(["RegressionTests"], added.Folders);
        Assert.Equal("INTAKE_123RegressionTests.cs", added.Name);
        Assert.Equal(
            """
            using NUnit.Framework;
            using RegressionProof;

            namespace Shop.IntegrationTests.RegressionTests;

            public class INTAKE_123RegressionTests
            {
                [Test]
                [RegressionFor("INTAKE-123")]
                public void ApplyDiscount_does_not_regress()
                {
                    throw new System.InvalidOperationException("Write the regression test for INTAKE-123: reproduce the failure mode the fix removed.");
                }
            }

            """.ReplaceLineEndings("\n"),
            (await added.GetTextAsync()).ToString());
        Assert.Empty(solution.Projects.Single(p => p.Name == "Shop.UnitTests").Documents);
    }

    [Fact]
    public async Task A_second_stub_for_the_same_card_goes_into_the_existing_class()
    {
        using var workspace = new AdhocWorkspace();
        var (shop, _) = CreateSolution(workspace, [("Shop.UnitTests", TestFrameworkReferences.Xunit)]);
        var solution = await ApplyAsync(shop.Documents.Single(), Pricing.IndexOf("Fixes", System.StringComparison.Ordinal));

        solution = await ApplyAsync(solution.GetDocument(shop.Documents.Single().Id)!, Pricing.IndexOf("Fixes", System.StringComparison.Ordinal));

        var text = (await solution.Projects.Single(p => p.Name == "Shop.UnitTests").Documents.Single().GetTextAsync()).ToString();
        Assert.Contains("public void ApplyDiscount_does_not_regress()", text, System.StringComparison.Ordinal);
        Assert.Contains("public void ApplyDiscount_does_not_regress2()", text, System.StringComparison.Ordinal);
        Assert.Equal(2, text.Split("[Fact]").Length - 1);
        Assert.Empty(CSharpSyntaxTree.ParseText(text).GetDiagnostics());
    }

    [Fact]
    public async Task Without_a_test_project_the_stub_goes_into_the_fix_project_when_it_has_a_framework()
    {
        using var workspace = new AdhocWorkspace();
        var (shop, _) = CreateSolution(workspace, [], shopFramework: TestFrameworkReferences.MSTest);

        var solution = await ApplyAsync(shop.Documents.Single(), Pricing.IndexOf("Fixes", System.StringComparison.Ordinal));

        var added = solution.GetProject(shop.Id)!.Documents.Single(d => d.Name == "INTAKE_123RegressionTests.cs");
        var text = (await added.GetTextAsync()).ToString();
        Assert.Contains("[TestMethod]", text, System.StringComparison.Ordinal);
        // MSTest discovers tests only in classes marked [TestClass].
        Assert.Contains("[TestClass]\npublic class INTAKE_123RegressionTests", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_offered_where_no_project_could_run_the_test()
    {
        using var workspace = new AdhocWorkspace();
        var (shop, _) = CreateSolution(workspace, [("Shop.Docs", null)]);

        Assert.Empty(await RefactoringsAsync(shop.Documents.Single(), Pricing.IndexOf("Fixes", System.StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("ApplyDiscount(decimal")]
    [InlineData("namespace")]
    public async Task Nothing_is_offered_away_from_a_Fixes_attribute(string at)
    {
        using var workspace = new AdhocWorkspace();
        var (shop, _) = CreateSolution(workspace, [("Shop.UnitTests", TestFrameworkReferences.Xunit)]);

        Assert.Empty(await RefactoringsAsync(shop.Documents.Single(), Pricing.IndexOf(at, System.StringComparison.Ordinal)));
    }

    private static (Project Shop, Solution Solution) CreateSolution(AdhocWorkspace workspace, (string Name, MetadataReference? Framework)[] testProjects, MetadataReference? shopFramework = null)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        var runtime = TestFrameworkReferences.Runtime.Append(TestFrameworkReferences.Attributes).ToList();
        var shopId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(shopId, VersionStamp.Default, "Shop", "Shop", LanguageNames.CSharp,
                compilationOptions: compilationOptions, parseOptions: parse,
                metadataReferences: shopFramework is null ? runtime : runtime.Append(shopFramework)))
            .AddDocument(DocumentId.CreateNewId(shopId), "DiscountCalculator.cs", SourceText.From(Pricing));
        foreach (var (name, framework) in testProjects)
        {
            var id = ProjectId.CreateNewId();
            solution = solution
                .AddProject(ProjectInfo.Create(id, VersionStamp.Default, name, name, LanguageNames.CSharp,
                    compilationOptions: compilationOptions, parseOptions: parse,
                    metadataReferences: framework is null ? runtime : runtime.Append(framework),
                    projectReferences: [new ProjectReference(shopId)]).WithDefaultNamespace(name));
        }

        Assert.True(workspace.TryApplyChanges(solution));
        return (workspace.CurrentSolution.GetProject(shopId)!, workspace.CurrentSolution);
    }

    private static async Task<List<CodeAction>> RefactoringsAsync(Document document, int position)
    {
        var actions = new List<CodeAction>();
        var context = new CodeRefactoringContext(document, new TextSpan(position, 0), actions.Add, CancellationToken.None);
        await new AddRegressionTestRefactoringProvider().ComputeRefactoringsAsync(context);
        return actions;
    }

    private static async Task<Solution> ApplyAsync(Document document, int position)
    {
        var action = Assert.Single(await RefactoringsAsync(document, position));
        Assert.Equal("Add regression test for INTAKE-123", action.Title);
        var operation = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        return operation.ChangedSolution;
    }
}
