using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using RegressionProof.Gate.Tests.Api;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Scope;

/// <summary>
/// RPG016, the scope report: two builds of a small shop compiled here, the first gated and its
/// coverage manifest read back as the baseline of the second. Every member changed since then
/// that is not a fix of a card of the release is reported: a warning in a patch, an error in the
/// fast-patch lane, information in minor and major releases.
/// </summary>
public sealed class ScopeCheckTests : IDisposable
{
    private const string Total = "M:Shop.Pricing.Total(System.Decimal[])";
    private const string Discount = "M:Shop.Pricing.Discount(System.Decimal)";

    private const string Shop = """
        using System.Linq;

        namespace Shop;

        public class Pricing
        {
            public decimal Total(decimal[] lines) => lines.Where(l => l > 0).Sum();

            public decimal Discount(decimal price) => new[] { price }.Select(p => p * 0.9m).Single();

            public string Label => "Pricing";
        }
        """;

    private const string ShopTests = """
        namespace Shop.Tests;

        public class PricingTests
        {
            [Xunit.Fact]
            public void Total_skips_refunds() => System.Console.WriteLine("one");
        }
        """;

    private readonly TempFolder _folder = new();
    private int _builds;

    [Theory]
    [InlineData(nameof(ReleaseLane.Standard))]
    [InlineData(nameof(ReleaseLane.FastPatch))]
    public void An_unchanged_member_whose_tokens_and_generated_names_moved_is_not_a_change(string laneName)
    {
        var lane = Enum.Parse<ReleaseLane>(laneName);
        // A new type and a new member with lambdas, declared before Pricing's members, renumber
        // every token, string and lambda of the code that did not change.
        var shifted = Shop
            .Replace("namespace Shop;", "namespace Shop;\n\npublic static class Audit { public static int Count(int[] xs) => xs.Count(x => x > 2) + \"audit\".Length; }", StringComparison.Ordinal)
            .Replace("    public decimal Total(", "    public int Lines(int[] xs) => xs.Select(x => x + 1).Where(x => x > 1).Count();\n\n    public decimal Total(", StringComparison.Ordinal);

        var result = Gate(Shop, shifted, ReleaseClass.Patch, lane, fixes: ["M:Shop.Pricing.Lines(System.Int32[])", "T:Shop.Audit"]);

        Assert.Empty(Scope(result));
        Assert.Equal("Scope: 2 members changed since the baseline, none outside the cards of this release", ScopeCheck.Describe(result.Input));
    }

    [Fact]
    public void A_changed_member_that_is_no_fix_of_the_release_is_a_warning_in_a_patch()
    {
        var result = Gate(Shop, Shop.Replace("p * 0.9m", "p * 0.8m", StringComparison.Ordinal), ReleaseClass.Patch, ReleaseLane.Standard, fixes: [Total]);

        var finding = Assert.Single(Scope(result));
        Assert.Equal(FindingLevel.Warning, finding.Level);
        Assert.Equal($"{Discount} in Shop changed since the baseline, and it is neither a fix nor a proof of a card of this release: a patch allows no scope creep", finding.Message);
        Assert.False(finding.Fails);
        Assert.Equal($"Scope: 1 of 1 member changed since the baseline is outside the cards of this release: {Discount} (changed)", ScopeCheck.Describe(result.Input));
        Assert.Contains($"Scope: 1 of 1 member changed", SummaryWriter.Write(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_member_that_is_no_fix_of_the_release_fails_the_fast_patch_lane()
    {
        var result = Gate(Shop, Shop.Replace("p * 0.9m", "p * 0.8m", StringComparison.Ordinal), ReleaseClass.Patch, ReleaseLane.FastPatch, fixes: [Total]);

        var finding = Assert.Single(Scope(result));
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Equal("RPG016", finding.RuleId);
        Assert.EndsWith("the fast-patch lane allows no additional scope", finding.Message, StringComparison.Ordinal);
        Assert.True(finding.Fails);
    }

    [Theory]
    [InlineData("l => l > 0", "l => l >= 0")] // the lambda the compiler generated inside the fix
    [InlineData(".Sum()", ".Max()")]           // the fix's own code
    public void A_change_inside_a_fix_of_a_card_of_the_release_is_in_scope(string from, string to)
    {
        var result = Gate(Shop, Shop.Replace(from, to, StringComparison.Ordinal), ReleaseClass.Patch, ReleaseLane.FastPatch, fixes: [Total]);

        Assert.Empty(Scope(result));
        Assert.Equal("Scope: 1 member changed since the baseline, none outside the cards of this release", ScopeCheck.Describe(result.Input));
    }

    [Fact]
    public void A_changed_lambda_of_a_member_that_is_no_fix_names_the_member_it_is_written_in()
    {
        var result = Gate(Shop, Shop.Replace("l => l > 0", "l => l >= 0", StringComparison.Ordinal), ReleaseClass.Patch, ReleaseLane.FastPatch, fixes: [Discount]);

        var finding = Assert.Single(Scope(result));
        Assert.StartsWith(Total + " in Shop changed since the baseline", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("b__", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fix_on_a_lambda_puts_the_member_it_is_written_in_in_scope()
    {
        var result = Gate(Shop, Shop.Replace("l => l > 0", "l => l >= 0", StringComparison.Ordinal), ReleaseClass.Patch, ReleaseLane.FastPatch, fixes: [Total + "#lambda1"]);

        Assert.Empty(Scope(result));
    }

    [Fact]
    public void A_proof_of_a_card_of_the_release_added_with_its_fix_is_in_scope()
    {
        var after = Shop.Replace(".Sum()", ".Max()", StringComparison.Ordinal) + "\npublic static class Probes { public static bool Total_never_negative() => new Pricing().Total([-1m]) >= 0; }";

        var result = Gate(Shop, after, ReleaseClass.Patch, ReleaseLane.FastPatch, fixes: [Total, "probe M:Shop.Probes.Total_never_negative"]);

        Assert.Empty(Scope(result));
        Assert.Equal("Scope: 2 members changed since the baseline, none outside the cards of this release", ScopeCheck.Describe(result.Input));
    }

    [Fact]
    public void Added_and_removed_members_are_changes_too()
    {
        var after = Shop.Replace("    public string Label => \"Pricing\";\n", "    public decimal Round(decimal x) => decimal.Round(x, 2);\n", StringComparison.Ordinal);

        var result = Gate(Shop, after, ReleaseClass.Patch, ReleaseLane.Standard, fixes: [Total]);

        Assert.Equal(
            ["M:Shop.Pricing.Round(System.Decimal) in Shop added", "P:Shop.Pricing.Label in Shop removed"],
            Scope(result).Select(f => f.Message[..f.Message.IndexOf(" since", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Test_code_is_outside_the_scope_report()
    {
        var result = Gate(Shop, Shop, ReleaseClass.Patch, ReleaseLane.FastPatch, fixes: [Total],
            testsBefore: ShopTests, testsAfter: ShopTests.Replace("one", "two", StringComparison.Ordinal) + "\npublic class More { public int N() => 2; }");

        Assert.Empty(Scope(result));
        Assert.Equal(["Shop", "Shop.Tests"], result.Input.Assemblies.Select(a => a.Name));
        Assert.Null(result.Input.Assemblies[1].MemberHashes);
    }

    [Theory]
    [InlineData(nameof(ReleaseClass.Minor))]
    [InlineData(nameof(ReleaseClass.Major))]
    public void Minor_and_major_releases_print_the_scope_report_as_information(string className)
    {
        var releaseClass = Enum.Parse<ReleaseClass>(className);
        var result = Gate(Shop, Shop.Replace("p * 0.9m", "p * 0.8m", StringComparison.Ordinal), releaseClass, ReleaseLane.Standard, fixes: [Total]);

        Assert.Empty(Scope(result));
        var line = $"Scope: 1 of 1 member changed since the baseline is outside the cards of this release: {Discount} (changed)";
        Assert.Contains(line, SummaryWriter.Write(result), StringComparison.Ordinal);
        Assert.Contains($"## Scope\n\nMembers changed since the baseline that are neither a fix nor a proof of a card of this release:\n\n- {Discount} (Shop): changed\n", ReleaseLogWriter.Write(result), StringComparison.Ordinal);
        Assert.Contains(line["Scope: ".Length..], HtmlReportWriter.Write(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_without_member_hashes_leaves_the_scope_not_verified_and_fails_nothing()
    {
        var result = Gate(Shop, Shop.Replace("p * 0.9m", "p * 0.8m", StringComparison.Ordinal), ReleaseClass.Patch, ReleaseLane.FastPatch, fixes: [Total], baselineWithoutHashes: true);

        Assert.Empty(Scope(result));
        Assert.Equal("Scope: not verified (the baseline has no member hashes; a coverage manifest written by this version has them)", ScopeCheck.Describe(result.Input));
        Assert.Contains("Scope: not verified", SummaryWriter.Write(result), StringComparison.Ordinal);
    }

    [Fact]
    public void The_coverage_manifest_records_the_member_hashes_of_production_assemblies_and_the_baseline_reads_them_back()
    {
        var build = Build(Shop, ShopTests);
        var input = new GateInput(Given.Release(), Given.Changelog(Given.Release()), AssemblyScanner.Scan(build, _folder.Path), null, null, Given.Today);
        var json = CoverageManifestWriter.Write(new GateResult(input, Gatekeeper.Decide(input)));

        var baseline = BaselineReader.Read(_folder.Write("baseline.json", json));

        Assert.Equal(input.Assemblies[0].MemberHashes, baseline.MemberHashes["Shop"]);
        Assert.Equal(["M:Shop.Pricing.#ctor", Discount, Total, "P:Shop.Pricing.Label"], baseline.MemberHashes["Shop"].Keys.Order(StringComparer.Ordinal));
        Assert.Matches("\"M:Shop.Pricing.Total\\(System.Decimal\\[\\]\\)\": \"[0-9a-f]{16}\"", json);
        Assert.False(baseline.MemberHashes.ContainsKey("Shop.Tests"));
    }

    [Fact]
    public void Without_a_baseline_there_is_no_scope_report()
    {
        var input = new GateInput(Given.Release(), Given.Changelog(Given.Release()), AssemblyScanner.Scan(Build(Shop, null), _folder.Path), null, null, Given.Today);

        Assert.Null(ScopeCheck.Describe(input));
        Assert.DoesNotContain("Scope:", SummaryWriter.Write(new GateResult(input, Gatekeeper.Decide(input))), StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_row_is_RPG016_after_RPG015_in_the_table_and_quotes_the_policy()
    {
        Assert.Equal(("RPG016", "no scope creep"), (Policies.Scope.RuleId, Policies.Scope.Name));
        Assert.Equal(Policies.Scope, Policies.All[Policies.All.ToList().IndexOf(Policies.ReleaseLabels) + 1]);
        Assert.Contains("\"no scope creep allowed\"", Policies.Scope.Reason, StringComparison.Ordinal);
        Assert.Contains("\"no additional scope allowed\"", Policies.Scope.Reason, StringComparison.Ordinal);
    }

    private static IEnumerable<Finding> Scope(GateResult result) => result.Findings.Where(f => f.RuleId == "RPG016");

    /// <summary>Gates the build of <paramref name="after"/> with the coverage manifest of the build of <paramref name="before"/> as its baseline.</summary>
    private GateResult Gate(string before, string after, ReleaseClass releaseClass, ReleaseLane lane, string[] fixes,
        string? testsBefore = null, string? testsAfter = null, bool baselineWithoutHashes = false)
    {
        var earlier = new GateInput(Given.Release(version: "2.4.0"), Given.Changelog(Given.Release()), AssemblyScanner.Scan(Build(before, testsBefore), _folder.Path), null, null, Given.Today);
        var json = CoverageManifestWriter.Write(new GateResult(earlier, Gatekeeper.Decide(earlier)));
        if (baselineWithoutHashes)
        {
            json = System.Text.RegularExpressions.Regex.Replace(json, ",\\s*\"memberHashes\": \\{[^}]*\\}", string.Empty);
            Assert.DoesNotContain("memberHashes", json, StringComparison.Ordinal);
        }

        var baseline = BaselineReader.Read(_folder.Write($"baseline{_builds}.json", json));
        var release = Given.Release(releaseClass, lane);
        var input = new GateInput(release, Given.Changelog(release), AssemblyScanner.Scan(Build(after, testsAfter, fixes), _folder.Path), null, baseline, Given.Today);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    /// <summary>Builds Shop (and Shop.Tests) into a folder of their own, each with a manifest whose fixes of INTAKE-1 name <paramref name="fixes"/>.</summary>
    private IReadOnlyList<string> Build(string shop, string? tests, params string[] fixes)
    {
        var folder = Path.Combine(_folder.Path, $"build{++_builds}");
        Directory.CreateDirectory(folder);
        // "probe M:…" is a synthetic probe of INTAKE-1, any other symbol a fix.
        var links = string.Join(",", fixes.Select(fix => fix.StartsWith("probe ", StringComparison.Ordinal)
            ? $$"""{"kind":"synthetic-probe","card":"INTAKE-1","symbol":"{{fix[6..]}}","display":"{{fix[8..]}}","path":"src/Shop/Probes.cs","line":3,"signal":"error","fingerprint":"sha256:bb"}"""
            : $$"""{"kind":"fixes","card":"INTAKE-1","symbol":"{{fix}}","display":"{{fix[2..]}}","path":"src/Shop/Pricing.cs","line":7,"fingerprint":"sha256:aa"}"""));
        var files = new List<string> { Write(folder, "Shop", shop, links, true) };
        if (tests is not null)
        {
            files.Add(Write(folder, "Shop.Tests", tests, string.Empty, false, MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location)));
        }

        return files;
    }

    private static string Write(string folder, string name, string source, string links, bool publicApiChecked, params MetadataReference[] references)
    {
        var manifest = $$"""{"schema":"regression-proof/manifest/v1","assembly":"{{name}}","publicApiChecked":{{(publicApiChecked ? "true" : "false")}},"links":[{{links}}]}""";
        var path = Path.Combine(folder, name + ".dll");
        File.WriteAllBytes(path, ApiLibrary.Compile(source.Replace("namespace ", TestAssemblies.WithManifest(manifest) + "\nnamespace ", StringComparison.Ordinal), name, references));
        return path;
    }

    public void Dispose() => _folder.Dispose();
}
