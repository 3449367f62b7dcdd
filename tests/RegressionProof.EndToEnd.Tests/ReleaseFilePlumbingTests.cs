using System.Collections.Generic;
using Xunit;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// The package's build files find release.json upward and hand it to the analyzers, which check
/// card IDs against it (RP0007) or say exactly where it is broken (RP0010).
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ReleaseFilePlumbingTests(PackedPackages packages)
{
    private static readonly Dictionary<string, string> Sources = new()
    {
        ["Pricing.cs"] = """
            using RegressionProof;

            namespace Shop;

            public class Pricing
            {
                [Fixes("INTAKE-123")]
                public decimal ApplyDiscount(decimal price) => price;

                [Fixes("INTAKE-999")]
                public decimal Round(decimal price) => price;
            }
            """,
    };

    [Fact]
    public void A_release_json_in_a_parent_folder_is_found_and_unknown_cards_are_reported()
    {
        using var solution = new ConsumerSolution(packages);
        solution.WriteFile("release.json", """{ "version": "1.0.0", "class": "patch", "cards": [ { "id": "INTAKE-123" } ] }""");
        solution.AddProject("Shop", [], [], Sources);

        var build = solution.Build("Shop");

        Assert.True(build.ExitCode == 0, build.Output);
        var rp0007 = ConsumerSolution.Diagnostics(build.Output, "RP0007");
        Assert.True(rp0007.Count == 1, build.Output);
        Assert.Contains("Pricing.cs(10,12): warning RP0007: INTAKE-999 on 'Pricing.Round(decimal)' is not a card of the release file 'release.json'", rp0007[0], System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_release_json_is_reported_once_with_file_line_and_column()
    {
        using var solution = new ConsumerSolution(packages);
        solution.WriteFile("release.json", "{\n  \"cards\": [\n    { \"id\": \"INTAKE-123\" }\n    { \"id\": \"INTAKE-124\" }\n  ]\n}\n");
        solution.AddProject("Shop", [], [], Sources);

        var build = solution.Build("Shop");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(ConsumerSolution.Diagnostics(build.Output, "RP0007"));
        var rp0010 = ConsumerSolution.Diagnostics(build.Output, "RP0010");
        Assert.True(rp0010.Count == 1, build.Output);
        Assert.True(rp0010[0].Contains("release.json(4,5): warning RP0010:", System.StringComparison.Ordinal), rp0010[0]);
        Assert.Contains("is not valid at line 4, column 5: unexpected '{'; expected ',' or ']'", rp0010[0], System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_next_release_build_knows_the_cards_of_the_baseline_set_through_RegressionProofBaseline()
    {
        using var solution = new ConsumerSolution(packages);

        // release.json has moved on to 1.0.1; INTAKE-123 shipped in 1.0.0 and its attribute stays.
        solution.WriteFile("release.json", """{ "version": "1.0.1", "class": "patch", "cards": [ { "id": "INTAKE-124" } ] }""");
        solution.WriteFile("releases/1.0.0/coverage-manifest.json", """
            { "schema": "regression-proof/coverage/v1", "release": { "version": "1.0.0", "class": "minor", "lane": "standard" },
              "asOf": "2026-11-02", "verdict": "pass",
              "cards": [ { "id": "INTAKE-123", "status": "proven", "fixes": 1, "proofs": 1 } ],
              "retired": [], "assemblies": [], "links": [], "findings": [] }
            """);
        solution.AddProject("Shop", [], [], Sources, "<RegressionProofBaseline>../releases/1.0.0/coverage-manifest.json</RegressionProofBaseline>");

        var build = solution.Build("Shop");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(ConsumerSolution.Diagnostics(build.Output, "RP0010"));
        var rp0007 = ConsumerSolution.Diagnostics(build.Output, "RP0007");
        Assert.True(rp0007.Count == 1, build.Output);
        Assert.Contains("INTAKE-999 on 'Pricing.Round(decimal)'", rp0007[0], System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_json_above_the_repository_root_is_not_picked_up()
    {
        // The project folder is a repository of its own (it has .git); the release.json one folder up is a stray.
        using var solution = new ConsumerSolution(packages);
        solution.WriteFile("release.json", """{ "version": "1.0.0", "class": "patch", "cards": [ { "id": "INTAKE-123" } ] }""");
        solution.WriteFile("Shop/.git/HEAD", "ref: refs/heads/main\n");
        solution.AddProject("Shop", [], [], Sources);

        var build = solution.Build("Shop");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(ConsumerSolution.Diagnostics(build.Output, "RP0007"));
        Assert.Empty(ConsumerSolution.Diagnostics(build.Output, "RP0010"));
    }

    [Fact]
    public void Without_a_release_json_nothing_is_checked_or_reported()
    {
        using var solution = new ConsumerSolution(packages);
        solution.AddProject("Shop", [], [], Sources);

        var build = solution.Build("Shop");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(ConsumerSolution.Diagnostics(build.Output, "RP0007"));
        Assert.Empty(ConsumerSolution.Diagnostics(build.Output, "RP0010"));
    }
}
