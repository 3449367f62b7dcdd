using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Model;

/// <summary>What changed since the previous release, as every report shows it.</summary>
public sealed class ReleaseDeltaTests
{
    private static GateResult Decided(GateInput input) => new(input, Gatekeeper.Decide(input));

    [Fact]
    public void Cards_added_are_those_the_baseline_did_not_list_and_cards_retired_those_retired_since()
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2")], retired: ["OLD-1", "OLD-0"]);
        var baseline = Given.Baseline([Given.Test("INTAKE-1")], cards: ["INTAKE-1", "OLD-1"]) with { Retired = ["OLD-0"] };

        var delta = BetweenReleases.Delta(Decided(Given.Input(release, [Given.Test("INTAKE-1"), Given.Test("INTAKE-2")], baseline: baseline)))!;

        Assert.Equal(["INTAKE-2"], delta.CardsAdded.Select(card => card.Id));
        Assert.Equal(["OLD-1"], delta.CardsRetired);
        Assert.Equal("2.4.0", delta.BaselineVersion);
    }

    [Fact]
    public void Proofs_added_and_removed_are_matched_by_kind_card_and_symbol_and_listed_by_card()
    {
        var baseline = Given.Baseline([Given.Test("INTAKE-1"), Given.Probe("OLD-1"), Given.Fix("OLD-1")], cards: ["INTAKE-1"]);
        var now = new[]
        {
            Given.Test("INTAKE-1", fingerprint: "sha256:changed"),
            Given.Manual("INTAKE-2", "2026-12-01"),
            Given.Test("INTAKE-2", "Shop.Tests.T.Second"),
            Given.Test("INTAKE-2", "Shop.Tests.T.First"),
            Given.Fix("INTAKE-2"),
        };
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2")]);

        var delta = BetweenReleases.Delta(Decided(Given.Input(release, now, baseline: baseline)))!;

        // A proof whose code changed is the same proof (RPG013 watches changes); a fix is no proof.
        Assert.Equal(
            [("INTAKE-2", "manual verification", "Shop.Pricing.Mask"), ("INTAKE-2", "automated test", "Shop.Tests.T.First"), ("INTAKE-2", "automated test", "Shop.Tests.T.Second")],
            delta.ProofsAdded.Select(p => (p.Card, ProofWords.Kind(p.Kind), p.Display)));
        Assert.Equal([("OLD-1", "synthetic probe")], delta.ProofsRemoved.Select(p => (p.Card, ProofWords.Kind(p.Kind))));
    }

    [Fact]
    public void The_public_api_is_compared_per_assembly_as_the_api_checks_compare_it()
    {
        var shopBefore = new[] { "class Shop.Pricing | public", "method Shop.Pricing.Old() : void | public", "method Shop.Pricing.Total() : decimal | public virtual" };
        var shopNow = new[] { "class Shop.Pricing | public", "method Shop.Pricing.New() : void | public", "method Shop.Pricing.Total() : decimal | public" };
        var baseline = Given.Baseline([Given.Test("INTAKE-1")]) with
        {
            PublicApi = new Dictionary<string, IReadOnlyList<string>>
            {
                ["Shop"] = shopBefore,
                ["Shop.Data"] = ["class Shop.Data.Store | public"],
                ["Shop.Tests"] = ["class Shop.Tests.T | public"],
                ["Shop.Gone"] = [],
            },
        };
        ScannedAssembly[] assemblies =
        [
            Given.Assembly("Shop", [Given.Test("INTAKE-1")], shopNow),
            Given.Assembly("Shop.Data", [], ["class Shop.Data.Store | public"]),
            Given.Assembly("Shop.Tests", [], ["class Shop.Tests.Other | public"]) with { PublicApiChecked = false },
            Given.Assembly("Shop.New", [], ["class Shop.New.Thing | public"]),
        ];
        var release = Given.Release(ReleaseClass.Major);
        var input = new GateInput(release, Given.Changelog(release), assemblies, null, baseline, Given.Today);

        var delta = BetweenReleases.Delta(Decided(input))!;

        var shop = Assert.Single(delta.Api);
        Assert.Equal("Shop", shop.Assembly);
        Assert.Equal(ApiCompatibilityCheck.Compare(baseline, assemblies[0]), shop.Comparison, new ComparisonEquality());
        Assert.Equal(["method Shop.Pricing.New() : void"], shop.Comparison.Added.Select(e => e.Identity));
        Assert.Equal(["method Shop.Pricing.Old() : void"], shop.Comparison.Removed.Select(e => e.Identity));
        Assert.Equal(["method Shop.Pricing.Total() : decimal: virtual -> (none)"], shop.Comparison.Changed.Select(c => c.ToString()));
        Assert.Equal("1 added, 1 removed, 1 changed", BetweenReleases.ApiCounts(shop.Comparison));
        Assert.Equal(["Shop.New"], delta.AssembliesAdded);
        Assert.Equal(["Shop.Gone"], delta.AssembliesRemoved);
    }

    [Fact]
    public void Suspect_proofs_are_the_suspect_proof_checks_findings()
    {
        var baseline = Given.Baseline([Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")]);
        var input = Given.Input(Given.Release(), [Given.Fix("INTAKE-1", fingerprint: "sha256:moved"), Given.Test("INTAKE-1")], baseline: baseline);
        var result = Decided(input);

        var delta = BetweenReleases.Delta(result)!;

        var suspect = Assert.Single(delta.SuspectProofs);
        Assert.Equal("RPG013", suspect.RuleId);
        Assert.Same(result.Findings.Single(f => f.RuleId == "RPG013"), suspect);
        Assert.False(delta.IsEmpty);
    }

    [Fact]
    public void A_release_like_its_baseline_changed_nothing_and_without_a_baseline_there_is_no_delta()
    {
        var links = new[] { Given.Fix("INTAKE-1"), Given.Test("INTAKE-1") };

        Assert.True(BetweenReleases.Delta(Decided(Given.Input(Given.Release(), links, baseline: Given.Baseline(links))))!.IsEmpty);
        Assert.Null(BetweenReleases.Delta(Decided(Given.Input(Given.Release(), links))));
    }

    [Fact]
    public void The_delta_is_worked_out_once_per_result_whichever_report_asks()
    {
        var result = Decided(Given.Input(Given.Release(), [Given.Test("INTAKE-1")], baseline: Given.Baseline([Given.Test("INTAKE-1")])));

        Assert.Same(BetweenReleases.Delta(result), BetweenReleases.Delta(result));
    }

    private sealed class ComparisonEquality : IEqualityComparer<ApiComparison>
    {
        public bool Equals(ApiComparison? x, ApiComparison? y) =>
            x is not null && y is not null && x.Added.SequenceEqual(y.Added) && x.Removed.SequenceEqual(y.Removed) && x.Changed.SequenceEqual(y.Changed);

        public int GetHashCode(ApiComparison obj) => obj.Added.Count;
    }
}
