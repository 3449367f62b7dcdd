using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Checks;

/// <summary>Each policy row of docs/gate.md ("Checks"), with a passing and a failing case.</summary>
public class CheckTests
{
    private static readonly ManifestLink[] Proven = [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")];

    [Fact]
    public void A_complete_release_passes_every_check()
    {
        var findings = Gatekeeper.Decide(Given.Input(Given.Release(), Proven));

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData()]
    [InlineData("not a link")]
    [InlineData("ftp://tracker.example/INTAKE-1")]
    [InlineData("https://")]
    public void Evidence_a_card_without_an_http_link_fails(params string[] evidence)
    {
        var card = Given.Card("INTAKE-1") with { Evidence = evidence };

        var finding = Assert.Single(EvidenceCheck.Check(Given.Input(Given.Release(cards: [card]), Proven)));

        Assert.Equal(("RPG001", "INTAKE-1", FindingLevel.Error), (finding.RuleId, finding.Card, finding.Level));
        Assert.Contains("evidence", finding.Fix, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "bob", "has no owner")]
    [InlineData("alice", "", "has no backup")]
    [InlineData(" ", null, "has no owner and no backup")]
    [InlineData("alice", "Alice", "has the same person, alice, as owner and backup")]
    public void Owner_and_backup_must_both_be_set_and_differ(string? owner, string? backup, string problem)
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1", owner, backup)]);

        var finding = Assert.Single(OwnerAndBackupCheck.Check(Given.Input(release, Proven)));

        Assert.Equal($"INTAKE-1 {problem}", finding.Message);
        Assert.Empty(OwnerAndBackupCheck.Check(Given.Input(Given.Release(), Proven)));
    }

    [Fact]
    public void Regression_proof_every_card_and_every_fix_needs_a_proof()
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2")]);
        var links = new[] { Given.Fix("INTAKE-1"), Given.Test("INTAKE-1"), Given.Fix("OLD-7") };

        var findings = RegressionProofCheck.Check(Given.Input(release, links)).ToList();

        Assert.Equal(["INTAKE-2 has no regression proof", "OLD-7 has no regression proof"], findings.Select(f => f.Message));
        Assert.Equal(new SourceLocation("src/Shop/Pricing.cs", 7), findings[1].Location);
    }

    [Theory]
    [InlineData("probe")]
    [InlineData("alert")]
    [InlineData("panel")]
    [InlineData("migration")]
    [InlineData("manual")]
    public void Regression_proof_every_kind_of_proof_counts(string kind)
    {
        var proof = kind switch
        {
            "probe" => Given.Probe("INTAKE-1"),
            "alert" => Given.Link(LinkKinds.RecurrenceAlert, "INTAKE-1", "F:Shop.Alert", "sha256:1"),
            "panel" => Given.Link(LinkKinds.DashboardPanel, "INTAKE-1", "F:Shop.Panel", "sha256:1"),
            "migration" => Given.Test("INTAKE-1", kind: LinkKinds.MigrationTest),
            _ => Given.Manual("INTAKE-1", "2026-12-01"),
        };

        Assert.Empty(RegressionProofCheck.Check(Given.Input(Given.Release(), [Given.Fix("INTAKE-1"), proof])));
    }

    [Theory]
    [InlineData("2026-11-24", 0)]
    [InlineData("2026-11-23", 1)]
    [InlineData("next sprint", 1)]
    public void Regression_proof_a_manual_verification_stops_counting_when_automation_is_overdue(string automateBy, int findings)
    {
        var input = Given.Input(Given.Release(), [Given.Fix("INTAKE-1"), Given.Manual("INTAKE-1", automateBy)]);

        Assert.Equal(findings, RegressionProofCheck.Check(input).Count());
    }

    [Theory]
    [InlineData("Passed", null)]
    [InlineData("Failed", "failed (in results.trx)")]
    [InlineData("NotExecuted", "did not pass (NotExecuted; in results.trx)")]
    [InlineData(null, "did not run (no result in 1 result file: results.trx)")]
    public void Regression_proof_with_test_results_every_test_proof_ran_and_passed(string? outcome, string? problem)
    {
        var results = outcome is null ? Given.Results(("Shop.Tests.Other", "Passed")) : Given.Results(("Shop.Tests.PricingTests.Never_negative", outcome));

        var findings = RegressionProofCheck.Check(Given.Input(Given.Release(), Proven, tests: results)).ToList();

        if (problem is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.Equal($"the proof of INTAKE-1 Shop.Tests.PricingTests.Never_negative {problem}", Assert.Single(findings).Message);
        }
    }

    [Fact]
    public void Regression_proof_every_case_of_a_theory_must_pass()
    {
        var results = Given.Results(("Shop.Tests.PricingTests.Never_negative", "Passed"), ("Shop.Tests.PricingTests.Never_negative", "Failed"));

        Assert.Single(RegressionProofCheck.Check(Given.Input(Given.Release(), Proven, tests: results)));
    }

    [Fact]
    public void Fix_linked_to_a_card_an_unknown_fix_fails_unless_the_baseline_covers_it()
    {
        var links = new[] { Given.Fix("INTAKE-1"), Given.Test("INTAKE-1"), Given.Fix("OLD-7"), Given.Test("OLD-7", "Shop.Tests.Old") };

        var finding = Assert.Single(FixLinkedToCardCheck.Check(Given.Input(Given.Release(), links)));
        Assert.Equal(("RPG004", "OLD-7"), (finding.RuleId, finding.Card));

        var baseline = Given.Baseline([Given.Fix("OLD-7"), Given.Test("OLD-7", "Shop.Tests.Old")]);
        Assert.Empty(FixLinkedToCardCheck.Check(Given.Input(Given.Release(), links, baseline: baseline)));
    }

    [Theory]
    [InlineData(ReleaseClass.Patch, "release-captain,dri", "")]
    [InlineData(ReleaseClass.Patch, "release-captain", "dri")]
    [InlineData(ReleaseClass.Minor, "release-captain,dri", "domain-lead")]
    [InlineData(ReleaseClass.Major, "release-captain,domain-lead", "product-owner")]
    [InlineData(ReleaseClass.Major, "", "release-captain and domain-lead and product-owner")]
    public void Approvals_follow_the_release_class(ReleaseClass releaseClass, string given, string missing)
    {
        var approvals = given.Split(',', System.StringSplitOptions.RemoveEmptyEntries).Select(role => new Approval(role, "dana")).ToList();
        var release = Given.Release(releaseClass, approvals: approvals);

        var findings = ApprovalsCheck.Check(Given.Input(release, Proven, changelog: Given.Changelog(release, "### Customer notice\nsee docs"))).ToList();

        if (missing.Length == 0)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.EndsWith($"lacks the approval of {missing}", Assert.Single(findings).Message, System.StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ReleaseClass.Patch, "plan", true, false, null)]
    [InlineData(ReleaseClass.Patch, "plan", false, false, "a tested rollback (\"tested\": true)")]
    [InlineData(ReleaseClass.Minor, "plan", false, false, null)]
    [InlineData(ReleaseClass.Minor, null, false, false, "a documented plan (\"plan\")")]
    [InlineData(ReleaseClass.Major, "plan", false, true, null)]
    [InlineData(ReleaseClass.Major, "plan", true, false, "a staged rollout (\"stagedRollout\": true)")]
    public void Rollback_follows_the_release_class(ReleaseClass releaseClass, string? plan, bool tested, bool staged, string? missing)
    {
        var release = Given.Release(releaseClass, rollback: new Rollback(plan, tested, staged) { Mechanism = RollbackMechanism.FeatureFlag });

        var findings = RollbackCheck.Check(Given.Input(release, Proven)).ToList();

        if (missing is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.EndsWith("needs " + missing, Assert.Single(findings).Message, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Changelog_every_card_must_be_in_the_version_or_unreleased_section()
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-12")]);
        var changelog = Gate.Inputs.ChangelogReader.Parse("CHANGELOG.md", "## [Unreleased]\n- fixed INTAKE-12\n\n## [2.4.1]\n- fixed INTAKE-123\n\n## [2.4.0]\n- INTAKE-1\n");

        var finding = Assert.Single(ChangelogCheck.Check(Given.Input(release, Proven, changelog)));

        Assert.Equal("INTAKE-1 is not in the changelog section of 2.4.1", finding.Message);
    }

    [Fact]
    public void Changelog_a_major_release_needs_a_customer_notice()
    {
        var release = Given.Release(ReleaseClass.Major);

        Assert.Single(ChangelogCheck.Check(Given.Input(release, Proven, Given.Changelog(release))));
        Assert.Empty(ChangelogCheck.Check(Given.Input(release, Proven, Given.Changelog(release, "### Customer notice\nThe v1 API is gone."))));
    }

    [Fact]
    public void Changelog_without_a_section_for_the_release_fails()
    {
        var changelog = Gate.Inputs.ChangelogReader.Parse("CHANGELOG.md", "## [2.4.0]\n- INTAKE-1\n");

        var findings = ChangelogCheck.Check(Given.Input(Given.Release(), Proven, changelog)).ToList();

        Assert.Contains(findings, f => f.Message.Contains("has no section for 2.4.1", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ReleaseClass.Patch, "M:A,M:B", "M:A,M:B", 0)]
    [InlineData(ReleaseClass.Patch, "M:A", "M:A,M:B", 1)]
    [InlineData(ReleaseClass.Patch, "M:A,M:B", "M:A", 1)]
    [InlineData(ReleaseClass.Minor, "M:A", "M:A,M:B", 0)]
    [InlineData(ReleaseClass.Minor, "M:A,M:B", "M:A", 1)]
    [InlineData(ReleaseClass.Major, "M:A,M:B", "M:C", 0)]
    public void Api_class_patch_changes_nothing_and_minor_only_adds(ReleaseClass releaseClass, string before, string after, int findings)
    {
        var baseline = Given.Baseline(Proven, api: before.Split(','));
        var release = Given.Release(releaseClass);

        var input = Given.Input(release, Proven, Given.Changelog(release, "### Customer notice\nx"), baseline: baseline, api: after.Split(','));

        Assert.Equal(findings, ApiCompatibilityCheck.Check(input).Count());
    }

    [Fact]
    public void Api_class_without_a_baseline_nothing_is_compared()
    {
        Assert.Empty(ApiCompatibilityCheck.Check(Given.Input(Given.Release(), Proven, api: ["M:New"])));
    }

    [Fact]
    public void A_patch_adds_no_migration()
    {
        var baseline = Given.Baseline(Proven, migrations: ["efcore:20261101_Init Shop.Migrations.Init"]);

        var input = Given.Input(Given.Release(), Proven, baseline: baseline,
            migrations: ["efcore:20261101_Init Shop.Migrations.Init", "efcore:20261120_AddIndex Shop.Migrations.AddIndex"]);

        var finding = Assert.Single(ApiCompatibilityCheck.Check(input));
        Assert.Contains("adds the schema migration efcore:20261120_AddIndex", finding.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Major_with_a_new_migration_every_card_needs_a_migration_test()
    {
        var release = Given.Release(ReleaseClass.Major, cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2")]);
        var baseline = Given.Baseline(Proven);
        var links = Proven.Append(Given.Test("INTAKE-2", "Shop.Tests.Migrates", LinkKinds.MigrationTest)).ToList();

        var findings = MajorMigrationTestsCheck.Check(Given.Input(release, links, baseline: baseline, migrations: ["fluentmigrator:42 Shop.M42"])).ToList();

        Assert.Equal("INTAKE-1", Assert.Single(findings).Card);
        Assert.Empty(MajorMigrationTestsCheck.Check(Given.Input(release, links, baseline: baseline, migrations: [])));
    }

    [Theory]
    [InlineData(CardReason.Regression, CardPriority.P0, true)]
    [InlineData(CardReason.Regression, CardPriority.P1, true)]
    [InlineData(CardReason.Regression, CardPriority.P2, false)]
    [InlineData(CardReason.SlaBreach, CardPriority.P3, true)]
    [InlineData(CardReason.Security, null, true)]
    [InlineData(CardReason.CostAnomaly, CardPriority.P2, true)]
    [InlineData(CardReason.PerformanceAnomaly, CardPriority.P4, true)]
    [InlineData(CardReason.Feature, CardPriority.P0, false)]
    public void Fast_patch_lane_takes_only_eligible_cards(CardReason reason, CardPriority? priority, bool eligible)
    {
        var release = Given.Release(lane: ReleaseLane.FastPatch, cards: [Given.Card("INTAKE-1", reason: reason, priority: priority)]);

        Assert.Equal(eligible ? 0 : 1, FastPatchLaneCheck.Check(Given.Input(release, Proven)).Count());
    }

    [Fact]
    public void Fast_patch_lane_needs_a_patch_a_tested_rollback_the_captain_and_no_api_addition()
    {
        var release = Given.Release(ReleaseClass.Minor, ReleaseLane.FastPatch, approvals: [new Approval("domain-lead", "kim")], rollback: new Rollback("plan", false, false));
        var baseline = Given.Baseline(Proven, api: ["M:A"]);

        var findings = FastPatchLaneCheck.Check(Given.Input(release, Proven, baseline: baseline, api: ["M:A", "M:B"])).Select(f => f.Message).ToList();

        Assert.Equal(4, findings.Count);
        Assert.Contains(findings, m => m.Contains("takes patches only", System.StringComparison.Ordinal));
        Assert.Contains(findings, m => m.Contains("tested rollback", System.StringComparison.Ordinal));
        Assert.Contains(findings, m => m.Contains("release captain's approval", System.StringComparison.Ordinal));
        Assert.Contains(findings, m => m.Contains("allows no API addition", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Fast_patch_lane_is_not_checked_in_the_standard_lane()
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1", reason: CardReason.Feature, priority: CardPriority.P3)]);

        Assert.Empty(FastPatchLaneCheck.Check(Given.Input(release, Proven)));
    }

    [Fact]
    public void Keep_probes_an_earlier_card_whose_proofs_all_disappeared_fails_unless_retired()
    {
        var baseline = Given.Baseline([Given.Fix("OLD-1"), Given.Probe("OLD-1")]);

        var finding = Assert.Single(KeepProbesCheck.Check(Given.Input(Given.Release(), Proven, baseline: baseline)));
        Assert.Equal((FindingLevel.Error, "OLD-1"), (finding.Level, finding.Card));

        Assert.Empty(KeepProbesCheck.Check(Given.Input(Given.Release(retired: ["OLD-1"]), Proven, baseline: baseline)));
        Assert.Empty(KeepProbesCheck.Check(Given.Input(Given.Release(), [.. Proven, Given.Probe("OLD-1")], baseline: baseline)));
    }

    [Fact]
    public void Keep_probes_a_probe_gone_fails_even_while_a_test_of_its_card_remains_unless_retired()
    {
        var baseline = Given.Baseline([Given.Probe("OLD-1"), Given.Test("OLD-1", "Shop.Tests.Old")]);
        ManifestLink[] links = [.. Proven, Given.Test("OLD-1", "Shop.Tests.Old")];

        var finding = Assert.Single(KeepProbesCheck.Check(Given.Input(Given.Release(), links, baseline: baseline)));

        Assert.Equal((FindingLevel.Error, "OLD-1"), (finding.Level, finding.Card));
        Assert.Contains("a probe of the earlier card OLD-1 is gone", finding.Message, StringComparison.Ordinal);
        Assert.Empty(KeepProbesCheck.Check(Given.Input(Given.Release(retired: ["OLD-1"]), links, baseline: baseline)));
    }

    [Fact]
    public void Keep_probes_a_test_gone_while_other_proofs_of_its_card_remain_is_a_warning()
    {
        var baseline = Given.Baseline([Given.Probe("OLD-1"), Given.Test("OLD-1", "Shop.Tests.Old")]);

        var finding = Assert.Single(KeepProbesCheck.Check(Given.Input(Given.Release(), [.. Proven, Given.Probe("OLD-1")], baseline: baseline)));

        Assert.Equal(FindingLevel.Warning, finding.Level);
    }

    [Fact]
    public void Suspect_proof_a_fix_that_changed_while_its_proofs_did_not_is_reported()
    {
        var baseline = Given.Baseline([Given.Fix("INTAKE-1", fingerprint: "sha256:old"), Given.Test("INTAKE-1"), Given.Fix("OLD-2", "M:Shop.Old", "sha256:old"), Given.Probe("OLD-2")]);
        var links = new[] { Given.Fix("INTAKE-1", fingerprint: "sha256:new"), Given.Test("INTAKE-1"), Given.Fix("OLD-2", "M:Shop.Old", "sha256:new"), Given.Probe("OLD-2") };

        var findings = SuspectProofCheck.Check(Given.Input(Given.Release(), links, baseline: baseline)).ToList();

        Assert.Equal([("INTAKE-1", FindingLevel.Error), ("OLD-2", FindingLevel.Warning)], findings.Select(f => (f.Card!, f.Level)));
    }

    [Fact]
    public void Suspect_proof_a_fix_that_changed_with_its_proof_is_fine()
    {
        var baseline = Given.Baseline([Given.Fix("INTAKE-1", fingerprint: "sha256:old"), Given.Test("INTAKE-1", fingerprint: "sha256:t1")]);
        var links = new[] { Given.Fix("INTAKE-1", fingerprint: "sha256:new"), Given.Test("INTAKE-1", fingerprint: "sha256:t2") };

        Assert.Empty(SuspectProofCheck.Check(Given.Input(Given.Release(), links, baseline: baseline)));
    }

    [Fact]
    public void The_findings_are_ordered_by_rule_then_card()
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-2", owner: null), Given.Card("INTAKE-1", owner: null)], approvals: []);

        var findings = Gatekeeper.Decide(Given.Input(release, [])).Select(f => $"{f.RuleId} {f.Card}").ToList();

        Assert.Equal(findings.OrderBy(f => f, System.StringComparer.Ordinal), findings);
        Assert.False(GateResult.Passes(Gatekeeper.Decide(Given.Input(release, []))));
    }
}
