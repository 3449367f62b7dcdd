namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// The shop most end-to-end solutions start from: a price calculation whose fix is linked to a
/// card, and the packages of its xunit test project. Its layout is part of what the tests check
/// (the <c>[Fixes]</c> is on line 7, column 6 of <c>Pricing.cs</c>).
/// </summary>
internal static class ShopSample
{
    /// <summary>The packages of an xunit test project that <c>dotnet test</c> runs.</summary>
    public static readonly string[] XunitTestPackages = ["Microsoft.NET.Test.Sdk/18.11.0", "xunit/2.9.3", "xunit.runner.visualstudio/3.1.5"];

    /// <summary>
    /// A patch release file of one P1 regression card, <c>INTAKE-1</c>, with its owner, backup,
    /// evidence, approvals and a tested rollback to <paramref name="previous"/>: all a patch needs.
    /// </summary>
    public static string PatchRelease(string version, string previous) => $$"""
        {
          "version": "{{version}}", "class": "patch",
          "approvals": [{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }],
          "rollback": { "plan": "redeploy {{previous}}", "tested": true, "mechanism": "hotfix-image" },
          "cards": [
            { "id": "INTAKE-1", "title": "Discount can go negative", "priority": "P1", "reason": "regression",
              "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/INTAKE-1"] }
          ]
        }
        """;

    /// <summary><c>Shop.Pricing.ApplyDiscount</c>, the fix of <paramref name="card"/>.</summary>
    public static string Pricing(string card) => $$"""
        using RegressionProof;

        namespace Shop;

        public class Pricing
        {
            [Fixes("{{card}}")]
            public decimal ApplyDiscount(decimal price, decimal discount) => Math.Max(0, price - discount);
        }
        """;
}
