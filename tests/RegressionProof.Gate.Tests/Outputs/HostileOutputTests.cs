using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using RegressionProof.Gate.Cli;
using RegressionProof.Gate.Outputs;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>
/// The hostile-input suite of the outputs, through the real entry point: a release file and a
/// manifest full of CI log commands, Markdown, HTML, terminal controls, bidirectional overrides
/// and paths outside the repository. Whatever the format, no line of stdout, stderr or a report
/// starts with "::" (a GitHub workflow command), none carries "##[" or "##vso[" (Azure Pipelines
/// commands, matched anywhere in a line), none carries a C1 control or a bidi override, and no
/// path outside the repository becomes a location.
/// </summary>
public sealed class HostileOutputTests : IDisposable
{
    private const string Id = "::warning file=x.cs,line=1::INJECTED";
    private const string Title = "##[error]X ##vso[task.setvariable variable=X]1 ##VSO[task.complete]";
    private const string Owner = "mallory \u009b31m \u202eevil\u202c \u2066iso\u2069 \u200f\u061c";
    private const string Path = "src/x\n# PASS <script>alert(1)</script> ::error::boom.cs";

    private static readonly string[] Formats = ["text", "json", "markdown", "sarif", "github", "gitlab"];

    private static readonly string[] Outside = ["../../etc/passwd", "/etc/shadow", "C:\\x", "\\\\server\\share", "file:///etc/passwd", "src/../../up.cs"];

    private readonly TempFolder _folder = new();

    public HostileOutputTests()
    {
        var links = new List<string>
        {
            Link("fixes", Id, Path, 3),
            Link("fixes", "OLD-1", Outside[0], -5),
        };
        links.AddRange(Outside.Skip(1).Select((path, i) => Link("fixes", $"OLD-{i + 2}", path, 0)));
        var manifest = $$"""{"schema":"regression-proof/manifest/v1","assembly":"Shop","links":[{{string.Join(",", links)}}]}""";
        Directory.CreateDirectory(System.IO.Path.Combine(_folder.Path, "bin"));
        TestAssemblies.Build(System.IO.Path.Combine(_folder.Path, "bin"), "Shop",
            TestAssemblies.WithManifest(manifest) + "\nnamespace Shop { public class Pricing { } }");
        _folder.Write("release.json", Release("patch"));
        _folder.Write("CHANGELOG.md", $"# Changelog\n\n## [2.4.1]\n- {Id}\n");
    }

    [Fact]
    public void No_output_in_any_format_carries_a_command_a_control_or_an_override_from_user_text()
    {
        foreach (var format in Formats)
        {
            var (exit, stdout, stderr) = Run("--no-build", "--as-of", "2026-11-24", "--format", format, "--out", "out-" + format);

            Assert.Equal(1, exit);
            Assert.Equal(string.Empty, stderr);
            AssertInert(format == "github" ? OwnCommandsRemoved(stdout) : stdout, "stdout of --format " + format);
            foreach (var report in Directory.GetFiles(System.IO.Path.Combine(_folder.Path, "out-" + format)))
            {
                AssertInert(File.ReadAllText(report), report);
            }
        }
    }

    [Fact]
    public void The_text_summary_shows_the_hostile_card_as_data_on_a_row_that_starts_with_a_marker()
    {
        var (_, stdout, _) = Run("--no-build", "--as-of", "2026-11-24");

        var row = Assert.Single(stdout.Split('\n'), line => line.Contains("INJECTED", StringComparison.Ordinal) && line.Contains("unproven", StringComparison.Ordinal));
        Assert.StartsWith("- " + Id + "  unproven", row, StringComparison.Ordinal);
        Assert.Contains("\\u0023#[error]X \\u0023#vso[task.setvariable variable=X]1 \\u0023#VSO[task.complete]", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_and_sarif_on_stdout_escape_the_commands_and_still_read_back_to_the_user_text()
    {
        var json = Run("--no-build", "--as-of", "2026-11-24", "--format", "json").Stdout;
        var sarif = Run("--no-build", "--as-of", "2026-11-24", "--format", "sarif").Stdout;

        using var manifest = JsonDocument.Parse(json);
        var card = manifest.RootElement.GetProperty("cards")[0];
        Assert.Equal(Id, card.GetProperty("id").GetString());
        Assert.Equal(Title, card.GetProperty("title").GetString());
        Assert.Contains(manifest.RootElement.GetProperty("links").EnumerateArray(), link => link.GetProperty("path").GetString() == Path);
        using var log = JsonDocument.Parse(sarif);
        Assert.Contains(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(),
            result => result.GetProperty("message").GetProperty("text").GetString()!.Contains(Id, StringComparison.Ordinal));
    }

    [Fact]
    public void The_release_log_keeps_a_hostile_path_inside_its_finding_line()
    {
        Run("--no-build", "--as-of", "2026-11-24");
        var log = File.ReadAllText(System.IO.Path.Combine(_folder.Path, "artifacts", "regression-proof", "release-log.md"));

        var lines = log.Split('\n');
        Assert.Equal(["# Release log: 2.4.1", "## Approvals", "## Rollback", "## Cards", "## Findings", "## Since the previous release", "## Evidence", "## Tests executed", "## Artifacts"],
            lines.Where(line => line.StartsWith('#')));
        var finding = Assert.Single(lines, line => line.Contains("alert(1)", StringComparison.Ordinal));
        Assert.StartsWith("- **error** RPG003", finding, StringComparison.Ordinal);
        Assert.Contains("At src/x \\# PASS &lt;script&gt;alert(1)&lt;/script&gt; ::error::boom.cs line 3.", finding, StringComparison.Ordinal);
        Assert.DoesNotContain("`", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_outside_the_repository_never_become_locations_and_lines_below_1_are_left_out()
    {
        var sarif = Run("--no-build", "--as-of", "2026-11-24", "--format", "sarif").Stdout;
        var github = Run("--no-build", "--as-of", "2026-11-24", "--format", "github").Stdout;

        using var log = JsonDocument.Parse(sarif);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var uris = results.Where(r => r.TryGetProperty("locations", out _))
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
            .ToList();
        Assert.Equal(["src/x%0A%23%20PASS%20%3Cscript%3Ealert%281%29%3C/script%3E%20%3A%3Aerror%3A%3Aboom.cs"], uris);
        foreach (var card in new[] { "OLD-1", "OLD-2", "OLD-3", "OLD-4", "OLD-5", "OLD-6" })
        {
            // The finding stays, without a location.
            var about = results.Where(r => r.TryGetProperty("properties", out var properties) && properties.GetProperty("card").GetString() == card).ToList();
            Assert.NotEmpty(about);
            Assert.All(about, result => Assert.False(result.TryGetProperty("locations", out _)));
        }

        Assert.DoesNotContain("line=-5", github, StringComparison.Ordinal);
        Assert.DoesNotContain("line=0", github, StringComparison.Ordinal);
        Assert.Equal(["src/x%0A# PASS <script>alert(1)</script> %3A%3Aerror%3A%3Aboom.cs"],
            Regex.Matches(github, "(?m)^::[a-z]+ file=([^,]*),").Select(match => match.Groups[1].Value));
        Assert.Contains(",line=3,", github, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("##[error]x ##vso[task.complete] \u009b \u202e")]
    [InlineData("::error::x")]
    public void Error_messages_on_stderr_neutralise_the_value_they_quote(string releaseClass)
    {
        _folder.Write("release.json", Release(releaseClass));

        var (exit, stdout, stderr) = Run("--no-build");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("verify-regression-safety: ", stderr, StringComparison.Ordinal);
        AssertInert(stderr, "stderr");
    }

    [Fact]
    public void A_bad_option_value_is_quoted_inert_on_stderr()
    {
        var (exit, _, stderr) = Run("--format", "##vso[task.complete]\u009b");

        Assert.Equal(2, exit);
        AssertInert(stderr, "stderr");
        Assert.Contains("\\u0023#vso[task.complete]\\u009B", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_that_cannot_be_replaced_exits_2_and_leaves_the_earlier_reports_byte_identical()
    {
        Run("--no-build", "--as-of", "2026-11-24");
        var folder = System.IO.Path.Combine(_folder.Path, "artifacts", "regression-proof");
        var manifest = File.ReadAllBytes(System.IO.Path.Combine(folder, "coverage-manifest.json"));
        var sarif = File.ReadAllBytes(System.IO.Path.Combine(folder, "regression-proof.sarif"));
        var html = File.ReadAllBytes(System.IO.Path.Combine(folder, "release-report.html"));
        var statement = File.ReadAllBytes(System.IO.Path.Combine(folder, "verification-summary.intoto.json"));
        File.Delete(System.IO.Path.Combine(folder, "release-log.md"));
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "release-log.md"));

        // Another day: every report would change.
        var (exit, stdout, stderr) = Run("--no-build", "--as-of", "2026-11-25");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"verify-regression-safety: cannot write the report '{System.IO.Path.Combine(folder, "release-log.md")}': a directory is in the way; no report was replaced", stderr.TrimEnd());
        Assert.Equal(manifest, File.ReadAllBytes(System.IO.Path.Combine(folder, "coverage-manifest.json")));
        Assert.Equal(sarif, File.ReadAllBytes(System.IO.Path.Combine(folder, "regression-proof.sarif")));
        Assert.Equal(html, File.ReadAllBytes(System.IO.Path.Combine(folder, "release-report.html")));
        Assert.Equal(statement, File.ReadAllBytes(System.IO.Path.Combine(folder, "verification-summary.intoto.json")));
        Assert.Equal([OutputLock.FileName, "coverage-manifest.json", "regression-proof.sarif", "release-report.html", "verification-summary.intoto.json"],
            Directory.GetFiles(folder).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Gates_in_several_processes_writing_one_folder_never_leave_a_mixed_set()
    {
        const int Gates = 3;
        for (var k = 0; k < Gates; k++)
        {
            _folder.Write($"release{k}.json", Release("patch").Replace("2.4.1", $"2.4.{k}", StringComparison.Ordinal).Replace(JsonSerializer.Serialize(Id)[1..^1], $"INTAKE-{k}", StringComparison.Ordinal));
        }

        for (var round = 0; round < 3; round++)
        {
            var gates = Enumerable.Range(0, Gates).Select(k => StartGate($"--no-build --as-of 2026-11-24 --release release{k}.json --out shared")).ToList();
            foreach (var gate in gates)
            {
                var stderr = gate.StandardError.ReadToEnd();
                gate.WaitForExit();
                Assert.True(gate.ExitCode == 1, stderr);
            }

            var folder = System.IO.Path.Combine(_folder.Path, "shared");
            using var manifest = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(folder, "coverage-manifest.json")));
            var version = manifest.RootElement.GetProperty("release").GetProperty("version").GetString()!;
            Assert.StartsWith($"# Release log: {version}\n", File.ReadAllText(System.IO.Path.Combine(folder, "release-log.md")), StringComparison.Ordinal);
            Assert.Contains($"INTAKE-{version[^1]} has no regression proof", File.ReadAllText(System.IO.Path.Combine(folder, "regression-proof.sarif")), StringComparison.Ordinal);
            using var statement = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(folder, "verification-summary.intoto.json")));
            Assert.EndsWith("@" + version, statement.RootElement.GetProperty("predicate").GetProperty("resourceUri").GetString(), StringComparison.Ordinal);
            Assert.Equal([OutputLock.FileName, "coverage-manifest.json", "regression-proof.sarif", "release-log.md", "release-report.html", "verification-summary.intoto.json"],
                Directory.GetFiles(folder).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>The gate as a process of its own, as two CI jobs sharing a folder run it.</summary>
    private Process StartGate(string arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            Arguments = $"\"{System.IO.Path.Combine(AppContext.BaseDirectory, "verify-regression-safety.dll")}\" {arguments}",
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CI"] = "true";
        // Not the CI service running these tests: no annotations, no job summary.
        foreach (var variable in (string[])["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "TF_BUILD"])
        {
            start.Environment.Remove(variable);
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }

    /// <summary>The rules, line by line.</summary>
    private static void AssertInert(string output, string where)
    {
        foreach (var line in output.Split('\n'))
        {
            Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), $"{where}: a line starts with '::': {line}");
            Assert.False(line.Contains("##[", StringComparison.Ordinal), $"{where}: '##[' in: {line}");
            Assert.False(line.Contains("##vso[", StringComparison.OrdinalIgnoreCase), $"{where}: '##vso[' in: {line}");
            Assert.False(Regex.IsMatch(line, "[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\r]"), $"{where}: a control or bidi character in: {line}");
        }
    }

    /// <summary>
    /// <c>--format github</c> prints workflow commands by design: each line must be one of the
    /// gate's own, and its message (which no runner reads as a new command) is checked for the rest.
    /// </summary>
    private static string OwnCommandsRemoved(string annotations)
    {
        var lines = annotations.TrimEnd('\n').Split('\n');
        Assert.All(lines, line => Assert.Matches("^::(error|warning|notice) (file=[^:,]*,(line=[1-9][0-9]*,)?)?title=[^:]*::", line));
        return string.Join('\n', lines.Select(line => "message: " + line[(line.IndexOf("::", 2, StringComparison.Ordinal) + 2)..]));
    }

    private static string Link(string kind, string card, string path, int line) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["kind"] = kind,
            ["card"] = card,
            ["symbol"] = "M:Shop.Pricing.Apply" + card.Length,
            ["display"] = "Pricing.Apply()",
            ["path"] = path,
            ["line"] = line,
            ["fingerprint"] = "sha256:aa",
        });

    private static string Release(string releaseClass) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["version"] = "2.4.1",
        ["class"] = releaseClass,
        ["approvals"] = new[] { new { role = "release-captain", by = "dana" }, new { role = "dri", by = "lee" } },
        ["rollback"] = new { plan = "redeploy 2.4.0", tested = true, mechanism = "hotfix-image" },
        ["cards"] = new[]
        {
            new { id = Id, title = Title, priority = "P1", reason = "regression", owner = Owner, backup = "bob", evidence = new[] { "https://tracker.example/1" } },
        },
    });

    private (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = GateCommand.Run(args, stdout, stderr, _folder.Path);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
