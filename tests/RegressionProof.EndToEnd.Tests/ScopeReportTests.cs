using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// RPG016 from the packed package and the installed tool: a fast-patch release whose build
/// changed a member outside its card fails, naming the member; the same release with that change
/// reverted passes. The baseline is the coverage manifest of the release before, which carries
/// the hash of every member's compiled code.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ScopeReportTests(PackedPackages packages)
{
    private const string AsOf = "2026-11-24";

    [Fact]
    public void A_fast_patch_that_changed_a_member_outside_its_card_fails_naming_it_and_passes_once_the_change_is_reverted()
    {
        using var solution = new ConsumerSolution(packages);
        solution.AddProject("Shop", [], [], new Dictionary<string, string>
        {
            ["Pricing.cs"] = Pricing,
            ["Monitoring.cs"] = Monitoring,
        });

        // 1.0.0: no baseline yet; its coverage manifest is the next release's baseline.
        Release(solution, "1.0.0", "minor", "standard", "INTAKE-1");
        BuildAndGate(solution, "1.0.0", expectedExit: 0, baseline: false);
        Directory.CreateDirectory(Path.Combine(solution.Root, "releases"));
        File.Copy(Path.Combine(solution.Root, "artifacts/1.0.0/coverage-manifest.json"), Path.Combine(solution.Root, "releases/baseline.json"));

        // 1.0.1 in the fast-patch lane: Total is INTAKE-2's fix and a new probe its proof, both in
        // scope; Describe changed too, and is not.
        var fixedTotal = Pricing
            .Replace("    public decimal Total(", "    [Fixes(\"INTAKE-2\")]\n    public decimal Total(", StringComparison.Ordinal)
            .Replace("lines.Where(l => l > 0).Sum()", "Math.Round(lines.Where(l => l > 0).Sum(), 2)", StringComparison.Ordinal);
        solution.WriteFile("Shop/Monitoring.cs", Monitoring + Probe2);
        solution.WriteFile("Shop/Pricing.cs", fixedTotal.Replace("\"Pricing \"", "\"Prices \"", StringComparison.Ordinal));
        Release(solution, "1.0.1", "patch", "fast-patch", "INTAKE-2");
        var outOfScope = BuildAndGate(solution, "1.0.1", expectedExit: 1);
        var finding = Assert.Single(outOfScope.Split('\n'), line => line.Contains("RPG016", StringComparison.Ordinal));
        Assert.StartsWith("error RPG016 [no scope creep] ", finding, StringComparison.Ordinal);
        Assert.Contains("M:Shop.Pricing.Describe(System.Int32) in Shop changed since the baseline", finding, StringComparison.Ordinal);
        Assert.True(outOfScope.Contains("Scope: 1 of 3 members changed since the baseline is outside the cards of this release", StringComparison.Ordinal), outOfScope);

        // The same release with Describe as it was.
        solution.WriteFile("Shop/Pricing.cs", fixedTotal);
        var reverted = BuildAndGate(solution, "1.0.1", expectedExit: 0, outputs: "1.0.1-reverted");
        Assert.DoesNotContain("RPG016", reverted, StringComparison.Ordinal);
        Assert.True(reverted.Contains("Scope: 2 members changed since the baseline, none outside the cards of this release", StringComparison.Ordinal), reverted);
    }

    private static string BuildAndGate(ConsumerSolution solution, string version, int expectedExit, bool baseline = true, string? outputs = null)
    {
        var build = solution.Build("Shop", "-c Release");
        Assert.True(build.ExitCode == 0, build.Output);
        var gate = solution.Gate($"Shop/Shop.csproj --no-build --as-of {AsOf} --out \"artifacts/{outputs ?? version}\"" + (baseline ? " --baseline releases/baseline.json" : string.Empty));
        Assert.True(gate.ExitCode == expectedExit, $"{version}: the gate exits {expectedExit}, not {gate.ExitCode}:\n{gate.Output}");
        Assert.DoesNotContain("   at ", gate.Output, StringComparison.Ordinal);
        return gate.Output;
    }

    private static void Release(ConsumerSolution solution, string version, string releaseClass, string lane, string card)
    {
        var approvals = releaseClass == "patch"
            ? """[{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }]"""
            : """[{ "role": "release-captain", "by": "dana" }, { "role": "domain-lead", "by": "kim" }]""";
        solution.WriteFile("Shop/release.json", $$"""
            {
              "version": "{{version}}", "class": "{{releaseClass}}", "lane": "{{lane}}",
              "approvals": {{approvals}},
              "rollback": { "plan": "turn off flag pricing.v2", "tested": true, "mechanism": "feature-flag" },
              "cards": [{ "id": "{{card}}", "title": "Card {{card}}", "priority": "P1", "reason": "regression",
                          "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/{{card}}"] }]
            }
            """);
        solution.WriteFile("Shop/CHANGELOG.md", $"# Changelog\n\n## [{version}]\n\n- Fixed {card}\n");
    }

    private const string Pricing = """
        using RegressionProof;

        namespace Shop;

        public class Pricing
        {
            [Fixes("INTAKE-1")]
            public decimal ApplyDiscount(decimal price, decimal discount) => Math.Max(0, price - discount);

            public decimal Total(decimal[] lines) => lines.Where(l => l > 0).Sum();

            public string Describe(int count) => "Pricing " + count;
        }
        """;

    private const string Monitoring = """
        using RegressionProof;

        namespace Shop;

        internal static class CheckoutProbes
        {
            [SyntheticProbe("INTAKE-1", Signal = RecurrenceSignal.Error)]
            internal static bool No_negative_prices() => new Pricing().ApplyDiscount(1m, 2m) >= 0;
        }
        """;

    private const string Probe2 = """

        internal static class TotalProbes
        {
            [SyntheticProbe("INTAKE-2", Signal = RecurrenceSignal.Error)]
            internal static bool Totals_are_rounded() => new Pricing().Total([1.005m]) == 1m;
        }
        """;
}
