using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Cli;
using RegressionProof.Gate.Inputs;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>
/// Inputs written to break the gate (issue 11): whatever they hold, the gate exits 2 with a
/// message that names the file and, where there is one, the line and column, never with a stack
/// trace, a hang or an answer the file's reader would not give.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Fix = """{"kind":"fixes","card":"INTAKE-1","symbol":"M:Shop.Pricing.Apply","display":"Pricing.Apply()","path":"src/Shop/Pricing.cs","line":7,"fingerprint":"sha256:aa"}""";
    private const string Proof = """{"kind":"regression-for","card":"INTAKE-1","symbol":"M:Shop.Tests.PricingTests.Never_negative","display":"PricingTests.Never_negative()","path":"tests/Shop.Tests/PricingTests.cs","line":9,"framework":"xunit","test":"Shop.Tests.PricingTests.Never_negative","fingerprint":"sha256:bb"}""";
    private const string Manifest = "{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"Shop\",\"links\":[" + Fix + "," + Proof + "]}";

    private const string Release = """
        {
          "version": "2.4.1", "class": "patch",
          "approvals": [{ "role": "release-captain", "by": "dana" }, { "role": "dri", "by": "lee" }],
          "rollback": { "plan": "redeploy 2.4.0", "tested": true, "mechanism": "hotfix-image" },
          "cards": [{ "id": "INTAKE-1", "owner": "alice", "backup": "bob", "evidence": ["https://tracker.example/INTAKE-1"] }]
        }
        """;

    private readonly TempFolder _folder = new();

    public HostileInputTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "bin"));
        BuildAssembly("Shop", Manifest);
        _folder.Write("release.json", Release);
        _folder.Write("CHANGELOG.md", "## [2.4.1]\n- INTAKE-1\n");
    }

    private string Dll(string name) => Path.Combine(_folder.Path, "bin", name + ".dll");

    // Item 6: hand-written manifests with nulls and bytes that are not text.

    [Theory]
    [InlineData("\"links\":null", "links is null; expected an array of objects")]
    [InlineData("\"links\":[null]", "links[0] is null; expected a link object")]
    [InlineData("\"links\":\"none\"", "links is a string; expected an array of objects")]
    [InlineData("\"links\":[{\"kind\":\"fixes\"}]", "links[0] lacks \"card\", \"symbol\", \"display\", \"path\", \"line\", \"fingerprint\"")]
    public void A_manifest_whose_links_are_not_a_list_of_links_exits_2_naming_the_assembly_and_the_position(string links, string reason)
    {
        BuildAssembly("Other", "{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"Other\"," + links + "}");

        var (exit, _, stderr) = Run("--no-build");

        Assert.Equal(2, exit);
        Assert.Matches(@"^verify-regression-safety: .*Other\.dll \(embedded manifest\)\(1,\d+\): the manifest JSON is corrupt: " + System.Text.RegularExpressions.Regex.Escape(reason) + "\\s*$", stderr);
    }

    [Fact]
    public void A_link_whose_path_is_null_exits_2_at_the_null()
    {
        var json = "{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"Other\",\"links\":[" + Fix.Replace("\"src/Shop/Pricing.cs\"", "null", StringComparison.Ordinal) + "]}";
        BuildAssembly("Other", json);

        var (exit, _, stderr) = Run("--no-build");

        Assert.Equal(2, exit);
        var column = json.IndexOf("null", StringComparison.Ordinal) + 1;
        Assert.Equal($"verify-regression-safety: {Dll("Other")} (embedded manifest)(1,{column}): the manifest JSON is corrupt: links[0].path is null; expected a string", stderr.TrimEnd());
    }

    [Theory]
    [InlineData("0", "links[0].column is 0; expected a whole number from 1")]
    [InlineData("2.5", "links[0].column is a number; expected a whole number")]
    public void A_link_whose_column_is_not_a_whole_number_from_1_exits_2_at_the_column(string column, string reason)
    {
        var json = "{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":\"Other\",\"links\":[" + Fix.Replace("\"line\":7,", "\"line\":7,\"column\":" + column + ",", StringComparison.Ordinal) + "]}";
        BuildAssembly("Other", json);

        var (exit, _, stderr) = Run("--no-build");

        Assert.Equal(2, exit);
        var at = json.IndexOf("\"column\":", StringComparison.Ordinal) + "\"column\":".Length + 1;
        Assert.Equal($"verify-regression-safety: {Dll("Other")} (embedded manifest)(1,{at}): the manifest JSON is corrupt: {reason}", stderr.TrimEnd());
    }

    [Fact]
    public void A_manifest_string_holding_an_unpaired_surrogate_exits_2_naming_the_assembly()
    {
        // "\ud800" in C# source is stored in metadata as the bytes ED A0 80, which are not UTF-8.
        BuildAssembly("Other", Manifest.Replace("\"Shop\"", "\"Other\"", StringComparison.Ordinal).Replace("Pricing.Apply()", "Pricing\ud800.Apply()", StringComparison.Ordinal));

        var (exit, _, stderr) = Run("--no-build");

        Assert.Equal(2, exit);
        Assert.StartsWith($"verify-regression-safety: {Dll("Other")} (embedded manifest)(1,", stderr, StringComparison.Ordinal);
        Assert.Contains("the manifest is not text: byte 0xED at offset", stderr, StringComparison.Ordinal);
        Assert.Contains("is an unpaired surrogate, which is not text", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_manifest_whose_assembly_is_null_exits_2_with_or_without_a_baseline(bool withBaseline)
    {
        Assert.Equal(0, Run("--no-build", "--as-of", "2026-11-24", "--out", "earlier").Exit);
        BuildAssembly("Other", "{\"schema\":\"regression-proof/manifest/v1\",\"assembly\":null,\"links\":[]}");

        var (exit, _, stderr) = withBaseline
            ? Run("--no-build", "--as-of", "2026-11-24", "--baseline", "earlier/coverage-manifest.json")
            : Run("--no-build", "--as-of", "2026-11-24");

        Assert.Equal(2, exit);
        Assert.EndsWith("the manifest JSON is corrupt: assembly is null; expected a string", stderr.TrimEnd(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "artifacts")), "nothing is written, so no \"name\": null either");
    }

    // Items 6, 8 and 21: baselines with nulls, wrong types and an assembly listed twice.

    [Theory]
    [InlineData("\"assemblies\": [ { \"name\": \"Shop\", \"publicApi\": \"M:A\" } ]", "assemblies[0].publicApi is a string; expected an array of strings", 2, 48)]
    [InlineData("\"assemblies\": [ { \"name\": null } ]", "assemblies[0].name is null; expected a string", 2, 27)]
    [InlineData("\"assemblies\": [ { \"publicApi\": [] } ]", "assemblies[0] lacks \"name\"", 2, 17)]
    [InlineData("\"assemblies\": [ null ]", "assemblies[0] is null; expected an assembly object", 2, 17)]
    [InlineData("\"cards\": [ { \"id\": 7 } ]", "cards[0].id is a number; expected a string", 2, 20)]
    [InlineData("\"links\": [ " + Fix + " ],\n\"cards\": { }", "cards is an object; expected an array of objects", 3, 10)]
    [InlineData("\"links\": [ { \"kind\": \"fixes\", \"line\": \"7\" } ]", "links[0].line is a string; expected a whole number", 2, 39)]
    [InlineData("\"release\": { \"version\": \"1.0.0\", \"version\": \"2.0.0\" }", "\"version\" is given twice in one object; give it once", 2, 34)]
    public void A_baseline_with_a_value_of_the_wrong_kind_exits_2_saying_what_was_expected_and_where(string part, string reason, int line, int column)
    {
        _folder.Write("baseline.json", "{ \"schema\": \"regression-proof/coverage/v1\",\n" + part + " }");

        var (exit, _, stderr) = Run("--no-build", "--baseline", "baseline.json");

        Assert.Equal(2, exit);
        Assert.Equal($"verify-regression-safety: {Path.Combine(_folder.Path, "baseline.json")}({line},{column}): the baseline is not valid: {reason}", stderr.TrimEnd());
    }

    [Fact]
    public void A_baseline_listing_one_assembly_twice_exits_2_at_the_second_entry()
    {
        _folder.Write("baseline.json", """
            { "schema": "regression-proof/coverage/v1", "assemblies": [
              { "name": "Shop", "publicApi": [] },
              { "name": "Shop", "publicApi": ["M:A"] } ] }
            """);

        var (exit, _, stderr) = Run("--no-build", "--baseline", "baseline.json");

        Assert.Equal(2, exit);
        Assert.Equal(
            $"verify-regression-safety: {Path.Combine(_folder.Path, "baseline.json")}(3,13): the baseline lists the assembly \"Shop\" twice (assemblies[0] at line 2 and assemblies[1]); a coverage manifest lists each assembly once",
            stderr.TrimEnd());
    }

    // Item 10: devices, FIFOs and files that report no length.

    [LinuxTheory]
    [InlineData("--release", "/dev/zero", "release")]
    [InlineData("--changelog", "/dev/urandom", "changelog")]
    [InlineData("--test-results", "/dev/zero", "test results")]
    public void A_device_named_as_an_input_exits_2_before_it_is_read(string option, string device, string what)
    {
        var (exit, _, stderr) = Run("--no-build", option, device);

        Assert.Equal(2, exit);
        Assert.Equal($"verify-regression-safety: {device}: is a character device, not a regular file; expected the {what} file", stderr.TrimEnd());
    }

    [LinuxFact]
    public void A_fifo_named_as_the_release_file_or_as_an_assembly_exits_2_without_waiting_for_a_writer()
    {
        MakeFifo(Path.Combine(_folder.Path, "release.fifo"));
        MakeFifo(Dll("x"));

        var release = Task.Run(() => Run("--no-build", "--release", "release.fifo"));
        Assert.True(release.Wait(TimeSpan.FromSeconds(30)), "the gate waited on the FIFO");
        var assembly = Task.Run(() => Run("--no-build"));
        Assert.True(assembly.Wait(TimeSpan.FromSeconds(30)), "the gate waited on the FIFO");

        Assert.Equal((2, $"verify-regression-safety: {Path.Combine(_folder.Path, "release.fifo")}: is a FIFO (named pipe), not a regular file; expected the release file"), (release.Result.Exit, release.Result.Stderr.TrimEnd()));
        Assert.Equal((2, $"verify-regression-safety: {Dll("x")}: is a FIFO (named pipe), not an assembly file"), (assembly.Result.Exit, assembly.Result.Stderr.TrimEnd()));
    }

    [LinuxFact]
    public void A_file_that_reports_no_length_is_read_only_up_to_the_cap()
    {
        // Files under /proc report a length of 0 and still hold text.
        var error = Assert.Throws<InputException>(() => TextFile.Read("/proc/self/status", "release", maxBytes: 100));

        Assert.Equal("/proc/self/status: the release file is larger than 100 bytes; that is not a release file", error.Message);
    }

    // Item 14: a name given twice in one JSON object.

    [Fact]
    public void A_release_file_giving_class_twice_exits_2_at_the_second()
    {
        _folder.Write("release.json", Release.Replace("\"class\": \"patch\"", "\"class\": \"major\", \"class\": \"patch\"", StringComparison.Ordinal));

        var (exit, _, stderr) = Run("--no-build");

        Assert.Equal(2, exit);
        Assert.Equal($"verify-regression-safety: {Path.Combine(_folder.Path, "release.json")}(2,41): \"class\" is given twice in one object (first at line 2); give it once", stderr.TrimEnd());
    }

    [Fact]
    public void A_card_giving_its_owner_twice_is_refused_too()
    {
        var error = Assert.Throws<InputException>(() => ReleaseFileReader.Parse("release.json", "{ \"version\": \"1.0.0\", \"class\": \"patch\", \"cards\": [\n  { \"id\": \"A-1\", \"owner\": \"x\",\n    \"owner\": \"y\" } ] }"));

        Assert.Equal("release.json(3,5): \"owner\" is given twice in one object (first at line 2); give it once", error.Message);
    }

    // Item 17: the changelog as Markdown shows it.

    [Theory]
    [InlineData("```\n## [2.4.1]\n- INTAKE-1\n```\n")]
    [InlineData("~~~markdown\n## [2.4.1]\n- INTAKE-1\n~~~\n")]
    [InlineData("  ````\n## [2.4.1]\n```\n- INTAKE-1\n  ````\n")]
    [InlineData("<!--\n## [2.4.1]\n- INTAKE-1\n-->\n")]
    public void A_section_heading_inside_a_code_fence_or_a_comment_opens_no_section(string changelog)
    {
        var findings = ChangelogCheck.Check(Given.Input(Given.Release(), [], ChangelogReader.Parse("CHANGELOG.md", "# Changelog\n\n" + changelog))).ToList();

        Assert.Contains(findings, f => f.Message == "CHANGELOG.md has no section for 2.4.1 (\"## [2.4.1]\") nor \"## [Unreleased]\"");
        Assert.Contains(findings, f => f.Message == "INTAKE-1 is not in the changelog section of 2.4.1");
    }

    [Theory]
    [InlineData("## [2.4.1]\n<!-- INTAKE-1 -->\n- a fix\n")]
    [InlineData("## [2.4.1]\n- a fix <!-- INTAKE-1\n  still hidden -->\n")]
    public void A_card_named_only_inside_an_html_comment_is_not_in_the_changelog(string changelog)
    {
        var findings = ChangelogCheck.Check(Given.Input(Given.Release(), [], ChangelogReader.Parse("CHANGELOG.md", changelog))).ToList();

        Assert.Equal(["INTAKE-1 is not in the changelog section of 2.4.1"], findings.Select(f => f.Message));
    }

    [Theory]
    [InlineData("# Changelog\r\r## [2.4.1]\r- INTAKE-1\r\r## [2.4.0]\r- INTAKE-0\r")]
    [InlineData("# Changelog\r\n\r\n## [2.4.1]\r\n```\r\n## [9.9.9]\r\n```\r\n- INTAKE-1\r\n<!-- INTAKE-0 -->\r\n")]
    [InlineData("## [2.4.1]\n<!-- a note --> - INTAKE-1\n```\n<!-- in a fence, a comment is code\n```\n")]
    public void Cards_are_found_whatever_the_line_ends_and_beside_fences_and_comments(string changelog)
    {
        Assert.Empty(ChangelogCheck.Check(Given.Input(Given.Release(), [], ChangelogReader.Parse("CHANGELOG.md", changelog))));
    }

    // Item 15: naming a card, found in one pass, means what it meant with one search per card.

    [Theory]
    [InlineData("- INTAKE-1", true)]
    [InlineData("- INTAKE-12", false)]
    [InlineData("- XINTAKE-1", false)]
    [InlineData("- X-INTAKE-1", false)]
    [InlineData("- INTAKE-1-followup", true)]
    [InlineData("- INTAKE-1_b", false)]
    [InlineData("(INTAKE-1).", true)]
    [InlineData("INTAKE-1", true)]
    [InlineData("INTAKE-", false)]
    public void A_card_is_named_as_a_whole_id(string text, bool named)
    {
        var regex = System.Text.RegularExpressions.Regex.IsMatch(text, "(?<![A-Za-z0-9_-])INTAKE-1(?![A-Za-z0-9_])");

        Assert.Equal((named, named), (regex, IdMentions.Find(text, ["INTAKE-1"]).Contains("INTAKE-1")));
    }

    [Fact]
    public void Ids_outside_the_token_characters_are_still_found()
    {
        Assert.Equal(["JIRA 7", "a.b"], IdMentions.Find("fixed JIRA 7 and a.b, not xa.b", ["JIRA 7", "a.b", "c.d"]).Order(StringComparer.Ordinal));
    }

    // Item 21: messages say which option is wrong, in the user's words, with user text made inert.

    [Fact]
    public void Out_naming_a_file_exits_2_naming_the_option()
    {
        _folder.Write("report.txt", "not a folder");

        Assert.Equal((2, "verify-regression-safety: --out 'report.txt' is a file; give a folder"), Outcome(Run("--no-build", "--out", "report.txt")));
        Assert.Equal((2, $"verify-regression-safety: --out 'report.txt/reports' is inside the file '{Path.Combine(_folder.Path, "report.txt")}'; give a folder"),
            Outcome(Run("--no-build", "--out", "report.txt/reports")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_out_is_a_usage_error_not_the_current_folder(string folder)
    {
        Assert.Equal((2, "verify-regression-safety: --out needs a folder, not an empty name"), Outcome(Run("--no-build", "--out", folder)));
        Assert.False(File.Exists(Path.Combine(_folder.Path, "coverage-manifest.json")));
    }

    [Fact]
    public void A_usage_error_quoting_user_text_prints_it_inert()
    {
        var (exit, _, stderr) = Run("--format", "\u001b[31m\nx");

        Assert.Equal(2, exit);
        Assert.Equal("verify-regression-safety: --format '\\u001B[31m x' is not one of text, json, markdown, sarif, github, gitlab", stderr.TrimEnd());
    }

    private static (int, string) Outcome((int Exit, string Stdout, string Stderr) run) => (run.Exit, run.Stderr.TrimEnd());

    private (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = GateCommand.Run(args, stdout, stderr, _folder.Path);
        var error = stderr.ToString();
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        return (exit, stdout.ToString(), error);
    }

    private void BuildAssembly(string name, string manifestJson) =>
        TestAssemblies.Build(Path.Combine(_folder.Path, "bin"), name, TestAssemblies.WithManifest(manifestJson) + $"\nnamespace {name} {{ public class Pricing {{ public decimal Apply() => 0; }} }}");

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>A fact about Linux files (devices, FIFOs, /proc): skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only";
        }
    }
}

/// <summary>A theory about Linux files: skipped elsewhere.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only";
        }
    }
}
