using System;
using System.IO;
using System.Linq;
using RegressionProof.Gate.Cli;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Cli;

/// <summary>Exit codes and messages through the real entry point, over assemblies on disk.</summary>
public sealed class GateCommandTests : IDisposable
{
    private const string Manifest = """
        {"schema":"regression-proof/manifest/v1","assembly":"Shop","links":[
        {"kind":"fixes","card":"INTAKE-1","symbol":"M:Shop.Pricing.Apply","display":"Pricing.Apply()","path":"src/Shop/Pricing.cs","line":7,"fingerprint":"sha256:aa"},
        {"kind":"regression-for","card":"INTAKE-1","symbol":"M:Shop.Tests.PricingTests.Never_negative","display":"PricingTests.Never_negative()","path":"tests/Shop.Tests/PricingTests.cs","line":9,"framework":"xunit","test":"Shop.Tests.PricingTests.Never_negative","level":"unit","fingerprint":"sha256:bb"}]}
        """;

    private const string Release = """
        {
          "version": "2.4.1", "class": "patch",
          "approvals": [{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }],
          "rollback": { "plan": "redeploy 2.4.0", "tested": true, "mechanism": "hotfix-image" },
          "cards": [{ "id": "INTAKE-1", "title": "Discount can go negative", "priority": "P1", "reason": "regression",
                      "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/INTAKE-1"] }]
        }
        """;

    private readonly TempFolder _folder = new();

    public GateCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "bin"));
        BuildAssembly(Path.Combine(_folder.Path, "bin", "Shop.dll"), Manifest);
        _folder.Write("release.json", Release);
        _folder.Write("CHANGELOG.md", "# Changelog\n\n## [2.4.1]\n- Discount can go negative (INTAKE-1)\n");
    }

    [Fact]
    public void A_proven_release_exits_0_and_writes_the_five_reports()
    {
        var (exit, stdout, stderr) = Run("--no-build", "--as-of", "2026-11-24");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.StartsWith("PASS: release 2.4.1 passes the gate (patch, standard lane, as of 2026-11-24)\n1 cards: 1 proven, 0 failing, 0 unproven; 0 errors, 0 warnings\n", stdout, StringComparison.Ordinal);
        Assert.Matches(@"INTAKE-1\s+proven\s", stdout);
        // The five reports, and the lock file that keeps two gates from writing the folder at once.
        Assert.Equal([".regression-proof.lock", "coverage-manifest.json", "regression-proof.sarif", "release-log.md", "release-report.html", "verification-summary.intoto.json"],
            Directory.GetFiles(Path.Combine(_folder.Path, "artifacts", "regression-proof")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_html_report_links_each_fix_to_its_source_line_with_a_source_url_template()
    {
        var (exit, _, stderr) = Run("--no-build", "--as-of", "2026-11-24", "--source-url-template", "https://git.example/shop/blob/main/{path}#L{line}");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        var html = File.ReadAllText(Path.Combine(_folder.Path, "artifacts", "regression-proof", "release-report.html"));
        Assert.Contains("<a href=\"https://git.example/shop/blob/main/src/Shop/Pricing.cs#L7\" rel=\"noopener noreferrer\">src/Shop/Pricing.cs:7</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"word\">PASS</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void On_github_actions_the_html_report_links_each_fix_to_its_commit_from_the_runs_variables()
    {
        var variables = new System.Collections.Generic.Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "shop/checkout",
            ["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567",
        };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = GateCommand.Run(["--no-build", "--as-of", "2026-11-24"], stdout, stderr, _folder.Path, environment: name => variables.TryGetValue(name, out var value) ? value : null);

        Assert.Equal((0, string.Empty), (exit, stderr.ToString()));
        var html = File.ReadAllText(Path.Combine(_folder.Path, "artifacts", "regression-proof", "release-report.html"));
        Assert.Contains("<a href=\"https://github.com/shop/checkout/blob/0123456789abcdef0123456789abcdef01234567/src/Shop/Pricing.cs#L7\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)/{path}", "--source-url-template must start with https:// or http://")]
    [InlineData("https://git.example/shop", "--source-url-template needs {path}")]
    public void A_source_url_template_that_cannot_make_a_web_link_exits_2(string template, string message)
    {
        var (exit, stdout, stderr) = Run("--no-build", "--source-url-template", template);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("verify-regression-safety: " + message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unproven_card_exits_1_naming_the_card_and_the_policy()
    {
        _folder.Write("release.json", Release.Replace("\"cards\": [", "\"cards\": [{ \"id\": \"INTAKE-2\", \"owner\": \"a\", \"backup\": \"b\", \"evidence\": [\"https://x.example/2\"] }, ", StringComparison.Ordinal));
        _folder.Write("CHANGELOG.md", "## [2.4.1]\n- INTAKE-1\n- INTAKE-2\n");

        var (exit, stdout, _) = Run("--no-build", "--as-of", "2026-11-24");

        Assert.Equal(1, exit);
        // The card has no fix to point at: the finding points at the card's line in the release file.
        Assert.Contains("error RPG003 [regression proof] release.json(5): INTAKE-2 has no regression proof", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_test_proof_exits_1()
    {
        _folder.Write("results/unit.trx", """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>
              <UnitTestResult testId="t1" testName="Shop.Tests.PricingTests.Never_negative" outcome="Failed" /></Results>
              <TestDefinitions><UnitTest id="t1"><TestMethod className="Shop.Tests.PricingTests" name="Never_negative" /></UnitTest></TestDefinitions></TestRun>
            """);

        var (exit, stdout, _) = Run("--no-build", "--as-of", "2026-11-24", "--test-results", "results/*.trx");

        Assert.Equal(1, exit);
        Assert.Contains("the proof of INTAKE-1 Shop.Tests.PricingTests.Never_negative failed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_result_file_in_a_results_folder_exits_2_naming_file_line_and_column()
    {
        var path = _folder.Write("results/shard-2/unit.trx", """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>
              <UnitTestResult testId="t1" testName="Shop.Tests.PricingTests.Never_negative" outcome="Passed" /></Results>
              <TestDefinitions><UnitTest id="t1"><TestMethod className="Shop.Tests.Pri
            """);

        var (exit, stdout, stderr) = Run("--no-build", "--as-of", "2026-11-24", "--test-results", "results");

        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.Matches(@"^verify-regression-safety: " + System.Text.RegularExpressions.Regex.Escape(path) + @"\(3,\d+\): the test results file is not valid XML", stderr);
    }

    [Fact]
    public void A_broken_release_file_exits_2_naming_file_line_and_column_and_leaves_earlier_outputs_untouched()
    {
        Assert.Equal(0, Run("--no-build", "--as-of", "2026-11-24").Exit);
        var log = Path.Combine(_folder.Path, "artifacts", "regression-proof", "release-log.md");
        var before = File.ReadAllText(log);
        _folder.Write("release.json", "{\n  \"version\": \"2.4.2\",\n  \"class\": \"patch\"\n  \"cards\": []\n}");

        var (exit, stdout, stderr) = Run("--no-build");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"verify-regression-safety: {Path.Combine(_folder.Path, "release.json")}(4,3): unexpected '\"'; expected ',' or '}}'", stderr.TrimEnd());
        Assert.Equal(before, File.ReadAllText(log));
    }

    [Theory]
    [InlineData("--frobnicate", "unknown option --frobnicate; see --help")]
    [InlineData("--as-of 24/11/2026", "--as-of '24/11/2026' is not a date in the form yyyy-MM-dd")]
    [InlineData("--format yaml", "--format 'yaml' is not one of text, json, markdown, sarif, github, gitlab")]
    [InlineData("--release", "--release needs a value; see --help")]
    [InlineData("--flaky sometimes", "--flaky 'sometimes' is not one of fail, warn")]
    [InlineData("a b", "one solution, project or folder to gate, not both 'a' and 'b' (a subcommand, init, check or close-out, comes first)")]
    public void A_bad_command_line_exits_2_with_a_usage_message(string args, string message)
    {
        var (exit, _, stderr) = Run(args.Split(' '));

        Assert.Equal(2, exit);
        Assert.Equal("verify-regression-safety: " + message, stderr.TrimEnd());
    }

    [Theory]
    [InlineData("native")]
    [InlineData("corrupt")]
    [InlineData("future")]
    public void An_unusable_assembly_exits_2_naming_it(string kind)
    {
        var path = Path.Combine(_folder.Path, "bin", "Other.dll");
        switch (kind)
        {
            case "native":
                File.WriteAllBytes(path, [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 0, 0]);
                break;
            case "corrupt":
                BuildAssembly(path, "{\"schema\":\"regression-proof/manifest/v1\",\"links\":[{");
                break;
            default:
                BuildAssembly(path, "{\"schema\":\"regression-proof/manifest/v2\",\"assembly\":\"Other\",\"links\":[]}");
                break;
        }

        var (exit, _, stderr) = Run("--no-build");

        Assert.Equal(2, exit);
        Assert.StartsWith($"verify-regression-safety: {path}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_release_file_or_folder_exits_2()
    {
        Assert.Equal(2, Run("--no-build", "--release", "nope.json").Exit);
        Assert.Equal(2, Run("missing-folder", "--no-build").Exit);
    }

    [Theory]
    [InlineData("json", "\"schema\": \"regression-proof/coverage/v1\"")]
    [InlineData("markdown", "# Release log: 2.4.1")]
    [InlineData("sarif", "\"version\": \"2.1.0\"")]
    [InlineData("github", "::notice title=verify-regression-safety::release 2.4.1: PASS")]
    public void The_format_chooses_what_goes_to_stdout(string format, string expected)
    {
        var (exit, stdout, _) = Run("--no-build", "--as-of", "2026-11-24", "--format", format);

        Assert.Equal(0, exit);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "Warn")]
    [InlineData(new[] { "--flaky", "warn" }, "Warn")]
    [InlineData(new[] { "--flaky", "fail" }, "Fail")]
    public void A_proof_that_passed_only_after_a_retry_warns_unless_flaky_fail_is_given(string[] args, string expected)
    {
        Assert.Equal(Enum.Parse<FlakyPolicy>(expected), GateOptions.Parse(args).Flaky);
    }

    [Fact]
    public void Help_explains_every_option_with_an_example()
    {
        var (exit, stdout, _) = Run("--help");

        Assert.Equal(0, exit);
        foreach (var option in new[] { "--release", "--changelog", "--test-results", "--flaky", "--baseline", "--as-of", "--out", "--format", "--no-build" })
        {
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_runs_over_the_same_inputs_write_byte_identical_outputs()
    {
        Run("--no-build", "--as-of", "2026-11-24", "--out", "first");
        Run("--no-build", "--as-of", "2026-11-24", "--out", "second");

        foreach (var name in new[] { "coverage-manifest.json", "release-log.md", "regression-proof.sarif" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_folder.Path, "first", name)), File.ReadAllBytes(Path.Combine(_folder.Path, "second", name)));
        }
    }

    [Fact]
    public void Copies_of_one_assembly_are_merged_not_double_counted()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "tests", "bin"));
        File.Copy(Path.Combine(_folder.Path, "bin", "Shop.dll"), Path.Combine(_folder.Path, "tests", "bin", "Shop.dll"));

        var (exit, stdout, _) = Run("--no-build", "--as-of", "2026-11-24");

        Assert.Equal(0, exit);
        Assert.Contains("1 assemblies, 2 links", stdout, StringComparison.Ordinal);
        Assert.Matches(@"INTAKE-1\s+proven\s+1\s+1\s", stdout);
    }

    [Fact]
    public void Only_the_gated_configuration_counts_so_a_stale_debug_build_cannot_keep_a_removed_proof_alive()
    {
        var project = Path.Combine(_folder.Path, "src", "Shop");
        Directory.CreateDirectory(Path.Combine(project, "bin", "Debug", "net10.0"));
        Directory.CreateDirectory(Path.Combine(project, "bin", "Release", "net10.0"));
        File.WriteAllText(Path.Combine(project, "Shop.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        BuildAssembly(Path.Combine(project, "bin", "Debug", "net10.0", "Shop.dll"), Manifest);
        var withoutProof = Manifest[..Manifest.IndexOf(",\n{\"kind\":\"regression-for\"", StringComparison.Ordinal)] + "]}";
        BuildAssembly(Path.Combine(project, "bin", "Release", "net10.0", "Shop.dll"), withoutProof);
        _folder.Write("Shop.sln", "Microsoft Visual Studio Solution File, Format Version 12.00\nProject(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Shop\", \"src\\Shop\\Shop.csproj\", \"{11111111-1111-1111-1111-111111111111}\"\nEndProject\n");

        var release = Run("Shop.sln", "--no-build", "--as-of", "2026-11-24");
        var debug = Run("Shop.sln", "--no-build", "--as-of", "2026-11-24", "-c", "Debug");

        Assert.Equal(1, release.Exit);
        Assert.Contains("INTAKE-1 has no regression proof", release.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, debug.Exit);
        Assert.Equal(2, Run("Shop.sln", "--no-build", "-c", "Staging").Exit);
    }

    private (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = GateCommand.Run(args, stdout, stderr, _folder.Path);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static void BuildAssembly(string path, string manifestJson) =>
        TestAssemblies.Build(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path),
            TestAssemblies.WithManifest(manifestJson) + "\nnamespace Shop { public class Pricing { public decimal Apply() => 0; } }");

    public void Dispose() => _folder.Dispose();
}
