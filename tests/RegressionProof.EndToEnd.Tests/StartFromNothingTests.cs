using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// A fresh solution with no release file and no changelog, through the installed tool: <c>init</c>
/// writes both from the build, the gate refuses the placeholders, <c>check</c> passes the pull
/// request with no release file, and once the release file is filled in the full gate passes.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class StartFromNothingTests(PackedPackages packages)
{
    private static readonly Dictionary<string, string> Production = new()
    {
        ["Pricing.cs"] = ShopSample.Pricing("INTAKE-7"),
    };

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

    [Fact]
    public void Init_then_check_then_the_full_gate_on_a_fresh_solution()
    {
        using var solution = new ConsumerSolution(packages);
        solution.AddProject("Shop", [], [], Production);
        solution.AddProject("Shop.Tests", ShopSample.XunitTestPackages, ["Shop"], Tests);
        const string Target = "Shop.Tests/Shop.Tests.csproj";
        var paths = "--release release.json --changelog CHANGELOG.md";

        var init = solution.Gate($"init {Target} {paths}");
        Assert.True(init.ExitCode == 0, init.Output);
        Assert.Contains("1 card(s) found in the build: INTAKE-7", init.Output, StringComparison.Ordinal);
        Assert.Contains("Next steps:", init.Output, StringComparison.Ordinal);
        var releasePath = Path.Combine(solution.Root, "release.json");
        Assert.Contains("\"id\": \"INTAKE-7\"", File.ReadAllText(releasePath), StringComparison.Ordinal);
        Assert.Contains("- INTAKE-7", File.ReadAllText(Path.Combine(solution.Root, "CHANGELOG.md")), StringComparison.Ordinal);

        var halfWritten = solution.Gate($"{Target} --no-build {paths}");
        Assert.True(halfWritten.ExitCode == 2, halfWritten.Output);
        Assert.Contains("release.json(", halfWritten.Output, StringComparison.Ordinal);

        var results = Path.Combine(solution.Root, "test-results");
        var test = solution.Test("Shop.Tests", results);
        Assert.True(test.ExitCode == 0, test.Output);
        var check = solution.Gate($"check {Target} --no-build --test-results \"{results}/*.trx\"");
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("PASS: every fix in the build has a regression proof", check.Output, StringComparison.Ordinal);

        File.WriteAllText(releasePath, File.ReadAllText(releasePath)
            .Replace("\"<fill in: the version to release, such as 1.0.0>\"", "\"1.0.0\"", StringComparison.Ordinal)
            .Replace("\"<fill in: patch, minor or major>\"", "\"patch\"", StringComparison.Ordinal)
            .Replace("\"approvals\": []", "\"approvals\": [{ \"role\": \"release-captain\", \"by\": \"dana\" }, { \"role\": \"dri\", \"by\": \"lee\" }]", StringComparison.Ordinal)
            .Replace("\"plan\": \"\"", "\"plan\": \"redeploy the previous build\"", StringComparison.Ordinal)
            .Replace("\"tested\": false", "\"tested\": true, \"mechanism\": \"hotfix-image\"", StringComparison.Ordinal)
            .Replace("\"owner\": \"\"", "\"owner\": \"alice\"", StringComparison.Ordinal)
            .Replace("\"backup\": \"\"", "\"backup\": \"bob\"", StringComparison.Ordinal)
            .Replace("\"evidence\": []", "\"evidence\": [\"https://tracker.example/INTAKE-7\"]", StringComparison.Ordinal));
        var gate = solution.Gate($"{Target} --no-build --as-of 2026-11-24 --test-results \"{results}/*.trx\" {paths}");
        Assert.True(gate.ExitCode == 0, gate.Output);
        Assert.Contains("PASS: release 1.0.0 passes the gate", gate.Output, StringComparison.Ordinal);
    }
}
