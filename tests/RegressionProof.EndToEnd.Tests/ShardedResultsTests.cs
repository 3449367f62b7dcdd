using System.Collections.Generic;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// A solution whose tests run as two shards (two test projects, as two CI machines would run
/// them), each into a results folder of its own, gated together by the installed tool with one
/// <c>--test-results</c> per folder: each shard proves one card, so both folders are needed.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ShardedResultsTests(PackedPackages packages)
{

    private static Dictionary<string, string> Proof(string shard, string card) => new()
    {
        [$"{shard}Tests.cs"] = $$"""
            using RegressionProof;
            using Shop;
            using Xunit;

            namespace Shop.Tests;

            public class {{shard}}Tests
            {
                [Fact, RegressionFor("{{card}}")]
                public void Prices_stay_positive() => Assert.Equal(0m, new Pricing().Fix0(-1m));
            }
            """,
    };

    [Fact]
    public void Two_result_folders_of_two_shards_are_gated_together()
    {
        using var solution = new ConsumerSolution(packages);
        GatedRelease.Write(solution, "INTAKE-1", "INTAKE-2");
        solution.AddProject("Shop.Tests.Checkout", ShopSample.XunitTestPackages, ["Shop"], Proof("Checkout", "INTAKE-1"));
        solution.AddProject("Shop.Tests.Refunds", ShopSample.XunitTestPackages, ["Shop"], Proof("Refunds", "INTAKE-2"));
        Run(solution, "new sln --format sln -n Shop");
        Run(solution, "sln Shop.sln add Shop/Shop.csproj Shop.Tests.Checkout/Shop.Tests.Checkout.csproj Shop.Tests.Refunds/Shop.Tests.Refunds.csproj");
        Run(solution, "build Shop.sln -c Release -nologo");

        // Shard 1 and shard 2: each runs one test project into its own folder, as its own CI job would.
        Run(solution, "test Shop.Tests.Checkout/Shop.Tests.Checkout.csproj -c Release --no-build -nologo --logger trx --results-directory shards/1");
        Run(solution, "test Shop.Tests.Refunds/Shop.Tests.Refunds.csproj -c Release --no-build -nologo --logger trx --results-directory shards/2");
        var gate = $"Shop.sln --no-build --as-of {GatedRelease.AsOf} --release release.json --changelog CHANGELOG.md";

        var both = solution.Gate(gate + " --test-results shards/1 --test-results shards/2");
        Assert.True(both.ExitCode == 0, both.Output);
        Assert.Contains("PASS: release 1.2.3 passes the gate", both.Output, System.StringComparison.Ordinal);

        // One shard alone leaves the other card's proof without a result.
        var one = solution.Gate(gate + " --test-results shards/1 --out artifacts/one-shard");
        Assert.True(one.ExitCode == 1, one.Output);
        Assert.Contains("the proof of INTAKE-2 Shop.Tests.RefundsTests.Prices_stay_positive did not run", one.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("INTAKE-1 Shop.Tests.CheckoutTests", one.Output, System.StringComparison.Ordinal);
    }

    private static void Run(ConsumerSolution solution, string arguments)
    {
        var run = DotnetCli.Run(solution.Root, "dotnet", arguments);
        Assert.True(run.ExitCode == 0, $"dotnet {arguments}:\n{run.Output}");
    }
}
