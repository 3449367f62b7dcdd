using System;
using System.IO;
using System.Linq;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>
/// Real .trx files, written by VSTest (<c>--logger trx</c>) and by Microsoft.Testing.Platform
/// (<c>--report-trx</c>, MSTest 4 and xunit v3) for the same tests (Fixtures/Results/trx-*/README.md):
/// both runners' files are read alike.
/// </summary>
public sealed class TrxFixtureTests
{
    private const string Class = "Shop.Tests.PricingTests";

    public static TheoryData<string> Files => new()
    {
        "trx-vstest/mstest4.trx",
        "trx-mtp/mstest4.trx",
        "trx-mtp/xunit3.trx",
    };

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Results", name);

    [Theory]
    [MemberData(nameof(Files))]
    public void A_passing_a_failing_and_a_skipped_test_are_read_by_class_and_method(string file)
    {
        var results = TestResultsReader.Read([Fixture(file)]);

        Assert.Equal(TestStatus.Passed, Assert.Single(results.Of(Class + ".Discount_never_makes_the_price_negative")).Status);
        Assert.Equal(TestStatus.Failed, Assert.Single(results.Of(Class + ".Refund_is_rounded")).Status);
        var skipped = Assert.Single(results.Of(Class + ".Coupon_is_applied_once"));
        Assert.Equal((TestStatus.Skipped, "NotExecuted"), (skipped.Status, skipped.Outcome));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_row_of_a_data_driven_test_is_a_result_of_the_one_method(string file)
    {
        var rows = TestResultsReader.Read([Fixture(file)]).Of(Class + ".Discount_is_capped");

        Assert.Equal(2, rows.Count);
        Assert.Equal([TestStatus.Passed, TestStatus.Failed], rows.Select(r => r.Status).Order());
        Assert.Equal(2, rows.Select(r => r.DisplayName).Distinct().Count());
        Assert.Matches(@"5, ?(discount: )?1\)$", rows.Single(r => r.Status == TestStatus.Failed).DisplayName);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_nested_class_written_outer_plus_inner_is_matched_as_proofs_name_it(string file)
    {
        // Both runners write the runtime name "PricingTests+Nested"; the manifest's test is "PricingTests.Nested.…".
        var results = TestResultsReader.Read([Fixture(file)]);

        Assert.Equal(TestStatus.Passed, Assert.Single(results.Of(Class + ".Nested.Inner_test_passes")).Status);
        Assert.DoesNotContain(results.All, o => o.Test.Contains('+', StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_run_is_known_by_its_id_and_dated_by_its_start_and_each_result_by_its_assembly(string file)
    {
        var path = Fixture(file);
        var results = TestResultsReader.Read([path]);

        var outcome = Assert.Single(results.Of(Class + ".Refund_is_rounded"));
        Assert.True(Guid.TryParse(outcome.Run, out _), outcome.Run);
        Assert.Equal(2026, outcome.RunTime?.Year);
        Assert.Equal(TimeSpan.Zero, outcome.RunTime?.Offset);
        Assert.EndsWith("tests.dll", outcome.Source, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((6, 1), (results.All.Count, results.Runs));
        Assert.All(results.All, o => Assert.Equal(path, o.File));
    }

    [Fact]
    public void The_two_runners_files_of_the_same_tests_give_the_same_results()
    {
        static string[] Read(string file) => TestResultsReader.Read([Fixture(file)]).All
            .Select(o => $"{o.Test} {o.Status}").Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Read("trx-vstest/mstest4.trx"), Read("trx-mtp/mstest4.trx"));
        Assert.Equal(Read("trx-mtp/mstest4.trx"), Read("trx-mtp/xunit3.trx"));
    }

    [Fact]
    public void A_truncated_microsoft_testing_platform_trx_is_an_error_naming_file_line_and_column()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(Fixture("trx-mtp/mstest4.trx"));
        var path = folder.Write("truncated.trx", text[..text.IndexOf("<TestDefinitions>", StringComparison.Ordinal)]);

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.Matches(@"^" + System.Text.RegularExpressions.Regex.Escape(path) + @"\(\d+,\d+\): the test results file is not valid XML", error.Message);
    }
}
