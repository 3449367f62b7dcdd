using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// A patch that adds a public regression test class passes RPG008 against the previous release's
/// coverage manifest: the package tells the generator that the xunit project is a test project,
/// whose API is not the product's. The product's API is still checked.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class TestProjectApiTests(PackedPackages packages)
{
    private static readonly string Release = ShopSample.PatchRelease("1.0.1", "1.0.0");

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

    [Fact]
    public void A_patch_adding_a_public_regression_test_class_passes_and_a_product_api_change_still_fails()
    {
        using var solution = new ConsumerSolution(packages);
        solution.AddProject("Shop", [], [], new Dictionary<string, string> { ["Pricing.cs"] = Pricing });
        solution.AddProject("Shop.Tests", ShopSample.XunitTestPackages, ["Shop"],
            new Dictionary<string, string> { ["PricingTests.cs"] = PricingTests });
        solution.WriteFile("release.json", Release);
        solution.WriteFile("CHANGELOG.md", "# Changelog\n\n## [1.0.1]\n- Discounts never make the price negative (INTAKE-1)\n");
        // The folder: both projects are gated (the test project alone would not show the product's assembly).
        const string Arguments = ". --no-build -c Debug --as-of 2026-11-24 --release release.json --changelog CHANGELOG.md";
        Build(solution);

        var first = solution.Gate(Arguments);
        Assert.True(first.ExitCode == 0, first.Output);
        var manifest = Path.Combine(solution.Root, "artifacts", "regression-proof", "coverage-manifest.json");
        var checkedApi = JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("assemblies").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("publicApiChecked").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["Shop"] = true, ["Shop.Tests"] = false }, checkedApi);
        File.Copy(manifest, Path.Combine(solution.Root, "baseline.json"));

        solution.WriteFile("Shop.Tests/RefundTests.cs", """
            using Xunit;

            namespace Shop.Tests;

            public class RefundTests
            {
                [Fact]
                public void Refunds_are_rounded() => Assert.Equal(1.23m, decimal.Round(1.234m, 2));
            }
            """);
        Build(solution);
        var patch = solution.Gate(Arguments + " --baseline baseline.json");
        Assert.True(patch.ExitCode == 0, patch.Output);

        solution.WriteFile("Shop/Pricing.cs", Pricing.Replace("public decimal ApplyDiscount", "public virtual decimal ApplyDiscount", System.StringComparison.Ordinal));
        Build(solution);
        var changed = solution.Gate(Arguments + " --baseline baseline.json");
        Assert.True(changed.ExitCode == 1, changed.Output);
        Assert.Contains("patch 1.0.1 changes the public API of Shop: 1 changed (method Shop.Pricing.ApplyDiscount(decimal, decimal) : decimal: (none) -> virtual)", changed.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("public API of Shop.Tests", changed.Output, System.StringComparison.Ordinal);
    }

    private static void Build(ConsumerSolution solution)
    {
        var build = solution.Build("Shop.Tests");
        Assert.True(build.ExitCode == 0, build.Output);
    }
}
