using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Checks;

/// <summary>
/// Each check declares the rows of the policy table it enforces (Gatekeeper.Checks): every finding
/// it emits is of one of them, and every row is reported by exactly the checks that declare it.
/// Each check is driven by inputs that make it fire (<see cref="Firing"/>); a new check needs its
/// inputs there.
/// </summary>
public class CheckPoliciesTests
{
    /// <summary>The step that applies the release file's exceptions, named like the checks.</summary>
    private const string Exceptions = nameof(AuditedExceptionsCheck);

    /// <summary>Close-out, which runs in its own subcommand on its own input (<see cref="CloseOutInput"/>).</summary>
    private const string CloseOut = nameof(CloseOutCheck);

    private static readonly ManifestLink[] Proven = [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")];

    /// <summary>For each check, inputs on which it fires: together they make it report every row it declares.</summary>
    private static readonly Dictionary<string, GateInput[]> Firing = new(StringComparer.Ordinal)
    {
        [nameof(EvidenceCheck)] = [Given.Input(Given.Release(cards: [Given.Card("INTAKE-1") with { Evidence = ["not a link"] }]), Proven)],
        [nameof(OwnerAndBackupCheck)] = [Given.Input(Given.Release(cards: [Given.Card("INTAKE-1", owner: null)]), Proven)],
        [nameof(RegressionProofCheck)] =
        [
            Given.Input(Given.Release(), [Given.Fix("INTAKE-1")]),
            Given.Input(Given.Release(), Proven, tests: Given.Results(("Shop.Tests.PricingTests.Never_negative", "Failed"))),
        ],
        [nameof(FixLinkedToCardCheck)] = [Given.Input(Given.Release(), [.. Proven, Given.Fix("OLD-7")])],
        [nameof(ApprovalsCheck)] = [Given.Input(Given.Release(approvals: []), Proven)],
        [nameof(RollbackCheck)] = [Given.Input(Given.Release(rollback: new Rollback(null, false, false)), Proven)],
        [nameof(ChangelogCheck)] = [Given.Input(Given.Release(ReleaseClass.Major), Proven)],
        [nameof(ApiCompatibilityCheck)] =
        [
            Given.Input(Given.Release(), Proven, baseline: Given.Baseline(Proven, api: ["M:A"]), api: ["M:A", "M:B"]),
            Given.Input(Given.Release(), Proven, baseline: Given.Baseline(Proven), migrations: ["efcore:20261120_AddIndex Shop.Migrations.AddIndex"]),
            Given.Input(Given.Release(ReleaseClass.Minor), Proven, baseline: Given.Baseline(Proven, api: ["M:A", "M:B"]), api: ["M:A"]),
        ],
        [nameof(MajorMigrationTestsCheck)] = [Given.Input(Given.Release(ReleaseClass.Major), Proven, baseline: Given.Baseline(Proven), migrations: ["fluentmigrator:42 Shop.M42"])],
        [nameof(FastPatchLaneCheck)] = [Given.Input(Given.Release(ReleaseClass.Minor, ReleaseLane.FastPatch), Proven)],
        [nameof(KeepProbesCheck)] = [Given.Input(Given.Release(), Proven, baseline: Given.Baseline([.. Proven, Given.Probe("INTAKE-1")]))],
        [nameof(SuspectProofCheck)] = [Given.Input(Given.Release(), Proven, baseline: Given.Baseline([Given.Fix("INTAKE-1", fingerprint: "sha256:old"), Given.Test("INTAKE-1")]))],
        [nameof(ReleaseLabelsCheck)] = [PullRequestRun(labels: "minor")],
        [nameof(ScopeCheck)] = [PatchWithAMemberChangedOutsideItsCards()],
        [nameof(AdditionalCiCheck)] = [MajorWithUnverifiedTests()],
        [nameof(DocUpdatesCheck)] = [Given.Input(Given.Release(ReleaseClass.Minor), Proven)],
        [nameof(CustomerReadinessCheck)] = [Given.Input(Given.Release(ReleaseClass.Major), Proven)],
        // Close-out reads no GateInput; one entry stands for its own firing input, a release with no deploy record.
        [CloseOut] = [Given.Input(Given.Release(), Proven)],
        [Exceptions] =
        [
            Given.Input(Given.Release() with { Exceptions = [Exception(approver: null)] }, Proven),
            Given.Input(Given.Release() with { Exceptions = [Exception(rcaDue: new DateOnly(2026, 11, 1))] }, [Given.Fix("INTAKE-1")]),
        ],
    };

    public static TheoryData<string> CheckNames => new(Reporters().Select(r => r.Name));

    public static TheoryData<string> RuleIds => new(Policies.All.Select(p => p.RuleId));

    [Theory]
    [MemberData(nameof(CheckNames))]
    public void Every_finding_of_a_check_is_of_a_row_it_declares(string check)
    {
        var reporter = Reporters().First(r => r.Name == check);

        var reported = Reported(reporter);

        Assert.True(reported.Count > 0, $"no input in {nameof(Firing)} makes {check} report anything; add one that does");
        var undeclared = reported.Except(reporter.Enforces.Select(p => p.RuleId)).ToList();
        Assert.True(undeclared.Count == 0, $"{check} reports {string.Join(", ", undeclared)} but declares only {string.Join(", ", reporter.Enforces.Select(p => p.RuleId))}");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_row_of_the_policy_table_is_reported_by_exactly_the_checks_that_declare_it(string ruleId)
    {
        var declaring = Reporters().Where(r => r.Enforces.Any(p => p.RuleId == ruleId)).Select(r => r.Name).ToList();
        var reporting = Reporters().Where(r => Reported(r).Contains(ruleId)).Select(r => r.Name).ToList();

        Assert.True(declaring.Count > 0, $"no check declares {ruleId}; add it to a check's policies in Gatekeeper.Checks");
        Assert.Equal(declaring, reporting);
    }

    [Fact]
    public void Every_row_a_check_declares_is_a_row_of_the_policy_table()
    {
        var unknown = Reporters().SelectMany(r => r.Enforces.Where(p => !Policies.All.Contains(p)).Select(p => $"{r.Name}: {p.RuleId}")).ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_check_of_the_gate_runs_in_the_gatekeeper()
    {
        // A check is a static Check(GateInput) returning findings; one left out of Gatekeeper.Checks would never run.
        var checks = typeof(Gatekeeper).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Gatekeeper).Namespace)
            .Select(t => t.GetMethod("Check", BindingFlags.Public | BindingFlags.Static, [typeof(GateInput)]))
            .Where(m => m is not null && m.ReturnType == typeof(IEnumerable<Finding>))
            .Select(m => m!.DeclaringType!.Name)
            .ToList();

        Assert.NotEmpty(checks);
        Assert.Equal(checks.Order(StringComparer.Ordinal), Gatekeeper.Checks.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_check_is_named_after_its_class()
    {
        Assert.Equal(nameof(ApiCompatibilityCheck), Gatekeeper.Checks.Single(c => c.Enforces.Contains(Policies.MinorAdditive)).Name);
    }

    /// <summary>Whatever reports findings: every check of the gatekeeper, the exceptions applied after them, and close-out.</summary>
    private static IReadOnlyList<(string Name, IReadOnlyList<Policy> Enforces, Func<GateInput, IEnumerable<Finding>> Report)> Reporters() =>
    [
        .. Gatekeeper.Checks.Select(c => (c.Name, c.Enforces, c.Check)),
        (Exceptions, Gatekeeper.ExceptionsEnforce, input => AuditedExceptionsCheck.Apply(input, [])),
        (CloseOut, CloseOutCheck.Enforces, input => CloseOutCheck.Check(new CloseOutInput(input.Release, Given.Baseline(Proven), input.Assemblies, new DateTimeOffset(input.AsOf, TimeOnly.MinValue, TimeSpan.Zero)))),
    ];

    private static HashSet<string> Reported((string Name, IReadOnlyList<Policy> Enforces, Func<GateInput, IEnumerable<Finding>> Report) reporter) =>
        Firing.TryGetValue(reporter.Name, out var inputs)
            ? inputs.SelectMany(reporter.Report).Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal)
            : [];

    private static ReleaseException Exception(string? approver = "gov-board: erin", DateOnly? rcaDue = null) =>
        new(0, "RPG003", "INTAKE-1", "hotfix for the checkout outage", approver, null, rcaDue ?? new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));

    /// <summary>A patch whose build changed a member that is neither a fix nor a proof of its cards.</summary>
    private static GateInput PatchWithAMemberChangedOutsideItsCards()
    {
        var input = Given.Input(Given.Release(), Proven);
        var shop = input.Assemblies[0] with { MemberHashes = new Dictionary<string, string> { ["M:Shop.Receipts.Print"] = "after" } };
        var baseline = Given.Baseline(Proven) with
        {
            MemberHashes = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Shop"] = new Dictionary<string, string> { ["M:Shop.Receipts.Print"] = "before" } },
        };
        return new GateInput(input.Release, input.Changelog, [shop], null, baseline, input.AsOf);
    }

    /// <summary>A major release whose solution has a test assembly and no test results were given.</summary>
    private static GateInput MajorWithUnverifiedTests()
    {
        var release = Given.Release(ReleaseClass.Major);
        return new GateInput(release, Given.Changelog(release), [Given.Assembly("Shop.Tests", [Given.Test("INTAKE-1")]) with { IsTestAssembly = true }], null, null, Given.Today);
    }

    private static GateInput PullRequestRun(params string[] labels)
    {
        var input = Given.Input(Given.Release(), Proven);
        return new GateInput(input.Release, input.Changelog, input.Assemblies, null, null, input.AsOf)
        {
            PullRequest = new PullRequest("event.json", 42, labels),
        };
    }
}
