using System;
using System.Linq;
using RegressionProof.Gate.Inputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

public sealed class ChangelogAndTestResultsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void The_changelog_splits_into_keep_a_changelog_sections()
    {
        var changelog = ChangelogReader.Parse("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n- INTAKE-3\n\n## [2.4.1] - 2026-11-24\n### Customer notice\n- INTAKE-1\n\n## [2.4.0]\n- INTAKE-2\n");

        Assert.Contains("INTAKE-1", changelog.SectionsFor("2.4.1"), StringComparison.Ordinal);
        Assert.Contains("INTAKE-3", changelog.SectionsFor("2.4.1"), StringComparison.Ordinal);
        Assert.DoesNotContain("INTAKE-2", changelog.SectionsFor("2.4.1"), StringComparison.Ordinal);
        Assert.True(changelog.HasCustomerNotice("2.4.1"));
        Assert.False(changelog.HasCustomerNotice("2.4.0") && !changelog.SectionsFor("2.4.0").Contains("INTAKE-3", StringComparison.Ordinal));
    }

    [Fact]
    public void Trx_results_are_keyed_by_class_and_method_and_theory_cases_all_count()
    {
        var trx = _folder.Write("results/unit.trx", """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testId="t1" testName="Shop.Tests.PricingTests.Never_negative(total: 1)" outcome="Passed" />
                <UnitTestResult testId="t2" testName="Shop.Tests.PricingTests.Never_negative(total: 2)" outcome="Failed" />
                <UnitTestResult testId="t3" testName="Rounds(3)" outcome="NotExecuted" />
              </Results>
              <TestDefinitions>
                <UnitTest id="t1"><TestMethod className="Shop.Tests.PricingTests" name="Never_negative" /></UnitTest>
                <UnitTest id="t2"><TestMethod className="Shop.Tests.PricingTests" name="Never_negative" /></UnitTest>
                <UnitTest id="t3"><TestMethod className="Shop.Tests.RefundTests, Shop.Tests" name="Rounds(3)" /></UnitTest>
              </TestDefinitions>
            </TestRun>
            """);

        var results = TestResultsReader.Read(TestResultFiles.Expand("results/*.trx", _folder.Path));

        Assert.Equal(["Passed", "Failed"], results.Of("Shop.Tests.PricingTests.Never_negative").Select(o => o.Outcome));
        Assert.Equal("NotExecuted", Assert.Single(results.Of("Shop.Tests.RefundTests.Rounds")).Outcome);
        Assert.Equal([trx], results.Files);
    }

    [Theory]
    [InlineData("<TestRun><Results>", "the test results file is not valid XML")]
    [InlineData("<Other />", "is not a test results file the gate reads: its root element is <Other>")]
    [InlineData("", "the test results file is empty")]
    [InlineData("\uFEFF \n\t", "the test results file is empty")]
    [InlineData("Passed: 12, Failed: 0", "is not a test results file: it is neither XML nor JSON")]
    public void A_broken_trx_file_is_a_clear_error(string content, string reason)
    {
        var path = _folder.Write("bad.trx", content);

        var error = Assert.ThrowsAny<InputException>(() => TestResultsReader.Read([path]));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_glob_that_matches_nothing_is_a_clear_error()
    {
        Assert.Contains("no test results file matches", Assert.Throws<InputException>(() => TestResultFiles.Expand("*.trx", _folder.Path)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
