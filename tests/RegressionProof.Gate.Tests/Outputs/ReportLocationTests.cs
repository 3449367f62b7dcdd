using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>Only a path inside the repository, at a line (and column) that exists, is shown as a location.</summary>
public sealed class ReportLocationTests
{
    [Theory]
    [InlineData("src/Shop/Pricing.cs")]
    [InlineData("Pricing.cs")]
    [InlineData("./src/Pricing.cs")]
    [InlineData("src/a:b.cs")] // a colon past the first segment is a file name, not a drive or scheme
    [InlineData("src/a|b`c <d>.cs")]
    public void A_relative_path_that_stays_inside_is_a_location(string path)
    {
        Assert.True(ReportLocation.IsInsideRepository(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("src/../../up.cs")]
    [InlineData("src/..")]
    [InlineData("/etc/shadow")]
    [InlineData("C:\\x")]
    [InlineData("C:/x")]
    [InlineData("\\\\server\\share")]
    [InlineData("src\\Shop\\Pricing.cs")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://example.com/x.cs")]
    [InlineData("src//x.cs")]
    [InlineData("src/")]
    public void Any_other_path_is_not(string path)
    {
        Assert.False(ReportLocation.IsInsideRepository(path));
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(1, 1)]
    [InlineData(0, null)]
    [InlineData(-5, null)]
    public void A_line_below_1_is_left_out(int line, int? shown)
    {
        var finding = new Finding("regression proof", "RPG003", FindingLevel.Error, "INTAKE-1", "m", "f", new SourceLocation("src/x.cs", line));

        Assert.Equal(new ReportLocation("src/x.cs", shown), ReportLocation.Of(finding));
    }

    [Theory]
    [InlineData(7, 6, 7, 6)]
    [InlineData(7, 1, 7, 1)]
    [InlineData(7, 0, 7, null)]
    [InlineData(7, -2, 7, null)]
    [InlineData(0, 6, null, null)] // a column without its line says nothing
    public void A_column_is_shown_only_from_1_and_with_its_line(int line, int column, int? shownLine, int? shownColumn)
    {
        var finding = new Finding("regression proof", "RPG003", FindingLevel.Error, "INTAKE-1", "m", "f", new SourceLocation("src/x.cs", line, column));

        Assert.Equal(new ReportLocation("src/x.cs", shownLine, shownColumn), ReportLocation.Of(finding));
    }

    [Fact]
    public void A_finding_outside_the_repository_has_no_location()
    {
        var finding = new Finding("regression proof", "RPG003", FindingLevel.Error, "INTAKE-1", "m", "f", new SourceLocation("/etc/shadow", 3));

        Assert.Null(ReportLocation.Of(finding));
    }
}
