using System.Collections.Generic;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// An MSTest 4 project on Microsoft.Testing.Platform, run as SDK 10's <c>dotnet test</c> runs it when
/// <c>global.json</c> opts in, with <c>--report-trx</c> (where VSTest's <c>--logger trx</c> is an
/// unknown option), and gated by the installed tool: a passing proof passes the release, a
/// failing one fails it naming the result file.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class MicrosoftTestingPlatformTests(PackedPackages packages)
{
    private static string Tests(string body) => $$"""
        using Microsoft.VisualStudio.TestTools.UnitTesting;
        using RegressionProof;
        using Shop;

        namespace Shop.Tests;

        [TestClass]
        public class PricingTests
        {
            [TestMethod, RegressionFor("INTAKE-1")]
            [DataRow(10, 25)]
            [DataRow(0, 1)]
            public void Discount_never_makes_the_price_negative(int price, int discount) => {{body}};
        }
        """;

    [Fact]
    public void An_mstest_project_run_with_report_trx_is_gated_pass_and_fail()
    {
        using var solution = new ConsumerSolution(packages);
        solution.WriteFile("global.json", """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        GatedRelease.Write(solution, "INTAKE-1");
        solution.AddProject(
            "Shop.Tests",
            ["MSTest.TestFramework/4.5.3", "MSTest.TestAdapter/4.5.3", "Microsoft.Testing.Extensions.TrxReport/2.5.2"],
            ["Shop"],
            new Dictionary<string, string> { ["PricingTests.cs"] = Tests("Assert.AreEqual(0m, new Pricing().Fix0(price - discount))") },
            "<OutputType>Exe</OutputType>\n<EnableMSTestRunner>true</EnableMSTestRunner>");

        var test = DotnetCli.Run(solution.Root, "dotnet", "test --project Shop.Tests/Shop.Tests.csproj -c Release --report-trx --results-directory results/pass");
        Assert.True(test.ExitCode == 0, test.Output);

        var pass = solution.Gate($"Shop.Tests/Shop.Tests.csproj --no-build --as-of {GatedRelease.AsOf} --test-results results/pass --release release.json --changelog CHANGELOG.md");
        Assert.True(pass.ExitCode == 0, pass.Output);
        Assert.Contains("PASS: release 1.2.3 passes the gate", pass.Output, System.StringComparison.Ordinal);

        // The proof now fails for one row; Microsoft.Testing.Platform exits 2 for a failed test.
        solution.WriteFile("Shop.Tests/PricingTests.cs", Tests("Assert.AreEqual(price, new Pricing().Fix0(price - discount))"));
        var failing = DotnetCli.Run(solution.Root, "dotnet", "test --project Shop.Tests/Shop.Tests.csproj -c Release --report-trx --results-directory results/fail");
        Assert.True(failing.ExitCode != 0, failing.Output);

        var fail = solution.Gate($"Shop.Tests/Shop.Tests.csproj --no-build --as-of {GatedRelease.AsOf} --test-results results/fail --release release.json --changelog CHANGELOG.md");
        Assert.True(fail.ExitCode == 1, fail.Output);
        Assert.Contains("the proof of INTAKE-1 Shop.Tests.PricingTests.Discount_never_makes_the_price_negative failed (in results/fail/Shop.Tests_net10.0_", fail.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", fail.Output, System.StringComparison.Ordinal);
    }
}
