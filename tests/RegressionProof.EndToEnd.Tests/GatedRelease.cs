using System.Collections.Generic;
using System.Linq;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>The release file, changelog and production code of a small shop whose cards the result-format tests gate.</summary>
internal static class GatedRelease
{
    public const string AsOf = "2026-11-24";

    /// <summary>Writes <c>release.json</c> and <c>CHANGELOG.md</c> for a patch release of the cards, and the <c>Shop</c> project that fixes them.</summary>
    public static void Write(ConsumerSolution solution, params string[] cards)
    {
        solution.WriteFile("release.json", $$"""
            {
              "version": "1.2.3", "class": "patch",
              "approvals": [{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }],
              "rollback": { "plan": "redeploy 1.2.2", "tested": true, "mechanism": "hotfix-image" },
              "cards": [{{string.Join(",\n", cards.Select(Card))}}]
            }
            """);
        solution.WriteFile("CHANGELOG.md", "# Changelog\n\n## [1.2.3]\n" + string.Concat(cards.Select(id => $"- Fixed {id}\n")));
        solution.AddProject("Shop", [], [], new Dictionary<string, string>
        {
            ["Pricing.cs"] = "using RegressionProof;\n\nnamespace Shop;\n\npublic class Pricing\n{\n"
                + string.Concat(cards.Select((id, i) => $"    [Fixes(\"{id}\")]\n    public decimal Fix{i}(decimal price) => Math.Max(0, price);\n\n"))
                + "}\n",
        });
    }

    private static string Card(string id) => $$"""
        { "id": "{{id}}", "title": "Card {{id}}", "priority": "P1", "reason": "regression",
          "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/{{id}}"] }
        """;
}
