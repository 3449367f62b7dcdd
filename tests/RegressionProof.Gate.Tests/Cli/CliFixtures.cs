using System.IO;
using RegressionProof.Manifest.Tests;

namespace RegressionProof.Gate.Tests.Cli;

/// <summary>A one-card shop: its fix and test proof as manifests, and a release of that card.</summary>
internal static class CliFixtures
{
    public const string FixLink =
        """{"kind":"fixes","card":"INTAKE-1","symbol":"M:Shop.Pricing.Apply","display":"Pricing.Apply()","path":"src/Shop/Pricing.cs","line":7,"fingerprint":"sha256:aa"}""";

    public const string ProofLink =
        """{"kind":"regression-for","card":"INTAKE-1","symbol":"M:Shop.Tests.PricingTests.Never_negative","display":"PricingTests.Never_negative()","path":"tests/Shop.Tests/PricingTests.cs","line":9,"framework":"xunit","test":"Shop.Tests.PricingTests.Never_negative","level":"unit","fingerprint":"sha256:bb"}""";

    public const string ProvenManifest = """{"schema":"regression-proof/manifest/v1","assembly":"Shop","links":[""" + FixLink + "," + ProofLink + "]}";

    public const string UnprovenManifest = """{"schema":"regression-proof/manifest/v1","assembly":"Shop","links":[""" + FixLink + "]}";

    public const string Release = """
        {
          "version": "2.4.1", "class": "patch",
          "approvals": [{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }],
          "rollback": { "plan": "redeploy 2.4.0", "tested": true, "mechanism": "hotfix-image" },
          "cards": [{ "id": "INTAKE-1", "title": "Discount can go negative", "priority": "P1", "reason": "regression",
                      "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/INTAKE-1"] }]
        }
        """;

    /// <summary>The test proof of INTAKE-1, as a TRX result with the given outcome.</summary>
    public static string Trx(string outcome) => $"""
        <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>
          <UnitTestResult testId="t1" testName="Shop.Tests.PricingTests.Never_negative" outcome="{outcome}" /></Results>
          <TestDefinitions><UnitTest id="t1"><TestMethod className="Shop.Tests.PricingTests" name="Never_negative" /></UnitTest></TestDefinitions></TestRun>
        """;

    /// <summary>Shop.dll in <paramref name="folder"/>/bin, carrying <paramref name="manifest"/>.</summary>
    public static void BuildShop(string folder, string manifest)
    {
        Directory.CreateDirectory(Path.Combine(folder, "bin"));
        TestAssemblies.Build(Path.Combine(folder, "bin"), "Shop",
            TestAssemblies.WithManifest(manifest) + "\nnamespace Shop { public class Pricing { public decimal Apply() => 0; } }");
    }
}
