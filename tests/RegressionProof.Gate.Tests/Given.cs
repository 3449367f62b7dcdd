using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Tests;

/// <summary>Builds gate inputs for tests: a release that passes, unless a test says otherwise.</summary>
internal static class Given
{
    public static readonly DateOnly Today = new(2026, 11, 24);

    public static Card Card(string id, string? owner = "alice", string? backup = "bob", CardPriority? priority = CardPriority.P1, CardReason? reason = CardReason.Regression, params string[] evidence) =>
        new(id, "Title of " + id, priority, reason, owner, backup, evidence.Length == 0 ? [$"https://tracker.example/{id}"] : evidence);

    public static ReleaseFile Release(ReleaseClass releaseClass = ReleaseClass.Patch, ReleaseLane lane = ReleaseLane.Standard, IReadOnlyList<Card>? cards = null,
        IReadOnlyList<Approval>? approvals = null, Rollback? rollback = null, IReadOnlyList<string>? retired = null, string version = "2.4.1") =>
        new("release.json", version, releaseClass, lane,
            approvals ?? ApprovalsFor(releaseClass),
            rollback ?? new Rollback("redeploy 2.4.0", Tested: true, StagedRollout: true) { Mechanism = RollbackMechanism.HotfixImage },
            cards ?? [Card("INTAKE-1")],
            retired ?? []);

    public static IReadOnlyList<Approval> ApprovalsFor(ReleaseClass releaseClass) =>
        Gate.Checks.ApprovalsCheck.RequiredRoles(releaseClass).Select(role => new Approval(role, "dana")).ToList();

    public static ManifestLink Fix(string card, string symbol = "M:Shop.Pricing.Apply", string fingerprint = "sha256:aa") =>
        Link(LinkKinds.Fixes, card, symbol, fingerprint);

    public static ManifestLink Test(string card, string test = "Shop.Tests.PricingTests.Never_negative", string kind = LinkKinds.RegressionFor, string fingerprint = "sha256:bb") =>
        Link(kind, card, "M:" + test, fingerprint) with { Test = test, Framework = "xunit" };

    public static ManifestLink Probe(string card, string symbol = "F:Shop.Monitoring.Probe") =>
        Link(LinkKinds.SyntheticProbe, card, symbol, "sha256:cc") with { Signal = "error" };

    public static ManifestLink Manual(string card, string automateBy) =>
        Link(LinkKinds.ManualVerification, card, "M:Shop.Pricing.Mask", "sha256:dd") with { Steps = "click", RecordedOn = "2026-11-20", AutomateBy = automateBy };

    public static ManifestLink Link(string kind, string card, string symbol, string fingerprint) => new()
    {
        Kind = kind,
        Card = card,
        Symbol = symbol,
        Display = symbol[2..],
        Path = "src/Shop/Pricing.cs",
        Line = 7,
        Fingerprint = fingerprint,
    };

    public static ScannedAssembly Assembly(string name, IReadOnlyList<ManifestLink> links, IReadOnlyList<string>? api = null, IReadOnlyList<string>? migrations = null) =>
        new(name, [new ScannedFile($"src/{name}/bin/Release/net10.0/{name}.dll", new string('0', 64))], links, api ?? [], migrations ?? []);

    public static Changelog Changelog(ReleaseFile release, string extra = "") =>
        Gate.Inputs.ChangelogReader.Parse("CHANGELOG.md", $"# Changelog\n\n## [{release.Version}]\n\n### Fixed\n" + string.Join("\n", release.Cards.Select(c => $"- {c.Title} ({c.Id})")) + "\n" + extra);

    public static GateInput Input(ReleaseFile release, IReadOnlyList<ManifestLink> links, Changelog? changelog = null, TestResults? tests = null, Baseline? baseline = null,
        IReadOnlyList<string>? api = null, IReadOnlyList<string>? migrations = null, DateOnly? asOf = null) =>
        new(release, changelog ?? Changelog(release), [Assembly("Shop", links, api, migrations)], tests, baseline, asOf ?? Today);

    public static Baseline Baseline(IReadOnlyList<ManifestLink> links, IReadOnlyList<string>? cards = null, IReadOnlyList<string>? api = null, IReadOnlyList<string>? migrations = null) =>
        new("baseline.json", "2.4.0", cards ?? links.Select(l => l.Card).Distinct().ToList(), links,
            new Dictionary<string, IReadOnlyList<string>> { ["Shop"] = api ?? [] },
            new Dictionary<string, IReadOnlyList<string>> { ["Shop"] = migrations ?? [] });

    public static TestResults Results(params (string Test, string Outcome)[] outcomes) =>
        TestResults.From(outcomes.Select(o => new TestOutcome(o.Test, o.Test, o.Outcome, "results.trx")).ToList());
}
