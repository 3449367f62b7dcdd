using System;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Checks;

/// <summary>
/// RPG018, a minor release's doc updates (each added public type named in the changelog section,
/// or a docs change recorded), and RPG019, a major release's customer-readiness check.
/// </summary>
public sealed class DocUpdatesAndCustomerReadinessTests
{
    private static readonly ManifestLink[] Proven = [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")];

    private static readonly string[] Before = ["class Shop.Cart | public"];

    private static readonly string[] After = ["class Shop.Cart | public", "class Shop.Cards.GiftCard<T> | public", "method Shop.Cart.Redeem(Shop.Cards.GiftCard<int>) : void | public"];

    private static GateInput Minor(string changelogExtra = "", string[]? docs = null, bool withBaseline = true)
    {
        var release = Given.Release(ReleaseClass.Minor, version: "2.5.0") with { Docs = docs ?? [] };
        return Given.Input(release, Proven, Given.Changelog(release, changelogExtra), baseline: withBaseline ? Given.Baseline(Proven, api: Before) : null, api: After);
    }

    [Fact]
    public void Minor_fails_when_an_added_public_type_is_not_named_in_its_changelog_section()
    {
        var finding = Assert.Single(DocUpdatesCheck.Check(Minor("### Added\n- Gift cards at checkout.\n")));

        Assert.Equal(("RPG018", FindingLevel.Error), (finding.RuleId, finding.Level));
        Assert.Equal("minor 2.5.0 adds 1 public type that its changelog section does not name and records no docs change: Shop.Cards.GiftCard<T>", finding.Message);
    }

    [Theory]
    [InlineData("### Added\n- `GiftCard<T>`: pay with gift cards at checkout.\n")]
    [InlineData("### Added\n- Shop.Cards.GiftCard pays at checkout.\n")]
    public void Minor_passes_when_its_changelog_section_names_each_added_type(string section)
    {
        Assert.Empty(DocUpdatesCheck.Check(Minor(section)));
    }

    [Fact]
    public void A_type_is_named_only_as_a_whole_identifier()
    {
        Assert.Single(DocUpdatesCheck.Check(Minor("### Added\n- GiftCards and MyGiftCard.\n")));
    }

    [Fact]
    public void Minor_passes_when_the_release_file_records_its_docs_change()
    {
        Assert.Empty(DocUpdatesCheck.Check(Minor(docs: ["docs/gift-cards.md"])));
    }

    [Fact]
    public void Minor_without_a_baseline_or_docs_is_not_verified_a_warning()
    {
        var finding = Assert.Single(DocUpdatesCheck.Check(Minor(withBaseline: false)));

        Assert.Equal(FindingLevel.Warning, finding.Level);
        Assert.StartsWith("doc updates of minor 2.5.0 not verified: without --baseline", finding.Message, StringComparison.Ordinal);
        Assert.Empty(DocUpdatesCheck.Check(Minor(docs: ["docs/gift-cards.md"], withBaseline: false)));
    }

    [Theory]
    [InlineData(ReleaseClass.Patch)]
    [InlineData(ReleaseClass.Major)]
    public void Only_a_minor_release_is_asked_for_doc_updates(ReleaseClass releaseClass)
    {
        var release = Given.Release(releaseClass);

        Assert.Empty(DocUpdatesCheck.Check(Given.Input(release, Proven, baseline: Given.Baseline(Proven, api: Before), api: After)));
    }

    [Theory]
    [InlineData("Shop.Cards.GiftCard<T>", "GiftCard")]
    [InlineData("Shop.Outer<T>.Inner<U, V>", "Inner")]
    [InlineData("Global", "Global")]
    public void A_type_is_named_by_its_own_name_without_type_parameters(string fullName, string name)
    {
        Assert.Equal(name, DocUpdatesCheck.SimpleName(fullName));
    }

    [Fact]
    public void The_doc_updates_finding_points_at_the_changelog()
    {
        var findings = Gatekeeper.Decide(Minor());

        Assert.Equal(new SourceLocation("CHANGELOG.md", 0), Assert.Single(findings, f => f.RuleId == "RPG018").Location);
    }

    private static GateInput Major(string readiness, DateOnly? asOf = null)
    {
        var release = ReleaseFileReader.Parse("release.json", $$"""
            { "version": "3.0.0",
              "class": "major",
              "cards": [ { "id": "INTAKE-1" } ]{{readiness}} }
            """);
        return Given.Input(release, Proven, Given.Changelog(release, "### Customer notice\nThe v1 API is gone."), asOf: asOf);
    }

    [Fact]
    public void Major_fails_without_a_customer_readiness_check()
    {
        var finding = Assert.Single(CustomerReadinessCheck.Check(Major(string.Empty)));

        Assert.Equal(("RPG019", FindingLevel.Error, "major 3.0.0 records no customer-readiness check"), (finding.RuleId, finding.Level, finding.Message));
        Assert.Contains("\"customerReadiness\"", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Major_passes_with_a_customer_readiness_check_made_by_the_as_of_day()
    {
        Assert.Empty(CustomerReadinessCheck.Check(Major(",\n  \"customerReadiness\": { \"by\": \"pat\", \"on\": \"2026-11-24\" }")));
    }

    [Fact]
    public void A_customer_readiness_check_dated_after_as_of_has_not_been_made_and_points_at_its_line()
    {
        var input = Major(",\n  \"customerReadiness\": { \"by\": \"pat\", \"on\": \"2026-11-25\" }");

        var finding = Assert.Single(Gatekeeper.Decide(input), f => f.RuleId == "RPG019");

        Assert.Equal("major 3.0.0 records its customer-readiness check on 2026-11-25, after 2026-11-24 (--as-of): it has not been made yet", finding.Message);
        Assert.Equal(new SourceLocation("release.json", 4), finding.Location);
    }

    [Theory]
    [InlineData(ReleaseClass.Patch)]
    [InlineData(ReleaseClass.Minor)]
    public void Only_a_major_release_is_asked_for_a_customer_readiness_check(ReleaseClass releaseClass)
    {
        Assert.Empty(CustomerReadinessCheck.Check(Given.Input(Given.Release(releaseClass), Proven)));
    }

    [Fact]
    public void The_policy_rows_are_RPG017_to_RPG019_in_the_table()
    {
        Assert.Equal(
            [("RPG017", "additional CI"), ("RPG018", "minor doc updates"), ("RPG019", "major customer readiness")],
            new[] { Policies.AdditionalCi, Policies.DocUpdates, Policies.CustomerReadiness }.Select(p => (p.RuleId, p.Name)));
        Assert.Subset(Policies.All.ToHashSet(), new[] { Policies.AdditionalCi, Policies.DocUpdates, Policies.CustomerReadiness }.ToHashSet());
    }
}
