using System.Collections.Generic;
using System.Linq;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// C# 14 extension members, built by the SDK's own compiler (the analyzer tests' Roslyn cannot
/// compile them): a fix on one is named as the user reads it, in the manifest and in RP0001, and
/// is reported once.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ExtensionMemberTests(PackedPackages packages)
{
    private const string Money = """
        using RegressionProof;

        namespace Shop;

        public static class MoneyExtensions
        {
            extension(decimal amount)
            {
                [Fixes("INTAKE-7")]
                public decimal Rounded() => decimal.Round(amount, 2);

                [Fixes("INTAKE-8")]
                public bool IsFree => amount == 0;
            }
        }
        """;

    private const string Tests = """
        using RegressionProof;
        using Shop;
        using Xunit;

        namespace Shop.Tests;

        public class MoneyTests
        {
            [Fact, RegressionFor("INTAKE-7")]
            public void Rounding_keeps_two_decimals() => Assert.Equal(0.33m, (1m / 3m).Rounded());
        }
        """;

    [Fact]
    public void A_fix_on_an_extension_member_is_named_as_the_user_reads_it_and_reported_once()
    {
        using var solution = new ConsumerSolution(packages);
        solution.AddProject("Shop", [], [], new Dictionary<string, string> { ["Money.cs"] = Money }, "<LangVersion>14</LangVersion>");
        solution.AddProject(
            "Shop.Tests", ["xunit/2.9.3"], ["Shop"], new Dictionary<string, string> { ["MoneyTests.cs"] = Tests },
            "<LangVersion>14</LangVersion><RegressionProofAggregate>true</RegressionProofAggregate>");

        var build = solution.Build("Shop.Tests");

        // The manifest's symbols are those of the enclosing class with the receiver first, never
        // the compiler's name for the extension block.
        var shop = AssemblyManifestReader.Read(System.IO.Path.Combine(solution.Root, "Shop", "bin", "Debug", "net10.0", "Shop.dll"));
        Assert.NotNull(shop);
        Assert.Equal(
            ["INTAKE-7 M:Shop.MoneyExtensions.Rounded(System.Decimal)", "INTAKE-8 P:Shop.MoneyExtensions.IsFree(System.Decimal)"],
            shop!.Links.Select(l => $"{l.Card} {l.Symbol}").Order(System.StringComparer.Ordinal));
        Assert.DoesNotContain(shop.Links, l => l.Symbol.Contains('$', System.StringComparison.Ordinal) || l.Symbol.Contains('<', System.StringComparison.Ordinal));

        // INTAKE-7 is proven; INTAKE-8 is reported once, by the name in the source.
        Assert.True(build.ExitCode != 0, build.Output);
        var reported = ConsumerSolution.Diagnostics(build.Output, "RP0001");
        var only = Assert.Single(reported);
        Assert.Contains("MoneyExtensions.extension(decimal).IsFree' fixes INTAKE-8,", only, System.StringComparison.Ordinal);
    }
}
