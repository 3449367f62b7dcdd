using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// The installed verify-regression-safety tool over a real solution built from the packed package,
/// with real .trx results: a proven release passes, an unproven card fails, a broken release file
/// is rejected.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class InstalledGateTests(PackedPackages packages)
{
    private static readonly string Release = ShopSample.PatchRelease("1.2.3", "1.2.2");

    private static readonly Dictionary<string, string> Production = new()
    {
        ["Pricing.cs"] = ShopSample.Pricing("INTAKE-1"),
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
                [Theory, RegressionFor("INTAKE-1")]
                [InlineData(10, 25)]
                [InlineData(0, 1)]
                public void Discount_never_makes_the_price_negative(decimal price, decimal discount) =>
                    Assert.Equal(0m, new Pricing().ApplyDiscount(price, discount));
            }
            """,
    };

    [Fact]
    public void The_installed_gate_passes_a_proven_release_fails_an_unproven_card_and_rejects_a_broken_release_file()
    {
        using var solution = new ConsumerSolution(packages);
        solution.AddProject("Shop", [], [], Production);
        solution.AddProject("Shop.Tests", ShopSample.XunitTestPackages, ["Shop"], Tests);
        solution.WriteFile("release.json", Release);
        solution.WriteFile("CHANGELOG.md", "# Changelog\n\n## [1.2.3]\n- Discounts never make the price negative (INTAKE-1)\n");
        var results = Path.Combine(solution.Root, "test-results");
        var test = solution.Test("Shop.Tests", results);
        Assert.True(test.ExitCode == 0, test.Output);

        var pass = solution.Gate($"Shop.Tests/Shop.Tests.csproj --as-of 2026-11-24 --test-results \"{results}/*.trx\" --release release.json --changelog CHANGELOG.md");
        Assert.True(pass.ExitCode == 0, pass.Output);
        Assert.Contains("PASS: release 1.2.3 passes the gate", pass.Output, System.StringComparison.Ordinal);
        foreach (var report in new[] { "coverage-manifest.json", "release-log.md", "regression-proof.sarif", "release-report.html", "verification-summary.intoto.json" })
        {
            Assert.True(File.Exists(Path.Combine(solution.Root, "artifacts", "regression-proof", report)), report);
        }

        // The verdict as a statement: each subject's digest is that of the built file it names
        // (relative to the project gated), each input's that of a result file read.
        using (var statement = JsonDocument.Parse(File.ReadAllText(Path.Combine(solution.Root, "artifacts", "regression-proof", "verification-summary.intoto.json"))))
        {
            var subjects = statement.RootElement.GetProperty("subject").EnumerateArray().ToList();
            Assert.Contains(subjects, s => s.GetProperty("name").GetString()!.EndsWith("/Shop.Tests.dll", System.StringComparison.Ordinal));
            Assert.All(subjects, s => Assert.Equal(Sha256(Path.Combine(solution.Root, "Shop.Tests", s.GetProperty("name").GetString()!)), s.GetProperty("digest").GetProperty("sha256").GetString()));
            var predicate = statement.RootElement.GetProperty("predicate");
            Assert.Equal("PASSED", predicate.GetProperty("verificationResult").GetString());
            Assert.Equal(
                Directory.GetFiles(results, "*.trx").Select(Sha256).Order(System.StringComparer.Ordinal),
                predicate.GetProperty("inputAttestations").EnumerateArray().Select(a => a.GetProperty("digest").GetProperty("sha256").GetString()!).Order(System.StringComparer.Ordinal));
        }

        // Markdown escapes the underscores of test names; the text is the same once unescaped.
        var log = File.ReadAllText(Path.Combine(solution.Root, "artifacts", "regression-proof", "release-log.md")).Replace("\\", string.Empty, System.StringComparison.Ordinal);
        Assert.Contains("Shop.Tests.PricingTests.Discount_never_makes_the_price_negative(price: 10, discount: 25): passed (Passed in ", log, System.StringComparison.Ordinal);

        solution.WriteFile("release.unproven.json", Release.Replace("\"cards\": [", "\"cards\": [\n    { \"id\": \"INTAKE-2\", \"title\": \"Refunds lose a cent\", \"owner\": \"carol\", \"backup\": \"dan\", \"evidence\": [\"https://tracker.example/INTAKE-2\"] },", System.StringComparison.Ordinal));
        solution.WriteFile("CHANGELOG.md", "## [1.2.3]\n- INTAKE-1\n- INTAKE-2\n");
        var fail = solution.Gate($"Shop.Tests/Shop.Tests.csproj --no-build --as-of 2026-11-24 --release release.unproven.json --changelog CHANGELOG.md");
        Assert.True(fail.ExitCode == 1, fail.Output);
        Assert.Contains("INTAKE-2 has no regression proof", fail.Output, System.StringComparison.Ordinal);

        solution.WriteFile("release.broken.json", "{\n  \"version\": \"1.2.3\",\n  \"class\": \"patch\",\n  \"cards\": [ { \"id\": 12 } ]\n}\n");
        var broken = solution.Gate("Shop.Tests/Shop.Tests.csproj --no-build --release release.broken.json --changelog CHANGELOG.md");
        Assert.True(broken.ExitCode == 2, broken.Output);
        Assert.Contains("release.broken.json(4,22): \"id\" must be a string", broken.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", broken.Output, System.StringComparison.Ordinal);
    }

    private static string Sha256(string path) => System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
