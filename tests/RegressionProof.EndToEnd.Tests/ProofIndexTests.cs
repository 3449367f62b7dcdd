using System.Collections.Generic;
using System.IO;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// docs/rules/RP0012.md and docs/rules/RP0001.md with real builds: after the solution is built once,
/// a new fix without proof is reported in its own project, built alone, at the file, line and column
/// of its attribute; and the aggregate reports it at the same file, line and column.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ProofIndexTests(PackedPackages packages)
{
    private static readonly string Pricing = ShopSample.Pricing("INTAKE-1");

    private const string PricingTests = """
        using RegressionProof;
        using Shop;
        using Xunit;

        namespace Shop.Tests;

        public class PricingTests
        {
            [Fact, RegressionFor("INTAKE-1")]
            public void Discount_never_makes_the_price_negative() => Assert.Equal(0m, new Pricing().ApplyDiscount(10m, 25m));
        }
        """;

    // The attribute is on line 7, column 6.
    private const string Ledger = """
        using RegressionProof;

        namespace Shop;

        public class Ledger
        {
            [Fixes("INTAKE-2")]
            public void Post() { }
        }
        """;

    [Fact]
    public void A_new_fix_without_proof_is_reported_in_its_own_project_and_by_the_aggregate_at_its_file_line_and_column()
    {
        using var solution = new ConsumerSolution(packages);
        // A stale index must never fail a build, not even under TreatWarningsAsErrors.
        solution.AddProject("Shop", [], [], new Dictionary<string, string> { ["Pricing.cs"] = Pricing }, "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        solution.AddProject(
            "Shop.Tests", ["xunit/2.9.3"], ["Shop"], new Dictionary<string, string> { ["PricingTests.cs"] = PricingTests },
            "<RegressionProofAggregate>true</RegressionProofAggregate>");

        // The first build: no index yet, nothing to say; afterwards one entry per project.
        var first = solution.Build("Shop.Tests");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Empty(ConsumerSolution.Diagnostics(first.Output, "RP0012"));
        var index = Path.Combine(solution.Root, "obj", "regression-proof", "index");
        Assert.True(File.Exists(Path.Combine(index, "Shop-net10.0.proofindex")), first.Output);
        Assert.Contains("reference Shop", File.ReadAllLines(Path.Combine(index, "Shop.Tests-net10.0.proofindex")));

        // A fix without proof, and the production project built alone: a warning at the attribute,
        // which neither TreatWarningsAsErrors nor MSBuild's -warnaserror turns into an error.
        solution.WriteFile("Shop/Ledger.cs", Ledger);
        var shop = solution.Build("Shop", "-warnaserror");
        Assert.True(shop.ExitCode == 0, shop.Output);
        var ledger = (solution.Root + "/Shop/Ledger.cs").Replace('\\', '/');
        var warning = Assert.Single(ConsumerSolution.Diagnostics(shop.Output, "RP0012"));
        Assert.StartsWith(ledger + "(7,6): warning RP0012: 'Ledger.Post()' fixes INTAKE-2, which has no regression proof as of the last build", warning.Replace('\\', '/'), System.StringComparison.Ordinal);

        // The aggregate reports the fix in the referenced project at the same file, line and column:
        // the ones Shop's manifest records.
        var aggregate = solution.Build("Shop.Tests");
        Assert.True(aggregate.ExitCode != 0, aggregate.Output);
        var error = Assert.Single(ConsumerSolution.Diagnostics(aggregate.Output, "RP0001"));
        Assert.StartsWith(ledger + "(7,6): error RP0001: 'Shop: Ledger.Post()' fixes INTAKE-2, but no regression proof", error.Replace('\\', '/'), System.StringComparison.Ordinal);
    }
}
