using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NJsonSchema;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>
/// A manifest link's <c>column</c> (docs/manifest.md) travels with its line into every output that
/// shows the line: SARIF's <c>startColumn</c>, GitHub's <c>col=</c>, Azure's <c>columnnumber=</c>,
/// <c>file(line,column)</c> in the summary, the release log, the HTML report and the coverage
/// manifest's links. A manifest written before columns gives the outputs of before.
/// </summary>
public sealed class ColumnOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static GateResult Unproven(int? column)
    {
        var input = Given.Input(Given.Release(), [Given.Fix("INTAKE-1") with { Column = column }]);
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    [Fact]
    public void A_finding_about_a_link_is_located_at_its_line_and_column()
    {
        var finding = Unproven(column: 6).Findings.Single(f => f.RuleId == "RPG003");

        Assert.Equal(new SourceLocation("src/Shop/Pricing.cs", 7, 6), finding.Location);
    }

    [Fact]
    public void SARIF_gives_the_column_as_the_regions_start_column_and_no_start_column_without_one()
    {
        Assert.Equal((7, 6), Region(Unproven(column: 6)));
        Assert.Equal((7, (int?)null), Region(Unproven(column: null)));

        static (int Line, int? Column) Region(GateResult result)
        {
            using var sarif = JsonDocument.Parse(SarifWriter.Write(result));
            var region = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Single(r => r.GetProperty("ruleId").GetString() == "RPG003")
                .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            return (region.GetProperty("startLine").GetInt32(), region.TryGetProperty("startColumn", out var column) ? column.GetInt32() : null);
        }
    }

    [Fact]
    public void CI_annotations_name_the_column_after_the_line()
    {
        Assert.Contains("::error file=src/Shop/Pricing.cs,line=7,col=6,title=RPG003", GitHubAnnotationWriter.Write(Unproven(column: 6)), StringComparison.Ordinal);
        Assert.Contains("::error file=src/Shop/Pricing.cs,line=7,title=RPG003", GitHubAnnotationWriter.Write(Unproven(column: null)), StringComparison.Ordinal);
        Assert.Contains(";sourcepath=src/Shop/Pricing.cs;linenumber=7;columnnumber=6;code=RPG003]", AzurePipelinesWriter.Write(Unproven(column: 6), "release-log.md"), StringComparison.Ordinal);
        Assert.Contains(";sourcepath=src/Shop/Pricing.cs;linenumber=7;code=RPG003]", AzurePipelinesWriter.Write(Unproven(column: null), "release-log.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_release_log_and_html_report_show_the_column_beside_the_line()
    {
        var result = Unproven(column: 6);

        Assert.Contains("src/Shop/Pricing.cs(7,6): ", SummaryWriter.Write(result), StringComparison.Ordinal);
        Assert.Contains(" At src/Shop/Pricing.cs line 7, column 6.", ReleaseLogWriter.Write(result), StringComparison.Ordinal);
        Assert.Contains(">src/Shop/Pricing.cs:7:6<", HtmlReportWriter.Write(result), StringComparison.Ordinal);

        var before = Unproven(column: null);
        Assert.Contains("src/Shop/Pricing.cs(7): ", SummaryWriter.Write(before), StringComparison.Ordinal);
        Assert.Contains(" At src/Shop/Pricing.cs line 7.", ReleaseLogWriter.Write(before), StringComparison.Ordinal);
        Assert.Contains(">src/Shop/Pricing.cs:7<", HtmlReportWriter.Write(before), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coverage_manifest_writes_a_links_column_after_its_line_valid_against_its_schema_and_reads_it_back()
    {
        var result = Unproven(column: 6);
        var json = CoverageManifestWriter.Write(result);

        Assert.Contains("\"line\": 7,\n      \"column\": 6,", json, StringComparison.Ordinal);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schemas", "coverage-manifest.v1.schema.json"));
        Assert.Empty(schema.Validate(json));
        Assert.Equal(6, Assert.Single(BaselineReader.Read(_folder.Write("coverage-manifest.json", json)).Links).Column);
        Assert.DoesNotContain("\"column\"", CoverageManifestWriter.Write(Unproven(column: null)), StringComparison.Ordinal);
    }
}
