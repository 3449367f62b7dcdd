using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>
/// CTRF JSON reports (ctrf.io): recognised by their first character, matched by suite (the fully
/// qualified class) and name (the method), never by a display name; retried flaky tests; broken
/// files named with line and column.
/// </summary>
public sealed class CtrfReaderTests : IDisposable
{
    private const string Pricing = "Shop.Tests.PricingTests";

    private readonly TempFolder _folder = new();

    private static string Report(string tests, string head = "\"reportId\": \"r-1\",") => $$"""
        {
          {{head}}
          "results": {
            "tool": { "name": "mstest" },
            "summary": { "tests": 1, "passed": 1, "failed": 0, "skipped": 0, "pending": 0, "other": 0, "start": 1796184052964, "stop": 1796184056371 },
            "tests": [
              {{tests}}
            ]
          }
        }
        """;

    private TestResults ReadReport(string tests, string head = "\"reportId\": \"r-1\",") =>
        TestResultsReader.Read([_folder.Write("ctrf.json", Report(tests, head))]);

    private InputException Refused(string text, out string path)
    {
        path = _folder.Write("bad.json", text);
        var file = path;
        return Assert.Throws<InputException>(() => TestResultsReader.Read([file]));
    }

    // --- The fixture, written to the CTRF schema (Fixtures/Results/ctrf/README.md) ---

    [Fact]
    public void A_passing_a_failing_a_skipped_and_a_pending_test_are_read_by_suite_and_name()
    {
        var results = TestResultsReader.Read([TrxFixtureTests.Fixture("ctrf/ctrf-report.json")]);

        Assert.Equal(TestStatus.Passed, Assert.Single(results.Of(Pricing + ".Discount_never_makes_the_price_negative")).Status);
        Assert.Equal(TestStatus.Failed, Assert.Single(results.Of(Pricing + ".Refund_is_rounded")).Status);
        var skipped = Assert.Single(results.Of(Pricing + ".Coupon_is_applied_once"));
        Assert.Equal((TestStatus.Skipped, "NotExecuted"), (skipped.Status, skipped.Outcome));
        var pending = Assert.Single(results.Of("Shop.Tests.RefundTests.Gift_cards_are_refunded"));
        Assert.Equal((TestStatus.Other, "pending"), (pending.Status, pending.Outcome));
        Assert.Equal(TestStatus.Passed, Assert.Single(results.Of(Pricing + ".Nested.Inner_test_passes")).Status);
        Assert.Equal(TestStatus.Passed, Assert.Single(results.Of("Shop.Tests.RefundTests.Refund_goes_to_the_original_card")).Status);
    }

    [Fact]
    public void Every_row_of_a_data_driven_test_counts_under_the_method_and_shows_its_parameters()
    {
        var rows = TestResultsReader.Read([TrxFixtureTests.Fixture("ctrf/ctrf-report.json")]).Of(Pricing + ".Discount_is_capped");

        Assert.Equal(
            [(Pricing + ".Discount_is_capped(price: 10, discount: 25)", TestStatus.Passed), (Pricing + ".Discount_is_capped(price: 5, discount: 1)", TestStatus.Failed)],
            rows.Select(r => (r.DisplayName, r.Status)));
    }

    [Fact]
    public void A_flaky_test_retried_twice_is_two_failed_attempts_then_the_pass_in_one_run()
    {
        var attempts = TestResultsReader.Read([TrxFixtureTests.Fixture("ctrf/ctrf-report.json")]).Of("Shop.Tests.TotalTests.Totals_are_rounded_to_the_cent");

        Assert.Equal([TestStatus.Failed, TestStatus.Failed, TestStatus.Passed], attempts.Select(a => a.Status));
        Assert.Equal(["Shop.Tests.TotalTests.Totals_are_rounded_to_the_cent (attempt 1)", "Shop.Tests.TotalTests.Totals_are_rounded_to_the_cent (attempt 2)", "Shop.Tests.TotalTests.Totals_are_rounded_to_the_cent"], attempts.Select(a => a.DisplayName));
        Assert.Single(attempts.Select(a => a.Run).Distinct());
    }

    [Fact]
    public void The_run_is_known_by_the_report_id_and_dated_by_the_summary_start()
    {
        var outcome = TestResultsReader.Read([TrxFixtureTests.Fixture("ctrf/ctrf-report.json")]).Of(Pricing + ".Refund_is_rounded")[0];

        Assert.Equal("5b0f3f0e-8c53-4c5e-9a57-1d2f3c4b5a61", outcome.Run);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1796184052964), outcome.RunTime);
    }

    // --- Matching: by fields that carry the class and method, never by a display name ---

    [Theory]
    [InlineData("\"suite\": [\"Shop.Tests\", \"PricingTests\"], \"name\": \"Never_negative\"")]
    [InlineData("\"suite\": [\"Shop\", \"Tests\", \"PricingTests\"], \"name\": \"Never_negative\"")]
    [InlineData("\"suite\": \"Shop.Tests.PricingTests\", \"name\": \"Never_negative\"")]
    [InlineData("\"name\": \"Shop.Tests.PricingTests.Never_negative\"")]
    public void A_test_is_its_suite_then_its_name_or_without_a_suite_its_fully_qualified_name(string fields)
    {
        var results = ReadReport($$"""{ {{fields}}, "status": "passed", "duration": 1 }""");

        Assert.Equal(TestStatus.Passed, Assert.Single(results.Of(Pricing + ".Never_negative")).Status);
    }

    [Theory]
    [InlineData("\"suite\": [\"Shop.Tests\", \"PricingTests\"], \"name\": \"Never_negative(price: 10)\"")]
    [InlineData("\"suite\": [\"Shop.Tests\", \"PricingTests\"], \"name\": \"Never negative\"")]
    [InlineData("\"name\": \"PricingTests > Never_negative\"")]
    public void A_name_that_is_a_display_name_is_not_taken_apart_to_guess_a_method(string fields)
    {
        var results = ReadReport($$"""{ {{fields}}, "status": "passed", "duration": 1 }""");

        Assert.Empty(results.Of(Pricing + ".Never_negative"));
        Assert.Single(results.All);
    }

    [Fact]
    public void Two_shards_of_one_run_are_two_reports_both_read()
    {
        // runId is shared by the shards of one run; reportId tells the documents apart.
        _folder.Write("shard-1/ctrf.json", Report("""{ "suite": "Shop.Tests.PricingTests", "name": "A", "status": "passed", "duration": 1 }""", "\"reportId\": \"r-1\", \"runId\": \"run-7\","));
        _folder.Write("shard-2/ctrf.json", Report("""{ "suite": "Shop.Tests.PricingTests", "name": "B", "status": "failed", "duration": 1 }""", "\"reportId\": \"r-2\", \"runId\": \"run-7\","));

        var results = TestResultsReader.Load(["shard-1/ctrf.json", "shard-2/ctrf.json"], _folder.Path);

        Assert.Equal((2, 2), (results.Runs, results.All.Count));
        Assert.Equal("shard-2/ctrf.json", Assert.Single(results.Of(Pricing + ".B")).File);
    }

    [Fact]
    public void A_report_without_a_report_id_is_known_by_its_file()
    {
        var results = ReadReport("""{ "name": "Shop.Tests.PricingTests.A", "status": "passed", "duration": 1 }""", head: string.Empty);

        Assert.Equal("file:" + results.Files[0], results.All[0].Run);
    }

    [Fact]
    public void The_words_of_the_runner_are_kept_and_retries_of_a_test_that_is_not_flaky_are_only_its_final_result()
    {
        var results = ReadReport("""{ "name": "Shop.Tests.PricingTests.A", "status": "failed", "rawStatus": "Timeout", "retries": 3, "flaky": false, "duration": 1 }""");

        var outcome = Assert.Single(results.Of(Pricing + ".A"));
        Assert.Equal((TestStatus.Failed, "Timeout"), (outcome.Status, outcome.Outcome));
    }

    // --- Broken files: exit 2 with file(line,col) ---

    [Fact]
    public void Malformed_json_is_refused_naming_file_line_and_column()
    {
        var error = Refused("{\n  \"results\": {\n    \"tests\": [ { \"name\": \"a\", } ]\n  }\n}\n", out var path);

        Assert.Equal(path + "(3,31): the test results file is not valid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options.", error.Message);
    }

    [Fact]
    public void The_column_counts_characters_not_bytes()
    {
        // "é" and "€" are two and three bytes in UTF-8; the column is where an editor shows the error.
        var error = Refused("\uFEFF{ \"é€\": 1, \"results\": x }", out var path);

        Assert.StartsWith(path + "(1,23): the test results file is not valid JSON:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_report_is_refused_naming_where_it_ends()
    {
        var text = File.ReadAllText(TrxFixtureTests.Fixture("ctrf/ctrf-report.json"));
        var error = Refused(text[..(text.Length / 2)], out var path);

        Assert.Matches(@"^" + System.Text.RegularExpressions.Regex.Escape(path) + @"\(\d+,\d+\): the test results file is not valid JSON: ", error.Message);
    }

    [Theory]
    [InlineData("""{ "name": "A", "status": "passed!", "duration": 1 }""", "(7,32): \"status\" \"passed!\" is not a CTRF status (passed, failed, skipped, pending, other)")]
    [InlineData("""{ "name": "A", "duration": 1 }""", "(7,7): a test has no \"status\"; CTRF requires both")]
    [InlineData("""{ "name": 12, "status": "passed" }""", "(7,17): \"name\" must be a string")]
    [InlineData("""{ "name": "A", "status": "passed", "retries": "two" }""", "(7,53): \"retries\" must be a whole number")]
    [InlineData("""{ "name": "A", "status": "passed", "suite": [1] }""", "(7,52): \"suite\" must be a string or an array of strings")]
    [InlineData("""[ "A" ]""", "(7,7): a test must be a JSON object")]
    public void A_test_that_does_not_follow_the_schema_is_refused_at_the_value(string test, string expected)
    {
        var error = Refused(Report(test), out var path);

        Assert.Equal(path + expected, error.Message);
    }

    [Theory]
    [InlineData("""{ "results": { "tool": { "name": "jest" } } }""")]
    [InlineData("""{ "name": "package.json", "version": "1.0.0" }""")]
    public void A_json_file_without_results_tests_is_not_a_test_results_file(string text)
    {
        var path = _folder.Write("bad.json", text);

        // Not an error of the file's own: named by itself it stops the gate, found in a folder it is passed over.
        var error = Assert.Throws<NotTestResultsException>(() => TestResultsReader.Read([path]));
        Assert.Equal(path + ": is not a test results file the gate reads: a JSON file without \"results\": { \"tests\": [...] } (the gate reads " + TestResultFile.Formats + ")", error.Message);
    }

    [Fact]
    public void A_report_nested_100_000_deep_is_refused_at_once()
    {
        var text = new StringBuilder("{\"extra\":");
        text.Insert(text.Length, "[", 100_000).Insert(text.Length, "]", 100_000).Append('}');
        var clock = Stopwatch.StartNew();

        var error = Refused(text.ToString(), out var path);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        // The 256th array, inside the report's object, is the first value deeper than the bound.
        Assert.Equal($"{path}(1,{9 + JsonTokens.MaxDepth}): the test results file is not valid JSON: The maximum configured depth of {JsonTokens.MaxDepth} has been exceeded. Cannot read next JSON array.", error.Message);
    }

    [Fact]
    public void A_large_report_is_streamed_not_held_in_memory()
    {
        // 16 MB of captured output the gate never needs.
        var output = "\"" + new string('x', 1024 * 1024) + "\"";
        var stdout = string.Join(", ", Enumerable.Repeat(output, 16));
        var path = _folder.Write("large.json", Report($$"""{ "name": "Shop.Tests.PricingTests.A", "status": "passed", "duration": 1, "stdout": [{{stdout}}] }"""));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var results = TestResultsReader.Read([path]);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(TestStatus.Passed, Assert.Single(results.Of(Pricing + ".A")).Status);
        Assert.True(allocated < new FileInfo(path).Length / 2, $"allocated {allocated:N0} bytes to read a {new FileInfo(path).Length:N0}-byte file");
    }

    [Fact]
    public void Json_is_recognised_by_content_whatever_the_file_is_called()
    {
        var path = _folder.Write("results.trx", Report("""{ "name": "Shop.Tests.PricingTests.A", "status": "passed", "duration": 1 }"""));

        Assert.Single(TestResultsReader.Read([path]).Of(Pricing + ".A"));
    }

    public void Dispose() => _folder.Dispose();
}
