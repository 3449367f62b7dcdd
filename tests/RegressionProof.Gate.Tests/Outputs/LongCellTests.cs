using System;
using System.Diagnostics;
using System.Linq;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>
/// One enormous value cannot make the tables enormous: a 4,000,000-character card ID among 2,000
/// cards used to pad every row of the summary to its width (8 billion characters).
/// </summary>
public sealed class LongCellTests
{
    private static readonly string HugeId = "INTAKE-" + new string('9', 4_000_000);

    private static GateResult Release()
    {
        var cards = Enumerable.Range(1, 2_000).Select(i => i == 1_000 ? Given.Card(HugeId, evidence: "https://tracker.example/huge") : Given.Card($"INTAKE-{i}")).ToList();
        var release = Given.Release(cards: cards);
        var input = Given.Input(release, cards.Select(c => Given.Test(c.Id)).ToList(), changelog: Given.Changelog(Given.Release()));

        // No findings: the tables are what is measured, and the checks have their own tests.
        return new GateResult(input, []);
    }

    [Fact]
    public void The_summary_and_the_release_log_cut_long_cells_and_stay_small_and_fast()
    {
        var result = Release();
        var timer = Stopwatch.StartNew();

        var summary = SummaryWriter.Write(result);
        var log = ReleaseLogWriter.Write(result);

        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(5), $"writing took {timer.Elapsed}");
        Assert.True(summary.Length < 2_000 * 120, $"the summary is {summary.Length} characters");
        Assert.True(log.Length < 2_000 * 400, $"the release log is {log.Length} characters");
        var cut = "INTAKE-" + new string('9', SummaryWriter.MaxIdLength - 8) + "…";
        Assert.Contains("- " + cut + "  proven", summary, StringComparison.Ordinal);
        Assert.Contains("| " + cut + " |", log, StringComparison.Ordinal);
        Assert.Contains("- INTAKE-1  " + new string(' ', SummaryWriter.MaxIdLength - 8) + "proven", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_coverage_manifest_keeps_the_whole_id()
    {
        Assert.Contains("\"id\": \"" + HugeId + "\"", CoverageManifestWriter.Write(Release()), StringComparison.Ordinal);
    }
}
