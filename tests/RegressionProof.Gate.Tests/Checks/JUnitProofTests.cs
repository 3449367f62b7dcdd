using System;
using System.IO;
using RegressionProof.Gate.Cli;
using RegressionProof.Gate.Tests.Inputs;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Checks;

/// <summary>The gate decides a proof from a JUnit XML file as it does from a .trx: every row of the test counts.</summary>
public sealed class JUnitProofTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_proof_whose_theory_failed_one_row_in_a_JUnit_file_fails_the_gate_naming_the_file()
    {
        var exit = Gate("Discount_by_amount", out var stdout, out var stderr);

        Assert.Equal((1, string.Empty), (exit, stderr));
        Assert.Contains("the proof of INTAKE-1 Shop.Tests.PricingTests.Discount_by_amount failed (in test-results/junit.xml)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proof_that_passed_in_a_JUnit_file_passes_the_gate()
    {
        var exit = Gate("Never_negative", out var stdout, out var stderr);

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Contains("8 test results from 1 files (1 runs", stdout, StringComparison.Ordinal);
    }

    // Gates a build whose proof of INTAKE-1 is Shop.Tests.PricingTests.<method>, with the results
    // JunitXml.TestLogger wrote for the xunit 2 fixture project.
    private int Gate(string method, out string stdout, out string stderr)
    {
        var manifest = $$"""
            {"schema":"regression-proof/manifest/v1","assembly":"Shop.Tests","links":[
            {"kind":"fixes","card":"INTAKE-1","symbol":"M:Shop.Pricing.Apply","display":"Pricing.Apply()","path":"src/Shop/Pricing.cs","line":7,"fingerprint":"sha256:aa"},
            {"kind":"regression-for","card":"INTAKE-1","symbol":"M:Shop.Tests.PricingTests.{{method}}","display":"PricingTests.{{method}}()","path":"tests/Shop.Tests/PricingTests.cs","line":9,"framework":"xunit","test":"Shop.Tests.PricingTests.{{method}}","level":"unit","fingerprint":"sha256:bb"}]}
            """;
        Directory.CreateDirectory(Path.Combine(_folder.Path, "bin"));
        TestClassHierarchyTests.Build(Path.Combine(_folder.Path, "bin"), "Shop.Tests",
            TestAssemblies.WithManifest(manifest) + "\nnamespace Shop.Tests { public class PricingTests { public void " + method + "() { } } }");
        _folder.Write("release.json", """
            { "version": "2.4.1", "class": "patch",
              "approvals": [{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }],
              "rollback": { "plan": "redeploy 2.4.0", "tested": true, "mechanism": "hotfix-image" },
              "cards": [{ "id": "INTAKE-1", "title": "Discount can go negative", "priority": "P1", "reason": "regression",
                          "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/INTAKE-1"] }] }
            """);
        _folder.Write("CHANGELOG.md", "# Changelog\n\n## [2.4.1]\n- Discount can go negative (INTAKE-1)\n");
        Directory.CreateDirectory(Path.Combine(_folder.Path, "test-results"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Results", "junit", "junitxml-testlogger-xunit2", "junit.xml"), Path.Combine(_folder.Path, "test-results", "junit.xml"));

        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = GateCommand.Run(["--no-build", "--as-of", "2026-11-24", "--test-results", "test-results/junit.xml"], output, errors, _folder.Path);
        (stdout, stderr) = (output.ToString(), errors.ToString());
        return exit;
    }

    public void Dispose() => _folder.Dispose();
}
