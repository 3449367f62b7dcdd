using System;
using System.Collections.Generic;
using System.IO;
using RegressionProof.Gate.Cli;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Cli;

/// <summary>Audited exceptions and pull-request labels through the real entry point, over an assembly on disk.</summary>
public sealed class ExceptionsAndLabelsCommandTests : IDisposable
{
    /// <summary>A fix of INTAKE-1 without a proof: RPG003 fails the release unless an exception waives it.</summary>
    private const string Manifest = """
        {"schema":"regression-proof/manifest/v1","assembly":"Shop","links":[
        {"kind":"fixes","card":"INTAKE-1","symbol":"M:Shop.Pricing.Apply","display":"Pricing.Apply()","path":"src/Shop/Pricing.cs","line":7,"fingerprint":"sha256:aa"}]}
        """;

    private const string Release = """
        {
          "version": "2.4.1", "class": "patch",
          "approvals": [{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }],
          "rollback": { "plan": "redeploy 2.4.0", "tested": true, "mechanism": "hotfix-image" },
          "cards": [{ "id": "INTAKE-1", "title": "Discount can go negative", "priority": "P1", "reason": "regression",
                      "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/INTAKE-1"] }],
          "exceptions": [{ "check": "RPG003", "card": "INTAKE-1", "reason": "checkout outage hotfix", "approver": "erin",
                           "rcaDue": "2026-12-01", "expires": "2026-12-31" }]
        }
        """;

    private readonly TempFolder _folder = new();

    public ExceptionsAndLabelsCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "bin"));
        TestAssemblies.Build(Path.Combine(_folder.Path, "bin"), "Shop",
            TestAssemblies.WithManifest(Manifest) + "\nnamespace Shop { public class Pricing { public decimal Apply() => 0; } }");
        _folder.Write("release.json", Release);
        _folder.Write("CHANGELOG.md", "# Changelog\n\n## [2.4.1]\n- Discount can go negative (INTAKE-1)\n");
    }

    [Fact]
    public void A_waived_finding_passes_and_is_shown_waived()
    {
        var (exit, stdout, _) = Run(null, "--no-build", "--as-of", "2026-11-24");

        Assert.Equal(0, exit);
        Assert.Contains("waived error RPG003", stdout, StringComparison.Ordinal);
        Assert.Matches(@"^PASS: release 2\.4\.1 passes the gate \(patch, standard lane, as of [0-9-]+\); 1 finding waived by an exception\n", stdout);
    }

    [Fact]
    public void An_overdue_RCA_exits_1()
    {
        var (exit, stdout, _) = Run(null, "--no-build", "--as-of", "2026-12-02");

        Assert.Equal(1, exit);
        Assert.Contains("error RPG014 [audited exceptions] the post-incident RCA of the exception to RPG003 for INTAKE-1 (exceptions[0]) was due on 2026-12-01 and has no link", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_exception_exits_1_and_says_why_it_does_not_apply()
    {
        _folder.Write("release.json", Release.Replace("\"rcaDue\": \"2026-12-01\"", "\"rca\": \"https://wiki.example/rca/9\"", StringComparison.Ordinal));

        var (exit, stdout, _) = Run(null, "--no-build", "--as-of", "2027-01-01");

        Assert.Equal(1, exit);
        Assert.Contains("error RPG003", stdout, StringComparison.Ordinal);
        Assert.Contains("counts for nothing: it expired on 2026-12-31", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "bug", "patch" }, "release", 0, "PR labels: pull request #42 is labeled \"patch\"")]
    [InlineData(new[] { "bug" }, "release", 1, "error RPG015 [release labels] release.json(2): pull request #42 is not labeled \"patch\" for this patch release")]
    [InlineData(new[] { "release:patch" }, "release:{class}", 0, "PR labels: pull request #42 is labeled \"release:patch\"")]
    public void In_a_pull_request_run_the_labels_decide(string[] labels, string scheme, int expected, string line)
    {
        var args = new List<string> { "--no-build", "--as-of", "2026-11-24" };
        if (scheme != "release")
        {
            args.AddRange(["--label-scheme", scheme]);
        }

        var payload = "{ \"pull_request\": { \"number\": 42, \"labels\": [" + string.Join(", ", Array.ConvertAll(labels, l => $"{{ \"name\": \"{l}\" }}")) + "] } }";

        var (exit, stdout, _) = Run(PullRequestRun(payload), [.. args]);

        Assert.Equal(expected, exit);
        Assert.Contains(line, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_event_payload_exits_2_naming_the_file_line_and_column()
    {
        var (exit, _, stderr) = Run(PullRequestRun("{ \"pull_request\": { \"labels\": [ } }"), "--no-build", "--as-of", "2026-11-24");

        Assert.Equal(2, exit);
        Assert.StartsWith($"verify-regression-safety: {Path.Combine(_folder.Path, "event.json")}(1,33): unexpected '}}'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Elsewhere_the_labels_are_reported_as_not_verified()
    {
        var (_, stdout, _) = Run(name => name == "GITHUB_ACTIONS" ? "true" : name == "GITHUB_EVENT_NAME" ? "push" : null, "--no-build", "--as-of", "2026-11-24");

        Assert.Contains("PR labels: not verified (not a pull-request run on GitHub Actions); the release class is patch", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_scheme_without_the_class_placeholder_exits_2()
    {
        var (exit, _, stderr) = Run(null, "--label-scheme", "release-patch");

        Assert.Equal(2, exit);
        Assert.Equal("verify-regression-safety: --label-scheme 'release-patch' must contain {class}, e.g. \"release:{class}\"", stderr.TrimEnd());
    }

    [Fact]
    public void Help_explains_the_label_scheme()
    {
        Assert.Contains("--label-scheme \"release:{class}\"", Run(null, "--help").Stdout, StringComparison.Ordinal);
    }

    private Func<string, string?> PullRequestRun(string payload)
    {
        var path = _folder.Write("event.json", payload);
        return name => name switch
        {
            "GITHUB_ACTIONS" => "true",
            "GITHUB_EVENT_NAME" => "pull_request",
            "GITHUB_EVENT_PATH" => path,
            _ => null,
        };
    }

    private (int Exit, string Stdout, string Stderr) Run(Func<string, string?>? environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = GateCommand.Run(args, stdout, stderr, _folder.Path, environment: environment);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
