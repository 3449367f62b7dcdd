using System;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Checks;

/// <summary>
/// RPG014, audited exceptions: "No bypassing CI; emergency exceptions require post-incident RCA
/// and governance approval". Given.Today is 2026-11-24.
/// </summary>
public class AuditedExceptionsTests
{
    /// <summary>INTAKE-1 has a fix and no proof: one RPG003 error, unless waived.</summary>
    private static readonly ManifestLink[] Unproven = [Given.Fix("INTAKE-1")];

    private static ReleaseException Exception(string check = "RPG003", string? card = "INTAKE-1", string? approver = "gov-board: erin",
        string? rca = null, string? rcaDue = "2026-12-01", string expires = "2026-12-31", int index = 0) =>
        new(index, check, card, "hotfix for the checkout outage; the proof lands in 2.4.2", approver, rca,
            rcaDue is null ? null : DateOnly.Parse(rcaDue, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(expires, System.Globalization.CultureInfo.InvariantCulture));

    private static GateInput Input(params ReleaseException[] exceptions) =>
        Given.Input(Given.Release() with { Exceptions = exceptions }, Unproven);

    [Fact]
    public void Without_an_exception_the_finding_fails_the_release()
    {
        var findings = Gatekeeper.Decide(Input());

        Assert.False(GateResult.Passes(findings));
        Assert.Null(Assert.Single(findings, f => f.RuleId == "RPG003").WaivedBy);
    }

    [Fact]
    public void An_approved_unexpired_exception_waives_the_finding_which_stays_reported_and_the_release_passes()
    {
        var exception = Exception();

        var findings = Gatekeeper.Decide(Input(exception));

        var waived = Assert.Single(findings);
        Assert.Equal(("RPG003", FindingLevel.Error, exception), (waived.RuleId, waived.Level, waived.WaivedBy));
        Assert.False(waived.Fails);
        Assert.True(GateResult.Passes(findings));
    }

    [Fact]
    public void An_exception_expiring_on_the_day_of_the_gate_still_applies()
    {
        Assert.True(GateResult.Passes(Gatekeeper.Decide(Input(Exception(expires: "2026-11-24")))));
    }

    [Fact]
    public void An_exception_without_a_card_waives_every_finding_of_its_check()
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2")]) with { Exceptions = [Exception(card: null)] };

        var findings = Gatekeeper.Decide(Given.Input(release, [Given.Fix("INTAKE-1"), Given.Fix("INTAKE-2", "M:Shop.Pricing.Other")]));

        Assert.All(findings.Where(f => f.RuleId == "RPG003"), f => Assert.NotNull(f.WaivedBy));
        Assert.True(GateResult.Passes(findings));
    }

    [Fact]
    public void An_exception_for_one_card_leaves_the_findings_of_another_card_failing()
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2")]) with { Exceptions = [Exception()] };

        var findings = Gatekeeper.Decide(Given.Input(release, [Given.Fix("INTAKE-1"), Given.Fix("INTAKE-2", "M:Shop.Pricing.Other")]));

        Assert.NotNull(Assert.Single(findings, f => f.RuleId == "RPG003" && f.Card == "INTAKE-1").WaivedBy);
        Assert.True(Assert.Single(findings, f => f.RuleId == "RPG003" && f.Card == "INTAKE-2").Fails);
    }

    [Theory]
    [InlineData(null, "2026-12-31", "counts for nothing: it has no governance approver")]
    [InlineData("gov-board: erin", "2026-11-23", "counts for nothing: it expired on 2026-11-23")]
    public void An_exception_without_approver_or_expired_counts_for_nothing_and_says_why(string? approver, string expires, string why)
    {
        var findings = Gatekeeper.Decide(Input(Exception(approver: approver, expires: expires)));

        Assert.True(Assert.Single(findings, f => f.RuleId == "RPG003").Fails);
        var warning = Assert.Single(findings, f => f.RuleId == "RPG014");
        Assert.Equal(FindingLevel.Warning, warning.Level);
        Assert.Equal($"the exception to RPG003 for INTAKE-1 (exceptions[0]) {why}", warning.Message);
        Assert.False(GateResult.Passes(findings));
    }

    [Fact]
    public void An_exception_that_matches_no_finding_is_a_stale_waiver_warning()
    {
        var findings = Gatekeeper.Decide(Given.Input(Given.Release() with { Exceptions = [Exception(check: "RPG007")] }, [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")]));

        var warning = Assert.Single(findings);
        Assert.Equal(("RPG014", FindingLevel.Warning), (warning.RuleId, warning.Level));
        Assert.Equal("the exception to RPG007 for INTAKE-1 (exceptions[0]) is stale: it matches no finding of this release", warning.Message);
        Assert.True(GateResult.Passes(findings));
    }

    [Theory]
    [InlineData(null, "2026-11-23", true)]
    [InlineData(null, "2026-11-24", false)]
    [InlineData("https://wiki.example/rca/42", "2026-11-01", false)]
    [InlineData("https://wiki.example/rca/42", null, false)]
    public void An_RCA_due_before_the_day_of_the_gate_without_a_link_fails_the_release_carrying_the_card(string? rca, string? rcaDue, bool overdue)
    {
        var findings = Gatekeeper.Decide(Input(Exception(rca: rca, rcaDue: rcaDue)));

        var errors = findings.Where(f => f.RuleId == "RPG014" && f.Level == FindingLevel.Error).ToList();
        Assert.Equal(!overdue, GateResult.Passes(findings));
        if (overdue)
        {
            var error = Assert.Single(errors);
            Assert.Equal("INTAKE-1", error.Card);
            Assert.Equal($"the post-incident RCA of the exception to RPG003 for INTAKE-1 (exceptions[0]) was due on {rcaDue} and has no link", error.Message);
        }
        else
        {
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void An_overdue_RCA_of_a_card_this_release_does_not_carry_does_not_fail_it()
    {
        var findings = Gatekeeper.Decide(Given.Input(Given.Release() with { Exceptions = [Exception(card: "INTAKE-9", rcaDue: "2026-11-01")] }, [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")]));

        Assert.DoesNotContain(findings, f => f.Level == FindingLevel.Error);
        Assert.Contains(findings, f => f.Message.Contains("is stale", StringComparison.Ordinal));
    }

    [Fact]
    public void An_exception_cannot_waive_its_own_row()
    {
        var findings = Gatekeeper.Decide(Input(Exception(rcaDue: "2026-11-01"), Exception(check: "RPG014", index: 1)));

        Assert.True(Assert.Single(findings, f => f.RuleId == "RPG014" && f.Level == FindingLevel.Error).Fails);
        Assert.Contains(findings, f => f.Message.StartsWith("the exception to RPG014 for INTAKE-1 (exceptions[1]) waives nothing", StringComparison.Ordinal));
        Assert.False(GateResult.Passes(findings));
    }

    [Fact]
    public void The_policy_row_is_RPG014_next_after_RPG013()
    {
        Assert.Equal(("RPG014", "audited exceptions"), (Policies.AuditedExceptions.RuleId, Policies.AuditedExceptions.Name));
        Assert.Equal(Policies.AuditedExceptions, Policies.All[Policies.All.ToList().IndexOf(Policies.SuspectProof) + 1]);
    }
}
