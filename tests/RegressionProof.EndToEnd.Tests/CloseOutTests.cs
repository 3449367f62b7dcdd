using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// A release from gate to close-out through the installed tool: the gate decides it and writes its
/// reports, the build is published (the deploy), and <c>close-out</c> checks the published build
/// against the coverage manifest and appends its record to the release log; a later build that
/// lost the card's synthetic probe does not close out.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class CloseOutTests(PackedPackages packages)
{
    private static readonly string Pricing = ShopSample.Pricing("INTAKE-7");

    private const string Monitoring = """
        using RegressionProof;

        namespace Shop;

        public static class Monitoring
        {
            [SyntheticProbe("INTAKE-7", Signal = RecurrenceSignal.Error, Name = "negative-total-probe")]
            public static readonly string NegativeTotalProbe = "POST /checkout (discount above the price)";
        }
        """;

    private static readonly Dictionary<string, string> Tests = new()
    {
        ["PricingTests.cs"] = """
            using RegressionProof;
            using Shop;
            using Xunit;

            namespace Shop.Tests;

            public class PricingTests
            {
                [Fact, RegressionFor("INTAKE-7")]
                public void Discount_never_makes_the_price_negative() =>
                    Assert.Equal(0m, new Pricing().ApplyDiscount(10m, 25m));
            }
            """,
    };

    private const string Release = """
        {
          "version": "1.0.1", "class": "patch",
          "approvals": [{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }],
          "rollback": { "plan": "turn off the flag shop.discount-v2", "tested": true, "mechanism": "feature-flag" },
          "deploy": { "at": "2026-11-24T09:30:00Z", "trafficCycle": "24h" },
          "cards": [{ "id": "INTAKE-7", "title": "Discount makes the price negative", "priority": "P1", "reason": "regression",
                      "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/INTAKE-7"],
                      "status": "shipped", "monitoring": ["https://grafana.example/d/shop?from=2026-11-24T09:30Z&to=2026-11-25T09:30Z"] }]
        }
        """;

    [Fact]
    public void Gate_then_deploy_then_close_out_and_a_deployed_build_without_the_probe_does_not_close_out()
    {
        using var solution = new ConsumerSolution(packages);
        solution.AddProject("Shop", [], [], new Dictionary<string, string> { ["Pricing.cs"] = Pricing, ["Monitoring.cs"] = Monitoring });
        solution.AddProject("Shop.Tests", ShopSample.XunitTestPackages, ["Shop"], Tests);
        solution.WriteFile("release.json", Release);
        solution.WriteFile("CHANGELOG.md", "# Changelog\n\n## [1.0.1]\n- The discount never makes the price negative (INTAKE-7)\n");
        var results = Path.Combine(solution.Root, "test-results");
        var test = solution.Test("Shop.Tests", results);
        Assert.True(test.ExitCode == 0, test.Output);
        var gate = solution.Gate($". --as-of 2026-11-24 --test-results \"{results}/*.trx\" --release release.json --changelog CHANGELOG.md");
        Assert.True(gate.ExitCode == 0, gate.Output);
        var releaseLog = Path.Combine(solution.Root, "artifacts", "regression-proof", "release-log.md");
        var gateLog = File.ReadAllText(releaseLog);

        var deploy = DotnetCli.Run(solution.Root, "dotnet", "publish Shop/Shop.csproj -c Release -o deployed -nologo");
        Assert.True(deploy.ExitCode == 0, deploy.Output);
        var closeOut = solution.Gate("close-out deployed --release release.json --as-of 2026-11-25T10:00:00Z");

        Assert.True(closeOut.ExitCode == 0, closeOut.Output);
        Assert.Contains("PASS: release 1.0.1 is closed out (deployed 2026-11-24T09:30:00Z, traffic cycle 24h complete at 2026-11-25T09:30:00Z", closeOut.Output, StringComparison.Ordinal);
        Assert.True(closeOut.Output.Contains("1 cards: 1 shipped, 1 with monitoring evidence, 1 of 1 probes in place; 0 errors", StringComparison.Ordinal), closeOut.Output);
        var closedOutLog = File.ReadAllText(releaseLog);
        Assert.StartsWith(gateLog, closedOutLog, StringComparison.Ordinal);
        Assert.Contains("## Close-out as of 2026-11-25T10:00:00Z\n\n**Close-out: PASS**", closedOutLog, StringComparison.Ordinal);
        Assert.Contains("| Shop | Shop.dll | `", closedOutLog, StringComparison.Ordinal);

        solution.WriteFile("Shop/Monitoring.cs", "namespace Shop;\n\npublic static class Monitoring\n{\n}\n");
        var redeploy = DotnetCli.Run(solution.Root, "dotnet", "publish Shop/Shop.csproj -c Release -o redeployed -nologo");
        Assert.True(redeploy.ExitCode == 0, redeploy.Output);
        var probeGone = solution.Gate("close-out redeployed --release release.json --as-of 2026-11-26T10:00:00Z");

        Assert.True(probeGone.ExitCode == 1, probeGone.Output);
        Assert.Matches(@"error RPG020 \[close-out\] Shop/Monitoring\.cs\(\d+,\d+\): the synthetic-probe \S*NegativeTotalProbe of INTAKE-7 is not in the deployed build", probeGone.Output);
        var log = File.ReadAllText(releaseLog);
        Assert.StartsWith(closedOutLog, log, StringComparison.Ordinal);
        Assert.Contains("## Close-out as of 2026-11-26T10:00:00Z\n\n**Close-out: FAIL**", log, StringComparison.Ordinal);
    }
}
