using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NJsonSchema;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Model;

/// <summary>The trend the coverage manifest carries from release to release, without a history folder.</summary>
public sealed class ReleaseTrendTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CoverageTrendEntry Entry(string version, int cards = 1) => new()
    {
        Version = version, AsOf = "2026-11-01", Verdict = "pass", Cards = cards, Proven = cards, Manual = 0, Errors = 0, Warnings = 0, Waived = 0,
    };

    private static GateResult Decided(GateInput input) => new(input, Gatekeeper.Decide(input));

    [Fact]
    public void This_release_is_counted_as_the_reports_count_it_and_appended_to_the_baselines_trend()
    {
        // INTAKE-1 proven by a test, INTAKE-2 only by hand, INTAKE-3 by nothing (an error).
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2"), Given.Card("INTAKE-3")]);
        var baseline = Given.Baseline([Given.Test("INTAKE-1")]) with { Trend = [Entry("2.3.0"), Entry("2.4.0")] };
        var result = Decided(Given.Input(release, [Given.Test("INTAKE-1"), Given.Manual("INTAKE-2", "2026-12-01")], baseline: baseline));

        var trend = ReleaseTrend.Of(result);

        Assert.Equal(["2.3.0", "2.4.0", "2.4.1"], trend.Select(e => e.Version));
        var counts = ReportCounts.Of(result);
        var last = trend[^1];
        Assert.Equal(("2026-11-24", "fail", counts.Cards, counts.Proven, 1, counts.Errors, counts.Warnings, 0),
            (last.AsOf, last.Verdict, last.Cards, last.Proven, last.Manual, last.Errors, last.Warnings, last.Waived));
        Assert.Equal((3, 2), (last.Cards, last.Proven));
    }

    [Fact]
    public void Without_a_baseline_the_trend_is_this_release_alone()
    {
        var trend = ReleaseTrend.Of(Decided(Given.Input(Given.Release(), [Given.Test("INTAKE-1")])));

        Assert.Equal(["2.4.1"], trend.Select(e => e.Version));
    }

    [Fact]
    public void A_release_gated_again_replaces_its_entry_which_goes_last()
    {
        var trend = ReleaseTrend.Extend([Entry("1.0.0"), Entry("1.1.0", cards: 7), Entry("1.2.0")], Entry("1.1.0", cards: 9));

        Assert.Equal([("1.0.0", 1), ("1.2.0", 1), ("1.1.0", 9)], trend.Select(e => (e.Version, e.Cards)));
    }

    [Fact]
    public void The_trend_keeps_the_newest_fifty_releases()
    {
        var earlier = Enumerable.Range(1, ReleaseTrend.MaxEntries).Select(i => Entry($"1.{i}.0")).ToList();

        var trend = ReleaseTrend.Extend(earlier, Entry("2.0.0"));

        Assert.Equal(50, ReleaseTrend.MaxEntries);
        Assert.Equal(ReleaseTrend.MaxEntries, trend.Count);
        Assert.Equal(("1.2.0", "2.0.0"), (trend[0].Version, trend[^1].Version));
    }

    [Fact]
    public async Task The_trend_is_written_in_the_manifest_valid_against_its_schema_and_read_back_by_the_next_release()
    {
        var baseline = Given.Baseline([Given.Test("INTAKE-1")]) with { Trend = [Entry("2.4.0")] };
        var json = CoverageManifestWriter.Write(Decided(Given.Input(Given.Release(retired: ["OLD-0"]), [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")], baseline: baseline)));
        var path = _folder.Write("coverage-manifest.json", json);

        var schema = await JsonSchema.FromFileAsync(System.IO.Path.Combine(AppContext.BaseDirectory, "schemas", "coverage-manifest.v1.schema.json"));
        Assert.Empty(schema.Validate(json));
        using (var document = JsonDocument.Parse(json))
        {
            var entry = document.RootElement.GetProperty("trend")[1];
            Assert.Equal(["version", "asOf", "verdict", "cards", "proven", "manual", "errors", "warnings", "waived"], entry.EnumerateObject().Select(p => p.Name));
        }

        var next = BaselineReader.Read(path);

        Assert.Equal(["2.4.0", "2.4.1"], next.Trend.Select(e => e.Version));
        Assert.Equal(Entry("2.4.0"), next.Trend[0]);
        Assert.Equal(["OLD-0"], next.Retired);
        var release = Given.Release(version: "2.5.0", releaseClass: ReleaseClass.Minor);
        Assert.Equal(["2.4.0", "2.4.1", "2.5.0"], ReleaseTrend.Of(Decided(Given.Input(release, [Given.Test("INTAKE-1")], baseline: next))).Select(e => e.Version));
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("2026-11-32")]
    [InlineData("2026-11-00")]
    public async Task The_schema_rejects_an_as_of_day_no_calendar_has(string day)
    {
        var json = CoverageManifestWriter.Write(Decided(Given.Input(Given.Release(), [Given.Fix("INTAKE-1"), Given.Test("INTAKE-1")])));
        var asOf = JsonDocument.Parse(json).RootElement.GetProperty("trend")[0].GetProperty("asOf").GetString()!;
        var schema = await JsonSchema.FromFileAsync(System.IO.Path.Combine(AppContext.BaseDirectory, "schemas", "coverage-manifest.v1.schema.json"));
        Assert.Empty(schema.Validate(json));

        Assert.Contains($"\"{asOf}\"", json, StringComparison.Ordinal);
        Assert.NotEmpty(schema.Validate(json.Replace($"\"{asOf}\"", $"\"{day}\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_manifest_written_before_the_trend_starts_it_with_its_own_release_counted_from_its_cards_links_and_findings()
    {
        var path = _folder.Write("coverage-manifest.json", """
            { "schema": "regression-proof/coverage/v1", "release": { "version": "2.4.0", "class": "patch", "lane": "standard" },
              "asOf": "2026-11-01", "verdict": "pass",
              "cards": [ { "id": "A-1", "status": "proven", "fixes": 1, "proofs": 1 }, { "id": "A-2", "status": "proven", "fixes": 1, "proofs": 1 },
                         { "id": "A-3", "status": "unproven", "fixes": 1, "proofs": 0 } ],
              "retired": [], "assemblies": [],
              "links": [
                { "kind": "regression-for", "card": "A-1", "symbol": "M:T.A", "display": "T.A", "path": "t.cs", "line": 1, "fingerprint": "sha256:1", "test": "T.A" },
                { "kind": "manual-verification", "card": "A-2", "symbol": "M:T.B", "display": "T.B", "path": "t.cs", "line": 2, "fingerprint": "sha256:2",
                  "steps": "click", "recordedOn": "2026-10-01", "automateBy": "2026-11-10" },
                { "kind": "manual-verification", "card": "OLD-1", "symbol": "M:T.C", "display": "T.C", "path": "t.cs", "line": 3, "fingerprint": "sha256:3",
                  "steps": "click", "recordedOn": "2026-10-01", "automateBy": "2026-11-10" } ],
              "findings": [
                { "ruleId": "RPG003", "policy": "regression proof", "level": "error", "card": "A-3", "message": "m", "fix": "f", "waivedBy": 0 },
                { "ruleId": "RPG012", "policy": "keep probes in place", "level": "warning", "message": "m", "fix": "f" } ] }
            """);

        var baseline = BaselineReader.Read(path);

        var own = Assert.Single(baseline.Trend);
        Assert.Equal(("2.4.0", "2026-11-01", "pass", 3, 2, 1, 1, 1, 1), (own.Version, own.AsOf, own.Verdict, own.Cards, own.Proven, own.Manual, own.Errors, own.Warnings, own.Waived));
        var trend = ReleaseTrend.Of(Decided(Given.Input(Given.Release(), [Given.Test("INTAKE-1")], baseline: baseline)));
        Assert.Equal(["2.4.0", "2.4.1"], trend.Select(e => e.Version));
    }

    [Fact]
    public void A_manifest_written_before_the_trend_that_does_not_say_which_release_it_was_starts_none()
    {
        var path = _folder.Write("coverage-manifest.json", """{ "schema": "regression-proof/coverage/v1", "cards": [ { "id": "A-1" } ], "links": [] }""");

        var baseline = BaselineReader.Read(path);

        Assert.Empty(baseline.Trend);
        Assert.Equal(["2.4.1"], ReleaseTrend.Of(Decided(Given.Input(Given.Release(), [Given.Test("INTAKE-1")], baseline: baseline))).Select(e => e.Version));
    }

    [Theory]
    [InlineData("\"trend\": [ null ]", "the baseline is not valid: trend[0] is null; expected a release's figures", 2, 12)]
    [InlineData("\"trend\": [ { \"version\": \"1.0.0\", \"asOf\": \"2026-11-01\", \"verdict\": \"pass\", \"cards\": 1, \"proven\": -1, \"manual\": 0, \"errors\": 0, \"warnings\": 0, \"waived\": 0 } ]",
        "the baseline is not valid: trend[0].proven is -1; expected a count (0 or more)", 2, 97)]
    [InlineData("\"trend\": [ { \"version\": \"1.0.0\" } ]", "the baseline is not valid: trend[0] lacks \"asOf\", \"verdict\", \"cards\"", 2, 12)]
    public void A_trend_that_is_not_one_is_a_clear_error_with_its_position(string part, string reason, int line, int column)
    {
        var path = _folder.Write("coverage-manifest.json", "{ \"schema\": \"regression-proof/coverage/v1\",\n" + part + " }");

        var error = Assert.Throws<InputException>(() => BaselineReader.Read(path));

        Assert.StartsWith($"{path}({line},{column}): {reason}", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
