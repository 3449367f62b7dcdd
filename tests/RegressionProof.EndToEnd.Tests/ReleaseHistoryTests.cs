using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// One solution lives through four releases, built from the packed package under
/// <c>TreatWarningsAsErrors</c> and gated by the installed tool, each release with the previous
/// release's coverage manifest as its baseline (for the gate and, through
/// <c>RegressionProofBaseline</c>, for the analyzers): 1.0.0 first, 1.0.1 patch, 1.1.0 minor,
/// 2.0.0 major. The attributes of earlier cards stay in place all along.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ReleaseHistoryTests(PackedPackages packages)
{
    private const string AsOf = "2026-11-24";

    [Fact]
    public void Four_releases_of_one_solution_pass_the_gate_and_each_class_rule_fails_where_the_policy_says()
    {
        using var solution = new ConsumerSolution(packages);
        var history = new History(solution);
        history.CreateSolution();

        // 1.0.0, the first release: no baseline yet.
        history.Source("Shop/Pricing.cs", PricingV1);
        history.Source("Shop/Monitoring.cs", Monitoring);
        history.Source("Shop.Tests/DiscountTests.cs", DiscountTests);
        history.Changelog("1.0.0", "- Discounts never make a price negative (INTAKE-1)");
        history.ReleaseFile("release.json", "1.0.0", "minor", [Card("INTAKE-1", "regression", "P1")]);
        history.BuildAndTest("1.0.0");
        var first = history.Gate("1.0.0", expectedExit: 0, baseline: false);
        Assert.Contains("No previous release to compare with: no --baseline was given", first, StringComparison.Ordinal);
        Assert.Equal(["1.0.0"], history.Trend("1.0.0"));
        history.KeepAsBaseline("1.0.0");

        // 1.0.1, a patch: a fix inside an existing member and a new public regression test class.
        // The release file has moved on; INTAKE-1's attributes are still in the code.
        history.Source("Shop/Pricing.cs", PricingV1.Replace("    public decimal Total(", "    [Fixes(\"INTAKE-2\")]\n    public decimal Total(", StringComparison.Ordinal)
            .Replace("lines.Sum();", "Math.Round(lines.Sum(), 2);", StringComparison.Ordinal));
        history.Source("Shop.Tests/TotalTests.cs", TotalTests);
        history.Changelog("1.0.1", "- Totals are rounded to the cent (INTAKE-2)");
        history.ReleaseFile("release.json", "1.0.1", "patch", [Card("INTAKE-2", "regression", "P2")]);
        var withoutBaseline = history.Build("-p:RegressionProofBaseline=");
        Assert.True(withoutBaseline.ExitCode != 0, "without the baseline, INTAKE-1 is unknown to the analyzers:\n" + withoutBaseline.Output);
        Assert.Contains("RP0007", withoutBaseline.Output, StringComparison.Ordinal);
        history.BuildAndTest("1.0.1");
        var patch = history.Gate("1.0.1", expectedExit: 0);
        Assert.DoesNotContain("RPG008", patch, StringComparison.Ordinal);

        // The coverage manifest carries the trend: 1.0.0's entry, read from the baseline, and
        // 1.0.1's; no folder of earlier reports. The report names what came since 1.0.0.
        Assert.Equal(["1.0.0", "1.0.1"], history.Trend("1.0.1"));
        Assert.Contains("Since release 1.0.0: 1 card added, 0 retired; 1 proof added, 0 removed; public API changed in 0 assemblies; 0 suspect proofs", patch, StringComparison.Ordinal);
        var report = history.Report("1.0.1");
        Assert.Contains("<h3 id=\"cards-added\">Cards added (1)</h3>\n<ul class=\"items\">\n<li><span class=\"mono\">INTAKE-2</span> Card INTAKE-2</li>", report, StringComparison.Ordinal);
        Assert.Contains("<title id=\"trend-chart-title\">Trend of 2 releases, 1.0.0 to 1.0.1</title>", report, StringComparison.Ordinal);

        // A probe removed while its card is live fails; retiring the card lets it go.
        history.Remove("Shop/Monitoring.cs");
        history.Build();
        var probeRemoved = history.Gate("1.0.1", expectedExit: 1, testResults: false, outputs: "1.0.1-probe-removed");
        Assert.Contains("RPG012", probeRemoved, StringComparison.Ordinal);
        Assert.Contains("INTAKE-1", probeRemoved, StringComparison.Ordinal);
        history.ReleaseFile("release.retired.json", "1.0.1", "patch", [Card("INTAKE-2", "regression", "P2")], retired: ["INTAKE-1"]);
        history.Gate("1.0.1", expectedExit: 0, testResults: false, release: "release.retired.json", outputs: "1.0.1-probe-retired");
        history.Source("Shop/Monitoring.cs", Monitoring);
        history.KeepAsBaseline("1.0.1");

        // 1.1.0, a minor release: a new public API, which as a patch would fail RPG008.
        history.Source("Shop/Pricing.cs", File.ReadAllText(Path.Combine(solution.Root, "Shop/Pricing.cs"))
            .Replace("    public decimal LegacyTotal(", Coupon + "    public decimal LegacyTotal(", StringComparison.Ordinal));
        history.Source("Shop.Tests/CouponTests.cs", CouponTests);
        history.Changelog("1.1.0", "- Coupons (INTAKE-3)");
        history.ReleaseFile("release.json", "1.1.0", "minor", [Card("INTAKE-3", "feature", "P3")]);
        history.BuildAndTest("1.1.0");
        history.Gate("1.1.0", expectedExit: 0);
        history.ReleaseFile("release.as-patch.json", "1.1.0", "patch", [Card("INTAKE-3", "feature", "P3")]);
        var asPatch = history.Gate("1.1.0", expectedExit: 1, release: "release.as-patch.json", outputs: "1.1.0-as-patch");
        Assert.Contains("RPG008", asPatch, StringComparison.Ordinal);
        Assert.Contains("ApplyCoupon", asPatch, StringComparison.Ordinal);
        history.KeepAsBaseline("1.1.0");

        // 2.0.0, a major release: an API removed and a schema migration, first without a
        // [MigrationTest] (RPG010), then with one.
        history.Source("Shop/Pricing.cs", RemoveLegacyTotal(File.ReadAllText(Path.Combine(solution.Root, "Shop/Pricing.cs"))));
        history.Source("Shop/Migrations.cs", Migrations);
        history.Source("Shop.Tests/CurrencyMigrationTests.cs", CurrencyMigrationTests("RegressionFor"));
        history.Changelog("2.0.0", "### Customer notice\nLegacyTotal is gone: use Total.\n\n- Prices carry their currency (INTAKE-4)");
        history.ReleaseFile("release.json", "2.0.0", "major", [Card("INTAKE-4", "feature", "P2")]);
        history.BuildAndTest("2.0.0");
        var noMigrationTest = history.Gate("2.0.0", expectedExit: 1, outputs: "2.0.0-without-migration-test");
        Assert.Contains("RPG010", noMigrationTest, StringComparison.Ordinal);
        history.Source("Shop.Tests/CurrencyMigrationTests.cs", CurrencyMigrationTests("MigrationTest"));
        history.BuildAndTest("2.0.0");
        history.Gate("2.0.0", expectedExit: 0);
        Assert.Equal(["1.0.0", "1.0.1", "1.1.0", "2.0.0"], history.Trend("2.0.0"));
    }

    private static string Card(string id, string reason, string priority) => $$"""
        { "id": "{{id}}", "title": "Card {{id}}", "priority": "{{priority}}", "reason": "{{reason}}",
          "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/{{id}}"] }
        """;

    private static string RemoveLegacyTotal(string pricing)
    {
        var start = pricing.IndexOf("    public decimal LegacyTotal(", StringComparison.Ordinal);
        var end = pricing.IndexOf('\n', start) + 1;
        return pricing.Remove(start, end - start);
    }

    private const string PricingV1 = """
        using RegressionProof;

        namespace Shop;

        public class Pricing
        {
            [Fixes("INTAKE-1")]
            public decimal ApplyDiscount(decimal price, decimal discount) => Math.Max(0, price - discount);

            public decimal Total(decimal[] lines) => lines.Sum();

            public decimal LegacyTotal(decimal[] lines) => Total(lines);
        }
        """;

    private const string Coupon = """
            [Fixes("INTAKE-3")]
            public decimal ApplyCoupon(decimal price, string code) => code == "HALF" ? price / 2 : price;

        """;

    // A synthetic probe, internal so that removing it changes no public API.
    private const string Monitoring = """
        using RegressionProof;

        namespace Shop;

        internal static class CheckoutProbes
        {
            [SyntheticProbe("INTAKE-1", Signal = RecurrenceSignal.Error)]
            internal static bool No_negative_prices() => new Pricing().ApplyDiscount(1m, 2m) >= 0;
        }
        """;

    // FluentMigrator's attribute, declared here so the sample needs no database package: the gate
    // recognises migrations by the attribute's full name.
    private const string Migrations = """
        using RegressionProof;

        namespace FluentMigrator
        {
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class MigrationAttribute(long version) : Attribute
            {
                public long Version { get; } = version;
            }
        }

        namespace Shop
        {
            [FluentMigrator.Migration(20261201)]
            [Fixes("INTAKE-4")]
            public sealed class AddCurrencyToPrices
            {
                public string Up() => "ALTER TABLE prices ADD currency CHAR(3) NOT NULL DEFAULT 'EUR'";
            }
        }
        """;

    private const string DiscountTests = """
        using RegressionProof;
        using Shop;
        using Xunit;

        namespace Shop.Tests;

        public class DiscountTests
        {
            [Fact, RegressionFor("INTAKE-1")]
            public void Discount_never_makes_the_price_negative() => Assert.Equal(0m, new Pricing().ApplyDiscount(10m, 25m));
        }
        """;

    private const string TotalTests = """
        using RegressionProof;
        using Shop;
        using Xunit;

        namespace Shop.Tests;

        public class TotalTests
        {
            [Fact, RegressionFor("INTAKE-2")]
            public void Total_is_rounded_to_the_cent() => Assert.Equal(0.3m, new Pricing().Total([0.1m, 0.2m, 0.001m]));
        }
        """;

    private const string CouponTests = """
        using RegressionProof;
        using Shop;
        using Xunit;

        namespace Shop.Tests;

        public class CouponTests
        {
            [Fact, RegressionFor("INTAKE-3")]
            public void Half_coupon_halves_the_price() => Assert.Equal(5m, new Pricing().ApplyCoupon(10m, "HALF"));
        }
        """;

    private static string CurrencyMigrationTests(string attribute) => $$"""
        using RegressionProof;
        using Shop;
        using Xunit;

        namespace Shop.Tests;

        public class CurrencyMigrationTests
        {
            [Fact, {{attribute}}("INTAKE-4")]
            public void Migration_adds_the_currency_column() => Assert.Contains("currency", new AddCurrencyToPrices().Up(), StringComparison.Ordinal);
        }
        """;

    /// <summary>The solution's files and the commands a team runs at each release.</summary>
    private sealed class History(ConsumerSolution solution)
    {
        private readonly List<string> _changelog = [];

        public void CreateSolution()
        {
            solution.WriteFile("Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <!-- Restores here may resolve a dependency one version upward (NU1603). -->
                    <WarningsNotAsErrors>$(WarningsNotAsErrors);NU1603</WarningsNotAsErrors>
                    <RegressionProofBaseline Condition="Exists('$(MSBuildThisFileDirectory)releases/baseline.json')">$(MSBuildThisFileDirectory)releases/baseline.json</RegressionProofBaseline>
                  </PropertyGroup>
                </Project>
                """);
            solution.AddProject("Shop", [], [], new Dictionary<string, string>());
            solution.AddProject("Shop.Tests", ShopSample.XunitTestPackages, ["Shop"], new Dictionary<string, string>());
            Run("dotnet", "new sln --format sln -n Shop");
            Run("dotnet", "sln Shop.sln add Shop/Shop.csproj Shop.Tests/Shop.Tests.csproj");
        }

        public void Source(string path, string text) => solution.WriteFile(path, text);

        public void Remove(string path) => File.Delete(Path.Combine(solution.Root, path));

        public void Changelog(string version, string entries)
        {
            _changelog.Insert(0, $"## [{version}]\n\n{entries}\n");
            solution.WriteFile("CHANGELOG.md", "# Changelog\n\n" + string.Join("\n", _changelog));
        }

        public void ReleaseFile(string name, string version, string releaseClass, IReadOnlyList<string> cards, IReadOnlyList<string>? retired = null)
        {
            var approvals = releaseClass switch
            {
                "patch" => """[{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }]""",
                "minor" => """[{ "role": "release-captain", "by": "dana" }, { "role": "domain-lead", "by": "kim" }]""",
                _ => """[{ "role": "release-captain", "by": "dana" }, { "role": "domain-lead", "by": "kim" }, { "role": "product-owner", "by": "sam" }]""",
            };

            // A major release records its customer-readiness check (RPG019).
            var readiness = releaseClass == "major" ? """ "customerReadiness": { "by": "pat", "on": "2026-11-20" },""" : string.Empty;
            solution.WriteFile(name, $$"""
                {
                  "version": "{{version}}", "class": "{{releaseClass}}",{{readiness}}
                  "approvals": {{approvals}},
                  "rollback": { "plan": "redeploy the previous release", "tested": true, "stagedRollout": true, "mechanism": "hotfix-image" },
                  "cards": [{{string.Join(",\n", cards)}}],
                  "retired": [{{string.Join(", ", (retired ?? []).Select(id => $"\"{id}\""))}}]
                }
                """);
        }

        public (int ExitCode, string Output) Build(string extra = "") =>
            DotnetCli.Run(solution.Root, "dotnet", $"build Shop.sln -c Release -nologo {extra}");

        public void BuildAndTest(string version)
        {
            var results = Path.Combine(solution.Root, "results", version);
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }

            var test = DotnetCli.Run(solution.Root, "dotnet", $"test Shop.sln -c Release -nologo --logger trx --results-directory \"{results}\"");
            Assert.True(test.ExitCode == 0, $"{version}: the build is clean under TreatWarningsAsErrors and the tests pass:\n{test.Output}");
            Assert.DoesNotContain("RP0007", test.Output, StringComparison.Ordinal);
        }

        /// <summary>Runs the installed gate on what is built and returns what it printed.</summary>
        public string Gate(string version, int expectedExit, bool baseline = true, bool testResults = true, string release = "release.json", string? outputs = null)
        {
            var arguments = $"Shop.sln --no-build --as-of {AsOf} --release {release} --changelog CHANGELOG.md --out \"artifacts/{outputs ?? version}\"";
            if (baseline)
            {
                arguments += " --baseline releases/baseline.json";
            }

            if (testResults)
            {
                arguments += $" --test-results \"results/{version}/*.trx\"";
            }

            var gate = solution.Gate(arguments);
            Assert.True(gate.ExitCode == expectedExit, $"{version}: the gate exits {expectedExit}, not {gate.ExitCode}:\n{gate.Output}");
            Assert.DoesNotContain("   at ", gate.Output, StringComparison.Ordinal);
            return gate.Output;
        }

        /// <summary>The versions of the trend in the coverage manifest the gate wrote to <c>artifacts/<paramref name="outputs"/></c>.</summary>
        public IReadOnlyList<string> Trend(string outputs)
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(solution.Root, "artifacts", outputs, "coverage-manifest.json")));
            return manifest.RootElement.GetProperty("trend").EnumerateArray().Select(entry => entry.GetProperty("version").GetString()!).ToList();
        }

        public string Report(string outputs) => File.ReadAllText(Path.Combine(solution.Root, "artifacts", outputs, "release-report.html"));

        /// <summary>The release's coverage manifest becomes the next release's baseline, as docs/getting-started.md says.</summary>
        public void KeepAsBaseline(string version)
        {
            Directory.CreateDirectory(Path.Combine(solution.Root, "releases"));
            File.Copy(Path.Combine(solution.Root, "artifacts", version, "coverage-manifest.json"), Path.Combine(solution.Root, "releases", "baseline.json"), overwrite: true);
        }

        private void Run(string file, string arguments)
        {
            var run = DotnetCli.Run(solution.Root, file, arguments);
            Assert.True(run.ExitCode == 0, $"{file} {arguments}:\n{run.Output}");
        }
    }
}
