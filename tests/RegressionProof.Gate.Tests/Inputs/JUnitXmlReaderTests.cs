using System;
using System.IO;
using System.Linq;
using System.Text;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>
/// What the gate reads from JUnit XML, in files written by JunitXml.TestLogger (over xunit and
/// NUnit) and by xunit v3 (see Fixtures/Results/junit/README.md for how each was made).
/// </summary>
public sealed class JUnitXmlReaderTests : IDisposable
{
    private const string Pricing = "Shop.Tests.PricingTests";

    private readonly TempFolder _folder = new();

    public static TheoryData<string> ProducedFiles => new()
    {
        "junitxml-testlogger-xunit2/junit.xml",
        "junitxml-testlogger-xunit2/junit-method-format-full.xml",
        "junitxml-testlogger-nunit/junit.xml",
        "junitxml-testlogger-nunit/junit-method-format-class.xml",
        "xunit-v3/junit.xml",
        "xunit-v3/report-xunit-junit.xml",
        "xunit-v3/junit-v3.2.2.xml",
    };

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Results", "junit", name);

    private static TestResults Read(string fixture) => TestResultsReader.Read([Fixture(fixture)]);

    private static (string DisplayName, string Outcome, TestStatus Status)[] Rows(TestResults results, string test) =>
        [.. results.Of(test).Select(o => (o.DisplayName, o.Outcome, o.Status)).OrderBy(r => r.DisplayName, StringComparer.Ordinal)];

    // --- Every producer, every way of writing the name: the same tests ---

    [Theory]
    [MemberData(nameof(ProducedFiles))]
    public void Every_producer_names_each_test_by_its_fully_qualified_class_and_method(string fixture)
    {
        var results = Read(fixture);

        Assert.Equal(TestStatus.Passed, Assert.Single(results.Of(Pricing + ".Never_negative")).Status);
        Assert.Equal(TestStatus.Failed, Assert.Single(results.Of(Pricing + ".Rounds_to_cents")).Status);
        Assert.Equal(TestStatus.Skipped, Assert.Single(results.Of(Pricing + ".Applies_coupon")).Status);
        Assert.Equal(TestStatus.Passed, Assert.Single(results.Of(Pricing + ".Currency.Keeps_the_code")).Status);
        Assert.Equal(TestStatus.Passed, Assert.Single(results.Of("GlobalTests.Runs_without_a_namespace")).Status);
        Assert.All(results.All, o => Assert.StartsWith(o.Test.StartsWith("GlobalTests.", StringComparison.Ordinal) ? "GlobalTests." : Pricing + ".", o.Test, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ProducedFiles))]
    public void The_outcome_is_the_runner_s_element_failure_or_skipped_and_passed_where_there_is_none(string fixture)
    {
        var results = Read(fixture);

        Assert.Equal("passed", Assert.Single(results.Of(Pricing + ".Never_negative")).Outcome);
        Assert.Equal("failure", Assert.Single(results.Of(Pricing + ".Rounds_to_cents")).Outcome);
        Assert.Equal("skipped", Assert.Single(results.Of(Pricing + ".Applies_coupon")).Outcome);
    }

    [Theory]
    [MemberData(nameof(ProducedFiles))]
    public void Every_produced_file_is_recognised_as_JUnit_XML_by_its_content(string fixture)
    {
        Assert.All(TestResultFile.Read(Fixture(fixture), fixture).Runs, run => Assert.Equal("JUnit XML", run.Format));
    }

    // --- Parameterized tests: every row counts ---

    [Fact]
    public void Each_row_of_an_xunit_theory_is_its_own_result_under_the_method()
    {
        Assert.Equal(
        [
            ("Discount_by_amount(price: 100, discount: 10, expected: 90)", "passed", TestStatus.Passed),
            ("Discount_by_amount(price: 100, discount: 150, expected: 0)", "passed", TestStatus.Passed),
            ("Discount_by_amount(price: 50, discount: 5, expected: 44)", "failure", TestStatus.Failed),
        ], Rows(Read("junitxml-testlogger-xunit2/junit.xml"), Pricing + ".Discount_by_amount"));
    }

    [Fact]
    public void Each_case_of_an_NUnit_test_case_is_its_own_result_and_a_dot_in_an_argument_is_not_a_class()
    {
        var results = Read("junitxml-testlogger-nunit/junit-method-format-class.xml");

        Assert.Equal(
        [
            ("PricingTests.Discount_by_amount(100,10,90)", "passed", TestStatus.Passed),
            ("PricingTests.Discount_by_amount(100,150,0)", "passed", TestStatus.Passed),
            ("PricingTests.Discount_by_amount(50,5,44)", "failure", TestStatus.Failed),
        ], Rows(results, Pricing + ".Discount_by_amount"));
        Assert.Equal("PricingTests.Counts_a_dotted_argument(\"a.b\")", Assert.Single(results.Of(Pricing + ".Counts_a_dotted_argument")).DisplayName);
    }

    [Theory]
    [InlineData("xunit-v3/junit.xml")]
    [InlineData("xunit-v3/report-xunit-junit.xml")]
    [InlineData("xunit-v3/junit-v3.2.2.xml")]
    public void A_skipped_row_of_an_xunit_v3_theory_is_named_beside_the_failing_one(string fixture)
    {
        Assert.Equal(
        [
            ("Shop.Tests.PricingTests.Discount_by_amount(price: 100, discount: 10, expected: 90)", "passed", TestStatus.Passed),
            ("Shop.Tests.PricingTests.Discount_by_amount(price: 100, discount: 150, expected: 0)", "passed", TestStatus.Passed),
            ("Shop.Tests.PricingTests.Discount_by_amount(price: 50, discount: 5, expected: 44)", "failure", TestStatus.Failed),
            ("Shop.Tests.PricingTests.Discount_by_amount(price: 7, discount: 0, expected: 7)", "skipped", TestStatus.Skipped),
        ], Rows(Read(fixture), Pricing + ".Discount_by_amount"));
    }

    // --- The run: when, where, which assembly ---

    [Fact]
    public void JunitXml_TestLogger_s_suite_gives_the_run_s_time_in_UTC_its_host_and_the_test_assembly()
    {
        var outcome = Assert.Single(Read("junitxml-testlogger-xunit2/junit.xml").Of(Pricing + ".Never_negative"));

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 3, 57, 33, TimeSpan.Zero), outcome.RunTime);
        Assert.Equal("Shop.Tests.dll", outcome.Source);
        Assert.StartsWith("junit:vm@2026-12-02T03:57:33.0000000+00:00#", outcome.Run, StringComparison.Ordinal);
    }

    [Fact]
    public void Xunit_v3_4_names_the_assembly_by_its_path_and_dates_the_run()
    {
        var outcome = Assert.Single(Read("xunit-v3/report-xunit-junit.xml").Of(Pricing + ".Never_negative"));

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 4, 1, 40, TimeSpan.Zero), outcome.RunTime);
        Assert.Equal("/tmp/junit-fx/xunit3mtp/bin/Debug/net10.0/Shop.Tests.dll", outcome.Source);
    }

    [Fact]
    public void Xunit_v3_3_s_suites_one_per_collection_with_no_time_or_host_are_one_undated_run()
    {
        var results = Read("xunit-v3/junit-v3.2.2.xml");

        Assert.Equal((1, 9), (results.Runs, results.All.Count));
        Assert.All(results.All, o => Assert.Equal((null, string.Empty), (o.RunTime, o.Source)));
    }

    [Fact]
    public void A_copy_of_a_file_is_the_same_run_and_its_results_count_once()
    {
        var copy = Path.Combine(_folder.Path, "copy.xml");
        File.Copy(Fixture("xunit-v3/junit-v3.2.2.xml"), copy);

        var results = TestResultsReader.Read([Fixture("xunit-v3/junit-v3.2.2.xml"), copy]);

        Assert.Equal((1, 9), (results.Runs, results.All.Count));
    }

    [Fact]
    public void Two_runs_on_one_host_in_the_same_second_are_two_runs()
    {
        // Two shards started together on one machine: same suite name, host, id and timestamp.
        string Shard(string test) => $"""
            <testsuites><testsuite name="Shop.Tests.dll" timestamp="2026-11-24T09:00:00" hostname="runner" id="0" package="Shop.Tests.dll">
              <testcase classname="{Pricing}" name="{test}" time="0.01" />
            </testsuite></testsuites>
            """;
        var one = _folder.Write("shard-1.xml", Shard("Never_negative"));
        var two = _folder.Write("shard-2.xml", Shard("Rounds_to_cents"));

        var results = TestResultsReader.Read([one, two]);

        Assert.Equal(2, results.Runs);
        Assert.Single(results.Of(Pricing + ".Never_negative"));
        Assert.Single(results.Of(Pricing + ".Rounds_to_cents"));
    }

    [Fact]
    public void Suites_of_one_file_from_different_hosts_are_different_runs_each_dated_by_its_own_timestamp()
    {
        var path = _folder.Write("merged.xml", $"""
            <testsuites timestamp="2026-11-24T08:00:00">
              <testsuite name="a" hostname="shard-1" timestamp="2026-11-24T09:00:00"><testcase classname="{Pricing}" name="Never_negative" /></testsuite>
              <testsuite name="b" hostname="shard-2"><testcase classname="{Pricing}" name="Rounds_to_cents" /></testsuite>
            </testsuites>
            """);

        var results = TestResultsReader.Read([path]);

        Assert.Equal(2, results.Runs);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), Assert.Single(results.Of(Pricing + ".Never_negative")).RunTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), Assert.Single(results.Of(Pricing + ".Rounds_to_cents")).RunTime);
    }

    [Fact]
    public void A_large_file_is_streamed_and_its_captured_output_never_held_in_memory()
    {
        // 16 MB of captured output, in a failure's stack trace and in the suite's system-out.
        var output = new string('x', 1024 * 1024);
        var text = new StringBuilder($"<testsuites><testsuite name=\"a\"><testcase classname=\"{Pricing}\" name=\"Never_negative\"><failure>");
        for (var i = 0; i < 8; i++)
        {
            text.Append(output);
        }

        text.Append("</failure></testcase><system-out>");
        for (var i = 0; i < 8; i++)
        {
            text.Append(output);
        }

        var path = _folder.Write("large.xml", text.Append("</system-out></testsuite></testsuites>").ToString());
        text.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var results = TestResultsReader.Read([path]);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("failure", Assert.Single(results.Of(Pricing + ".Never_negative")).Outcome);
        Assert.True(allocated < new FileInfo(path).Length / 4, $"allocated {allocated:N0} bytes to read a {new FileInfo(path).Length:N0}-byte file");
    }

    // --- Retries: one result per attempt ---

    [Fact]
    public void A_test_that_failed_then_passed_has_its_failed_attempts_first_then_the_passing_one()
    {
        var results = Read("hand-written/surefire-retries.xml");

        Assert.Equal(
            [("flakyFailure", TestStatus.Failed), ("passed", TestStatus.Passed)],
            results.Of(Pricing + ".Never_negative").Select(o => (o.Outcome, o.Status)));
        Assert.Equal(
            [("flakyFailure", TestStatus.Failed), ("flakyError", TestStatus.Failed), ("passed", TestStatus.Passed)],
            results.Of(Pricing + ".Refund_is_idempotent").Select(o => (o.Outcome, o.Status)));
    }

    [Fact]
    public void A_test_that_failed_every_attempt_has_a_failed_result_for_each()
    {
        var results = Read("hand-written/surefire-retries.xml");

        Assert.Equal(
            [("rerunFailure", TestStatus.Failed), ("rerunFailure", TestStatus.Failed), ("failure", TestStatus.Failed)],
            results.Of(Pricing + ".Rounds_to_cents").Select(o => (o.Outcome, o.Status)));
        Assert.Equal(
            [("rerunError", TestStatus.Failed), ("error", TestStatus.Failed)],
            results.Of(Pricing + ".Charges_tax").Select(o => (o.Outcome, o.Status)));
    }

    [Fact]
    public void Every_attempt_of_a_test_belongs_to_the_same_run_under_the_same_name()
    {
        var results = Read("hand-written/surefire-retries.xml");

        Assert.Equal(1, results.Runs);
        Assert.All(results.Of(Pricing + ".Refund_is_idempotent"), o => Assert.Equal("Refund_is_idempotent", o.DisplayName));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), results.All[0].RunTime);
    }

    // --- Names ---

    [Theory]
    [InlineData("Shop.Tests.PricingTests", "Never_negative", "Shop.Tests.PricingTests.Never_negative")]
    [InlineData("Shop.Tests.PricingTests", "Shop.Tests.PricingTests.Discount(x: \"a.b\")", "Shop.Tests.PricingTests.Discount")]
    [InlineData("Shop.Tests.PricingTests", "PricingTests.Discount(1.5)", "Shop.Tests.PricingTests.Discount")]
    [InlineData("Shop.Tests.PricingTests+Currency", "PricingTests+Currency.Keeps_the_code", "Shop.Tests.PricingTests.Currency.Keeps_the_code")]
    [InlineData("Shop.Tests.PricingTests", "Converts<Int32>(value: 1)", "Shop.Tests.PricingTests.Converts")]
    [InlineData("UnknownNamespace.UnknownType", "UnknownType.GlobalTests.Runs(2)", "GlobalTests.Runs")]
    [InlineData("", "Shop.Tests.PricingTests.Never_negative", "Shop.Tests.PricingTests.Never_negative")]
    [InlineData("Shop.Tests.PricingTests", "Discount never goes below zero", "Shop.Tests.PricingTests.Discount never goes below zero")]
    public void A_test_s_name_is_the_class_then_the_method_whichever_way_the_producer_writes_it_and_a_chosen_display_name_matches_no_method(string className, string name, string test)
    {
        Assert.Equal(test, JUnitTestName.Of(className, name));
    }

    [Fact]
    public void A_JUnit_file_is_recognised_by_its_content_whatever_its_name_and_a_lone_testsuite_is_one()
    {
        var path = _folder.Write("results.trx", $"""<testsuite name="x"><testcase classname="{Pricing}" name="Never_negative" /></testsuite>""");

        var run = Assert.Single(TestResultFile.Read(path, "results.trx").Runs);

        Assert.Equal(("JUnit XML", "passed"), (run.Format, Assert.Single(run.Outcomes).Outcome));
    }

    // --- Broken files: exit 2, naming file, line and column ---

    [Fact]
    public void A_truncated_file_is_an_error_naming_file_line_and_column_never_a_skip()
    {
        var text = File.ReadAllText(Fixture("junitxml-testlogger-xunit2/junit.xml"));
        var path = _folder.Write("truncated.xml", text[..(text.IndexOf("Rounds_to_cents", StringComparison.Ordinal) + 20)]);

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.Matches(@"^.*truncated\.xml\(\d+,\d+\): the test results file is not valid XML: ", error.Message);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("<testsuites><testsuite name=\"a\">\n<testcase classname=\"C\" name=\"M\"></testsuite></testcase></testsuites>", 2, "the test results file is not valid XML: ")]
    [InlineData("<testsuites>\n  <testsuite name=\"a\" timestamp=\"yesterday\" />\n</testsuites>", 2, "timestamp \"yesterday\" is not a date and time")]
    [InlineData("<testsuites>\n  <testsuite>\n    <testcase classname=\"C\" time=\"1\" />\n  </testsuite>\n</testsuites>", 3, "has a <testcase> without a name; the gate matches proofs by it")]
    [InlineData("<testsuites>\n  <testcase classname=\"C\" name=\"M\" />\n</testsuites>", 2, "has a <testcase> outside any <testsuite>; in JUnit XML every testcase is in a testsuite")]
    [InlineData("<testsuite>\n  <testcase classname=\"C\" name=\"M\">\n    <testcase classname=\"C\" name=\"N\" />\n  </testcase>\n</testsuite>", 3, "has a <testcase> inside another; in JUnit XML testcases are not nested")]
    [InlineData("<testsuite>\n  <testcase classname=\"C\" name=\"M\" name=\"N\" />\n</testsuite>", 2, "the test results file is not valid XML: ")]
    public void A_malformed_file_is_an_error_naming_file_line_and_column(string content, int line, string reason)
    {
        var path = _folder.Write("bad.xml", content);

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.StartsWith($"{path}({line},", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_nested_far_deeper_than_JUnit_XML_goes_is_refused()
    {
        var depth = ResultXml.MaxDepth + 10;
        var path = _folder.Write("deep.xml", "<testsuites><testsuite name=\"a\"><testcase name=\"M\">" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</testcase></testsuite></testsuites>");

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.EndsWith($"nests elements more than {ResultXml.MaxDepth} deep; a JUnit XML file never does", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
