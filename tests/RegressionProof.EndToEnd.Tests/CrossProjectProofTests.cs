using System.Collections.Generic;
using System.Linq;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// docs/rules/RP0001.md with real builds: a fix proven only in another project is never reported by a
/// project that cannot see that proof, and is reported by a project that declares itself the aggregate.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class CrossProjectProofTests(PackedPackages packages)
{
    private const string Pricing = """
        using RegressionProof;

        namespace Shop;

        public class Pricing
        {
            [Fixes("INTAKE-1")]
            public decimal ApplyDiscount(decimal price, decimal discount) => Math.Max(0, price - discount);

            [Fixes("bad id")]
            public decimal Round(decimal price) => Math.Round(price, 2);
        }
        """;

    private const string XunitTests = """
        using Shop;
        using Xunit;

        namespace Shop.UnitTests;

        public class RoundingTests
        {
            [Fact]
            public void Rounds_to_cents() => Assert.Equal(1.23m, new Pricing().Round(1.234m));
        }
        """;

    private const string NUnitTests = """
        using NUnit.Framework;
        using RegressionProof;
        using Shop;

        namespace Shop.IntegrationTests;

        public class DiscountTests
        {
            [Test, RegressionFor("INTAKE-1", Level = TestLevel.Integration)]
            public void Discount_never_makes_the_price_negative() =>
                Assert.That(new Pricing().ApplyDiscount(10m, 25m), Is.EqualTo(0m));
        }
        """;

    [Fact]
    public void A_fix_proven_only_in_the_NUnit_project_builds_without_RP0001_and_the_aggregate_sees_the_gap()
    {
        using var solution = new ConsumerSolution(packages);
        solution.SetEditorConfig("dotnet_diagnostic.RP0002.severity = warning");
        solution.AddProject("Shop", [], [], new Dictionary<string, string> { ["Pricing.cs"] = Pricing });
        solution.AddProject("Shop.UnitTests", ["xunit/2.9.3"], ["Shop"], new Dictionary<string, string> { ["RoundingTests.cs"] = XunitTests });
        solution.AddProject("Shop.IntegrationTests", ["NUnit/4.4.0"], ["Shop"], new Dictionary<string, string> { ["DiscountTests.cs"] = NUnitTests });

        var unit = solution.Build("Shop.UnitTests");
        var integration = solution.Build("Shop.IntegrationTests");

        // Both build; the analyzers ran (RP0002, configured as a warning, proves it), and RP0001 is nowhere.
        Assert.True(unit.ExitCode == 0, unit.Output);
        Assert.True(integration.ExitCode == 0, integration.Output);
        Assert.Contains(ConsumerSolution.Diagnostics(unit.Output, "RP0002"), line => line.Contains("\"bad id\"", System.StringComparison.Ordinal));
        Assert.Empty(ConsumerSolution.Diagnostics(unit.Output, "RP0001"));
        Assert.Empty(ConsumerSolution.Diagnostics(integration.Output, "RP0001"));

        // Every project's assembly carries its manifest, with repository-relative paths.
        var shop = AssemblyManifestReader.Read(System.IO.Path.Combine(solution.Root, "Shop", "bin", "Debug", "net10.0", "Shop.dll"));
        Assert.NotNull(shop);
        Assert.Equal(["fixes INTAKE-1 Shop/Pricing.cs", "fixes bad id Shop/Pricing.cs"], shop!.Links.Select(l => $"{l.Kind} {l.Card} {l.Path}"));
        var proofs = AssemblyManifestReader.Read(System.IO.Path.Combine(solution.Root, "Shop.IntegrationTests", "bin", "Debug", "net10.0", "Shop.IntegrationTests.dll"));
        var proof = Assert.Single(proofs!.Links);
        Assert.Equal(("regression-for", "INTAKE-1", "nunit", "integration", "Shop.IntegrationTests.DiscountTests.Discount_never_makes_the_price_negative"),
            (proof.Kind, proof.Card, proof.Framework, proof.Level, proof.Test));

        // The xunit project as aggregate cannot see the NUnit proof, so it must report the fix.
        solution.AddProject(
            "Shop.UnitTests", ["xunit/2.9.3"], ["Shop"], new Dictionary<string, string> { ["RoundingTests.cs"] = XunitTests },
            "<RegressionProofAggregate>true</RegressionProofAggregate>");
        var aggregate = solution.Build("Shop.UnitTests");
        Assert.True(aggregate.ExitCode != 0, aggregate.Output);
        var reported = ConsumerSolution.Diagnostics(aggregate.Output, "RP0001");
        Assert.Contains(reported, line => line.Contains("'Shop: Pricing.ApplyDiscount(decimal, decimal)' fixes INTAKE-1,", System.StringComparison.Ordinal));
        Assert.Contains(reported, line => line.Contains("'Shop: Pricing.Round(decimal)' fixes bad id,", System.StringComparison.Ordinal));
        Assert.Equal(2, reported.Count);
    }
}
