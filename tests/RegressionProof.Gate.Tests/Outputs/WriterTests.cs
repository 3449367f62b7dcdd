using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NJsonSchema;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using RegressionProof.Manifest;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>User text is data: every writer keeps it from breaking or injecting into its format.</summary>
public sealed class WriterTests : IDisposable
{
    private const string Hostile = "a|b`c\nd::error::x %0A <script>alert(1)</script> \u001b[31mred\u001b[0m [link](javascript:x) *bold* # h";

    private readonly TempFolder _folder = new();

    private static GateResult HostileResult()
    {
        var card = new Card("INTAKE-1", Hostile, CardPriority.P1, CardReason.Regression, Hostile, "bob", ["https://tracker.example/INTAKE-1", "javascript:alert(1)", Hostile]);
        var release = Given.Release(cards: [card], approvals: []);
        var links = new[]
        {
            Given.Fix("INTAKE-1"),
            Given.Fix("OLD-9") with { Display = Hostile, Path = "src/a|b`c.cs" },
            Given.Manual("INTAKE-1", "2026-12-01") with { Steps = Hostile, Display = Hostile },
        };
        var input = Given.Input(release, links);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    [Fact]
    public void Markdown_never_renders_user_text_as_markup_html_or_table_cells()
    {
        var log = ReleaseLogWriter.Write(HostileResult());

        Assert.DoesNotContain("<script>", log, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", log, StringComparison.Ordinal);
        Assert.DoesNotContain("[link](javascript", log, StringComparison.Ordinal);
        Assert.Contains("\\[link\\](javascript:x)", log, StringComparison.Ordinal);
        Assert.DoesNotContain("<javascript:", log, StringComparison.Ordinal);
        Assert.Contains("<https://tracker.example/INTAKE-1>", log, StringComparison.Ordinal);
        var cardRow = log.Split('\n').Single(line => line.StartsWith("| INTAKE-1 |", StringComparison.Ordinal));
        Assert.Equal(8, cardRow.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|'));
    }

    [Fact]
    public void GitHub_annotations_cannot_be_ended_early_or_start_another_command()
    {
        var result = HostileResult();
        var annotations = GitHubAnnotationWriter.Write(result);

        // One command per line, one line per finding plus the verdict: a "::" inside a message is
        // literal, since a command only starts at the beginning of a line.
        var lines = annotations.TrimEnd('\n').Split('\n');
        Assert.Equal(result.Findings.Count + 1, lines.Length);
        Assert.All(lines, line => Assert.Matches("^::(error|warning|notice) [^:]*::", line));
        Assert.Contains("%0A", annotations, StringComparison.Ordinal);
        Assert.Contains("%250A", annotations, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", annotations, StringComparison.Ordinal);
        Assert.Contains("file=src/a|b`c.cs,line=7", annotations, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_annotation_properties_escape_colons_and_commas()
    {
        Assert.Equal("a%3Ab%2Cc%25d%0Ae", GitHubAnnotationWriter.Property("a:b,c%d\ne"));
    }

    [Fact]
    public async Task The_coverage_manifest_is_valid_json_against_its_schema_and_keeps_user_text_intact()
    {
        var result = HostileResult();
        var json = CoverageManifestWriter.Write(result);

        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schemas", "coverage-manifest.v1.schema.json"));
        Assert.Empty(schema.Validate(json));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(Hostile, document.RootElement.GetProperty("cards")[0].GetProperty("title").GetString());
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_coverage_manifest_reads_back_as_the_next_baseline()
    {
        var input = Given.Input(Given.Release(), [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")], api: ["M:A", "M:B"], migrations: ["efcore:1 Shop.Init"]);
        var path = _folder.Write("coverage-manifest.json", CoverageManifestWriter.Write(new GateResult(input, Gatekeeper.Decide(input))));

        var baseline = BaselineReader.Read(path);

        Assert.Equal("2.4.1", baseline.Version);
        Assert.Equal(["INTAKE-1"], baseline.Cards);
        Assert.Equal(input.Links.OrderBy(l => l.Kind), baseline.Links.OrderBy(l => l.Kind));
        Assert.Equal(["M:A", "M:B"], baseline.PublicApi["Shop"]);
        Assert.Equal(["efcore:1 Shop.Init"], baseline.Migrations["Shop"]);
    }

    [Fact]
    public void Every_output_is_byte_identical_for_the_same_inputs()
    {
        string[] Run()
        {
            var result = HostileResult();
            return [CoverageManifestWriter.Write(result), ReleaseLogWriter.Write(result), SarifWriter.Write(result), GitHubAnnotationWriter.Write(result), SummaryWriter.Write(result)];
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public async Task Sarif_validates_against_the_official_SARIF_2_1_0_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schemas", "sarif-schema-2.1.0.json"));
        var passing = Given.Input(Given.Release(), [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")]);

        foreach (var result in new[] { HostileResult(), new GateResult(passing, Gatekeeper.Decide(passing)) })
        {
            Assert.Empty(schema.Validate(SarifWriter.Write(result)));
        }

        // The schema does reject what SARIF forbids: a driver without a name, an unknown level.
        Assert.NotEmpty(schema.Validate("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { } } } ] }"""));
        Assert.NotEmpty(schema.Validate("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "level": "fatal", "message": { "text": "m" } } ] } ] }"""));
    }

    [Fact]
    public void Sarif_has_the_structure_of_SARIF_2_1_0_with_located_results_and_declared_rules()
    {
        using var document = JsonDocument.Parse(SarifWriter.Write(HostileResult()));
        var root = document.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("verify-regression-safety", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(Policies.All.Select(p => p.RuleId), rules);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(rules.IndexOf(ruleId), result.GetProperty("ruleIndex").GetInt32());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
        }

        var located = results.First(r => r.TryGetProperty("locations", out _));
        var physical = located.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("src/a%7Cb%60c.cs", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(7, physical.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void The_text_summary_shows_no_control_characters_from_user_text()
    {
        var summary = SummaryWriter.Write(HostileResult());

        Assert.DoesNotContain("\u001b", summary, StringComparison.Ordinal);
        Assert.Contains("FAIL: release 2.4.1 fails the gate", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_are_replaced_all_together_and_no_temporary_file_is_left()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "release-log.md"), "previous");

        AtomicOutput.WriteAll(_folder.Path, [("release-log.md", "new"), ("coverage-manifest.json", "{}")]);

        Assert.Equal("new", File.ReadAllText(Path.Combine(_folder.Path, "release-log.md")));
        Assert.Equal([".regression-proof.lock", "coverage-manifest.json", "release-log.md"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_report_that_fails_half_written_leaves_the_previous_reports_untouched_and_no_temporary_file()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "coverage-manifest.json"), "previous");

        var failure = Assert.Throws<IOException>(() => AtomicOutput.WriteAll(_folder.Path, new List<(string, Action<Stream>)>
        {
            ("coverage-manifest.json", stream => stream.Write("{\"partial\":"u8)),
            ("release-log.md", _ => throw new IOException("disk full")),
        }));

        Assert.Equal("disk full", failure.Message);
        Assert.Equal("previous", File.ReadAllText(Path.Combine(_folder.Path, "coverage-manifest.json")));
        Assert.Equal([".regression-proof.lock", "coverage-manifest.json"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_coverage_manifest_streamed_to_its_file_is_the_same_bytes_as_written_in_memory()
    {
        // Enough assemblies and links that the writer flushes to the file many times on the way.
        var release = Given.Release(cards: [Given.Card("INTAKE-1")]);
        var assemblies = Enumerable.Range(0, 40)
            .Select(a => Given.Assembly($"Service{a:D2}", Enumerable.Range(0, 50).Select(l => Given.Fix("INTAKE-1", $"M:Service{a}.Type{l}.Apply")).ToList()))
            .ToList();
        var input = new GateInput(release, Given.Changelog(release), assemblies, null, null, Given.Today);
        var result = new GateResult(input, Gatekeeper.Decide(input));
        var path = Path.Combine(_folder.Path, "coverage-manifest.json");

        AtomicOutput.WriteAll(_folder.Path, new List<(string, Action<Stream>)> { ("coverage-manifest.json", stream => CoverageManifestWriter.WriteTo(stream, result)) });

        Assert.Equal(CoverageManifestWriter.WriteUtf8(result), File.ReadAllBytes(path));
    }

    public void Dispose() => _folder.Dispose();
}
