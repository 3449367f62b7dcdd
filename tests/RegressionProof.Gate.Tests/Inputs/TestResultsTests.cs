using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>What the gate reads from .trx files: hostile files, piled-up runs, folders, globs and links.</summary>
public sealed class TestResultsTests : IDisposable
{
    private const string Test = "Shop.Tests.PricingTests.Never_negative";

    private readonly TempFolder _folder = new();

    /// <summary>A .trx of one run of <see cref="Test"/>, as <c>dotnet test --logger trx</c> writes it.</summary>
    private static string Trx(string outcome, string? start = null, string runId = "", string storage = "/src/bin/release/net10.0/shop.tests.dll", string testId = "4f4e7c1a-0000-4000-8000-000000000001") =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="{(runId.Length > 0 ? runId : Guid.NewGuid().ToString())}" name="ci" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          {(start is null ? string.Empty : $"<Times creation=\"{start}\" queuing=\"{start}\" start=\"{start}\" finish=\"{start}\" />")}
          <Results>
            <UnitTestResult executionId="e1" testId="{testId}" testName="{Test}" outcome="{outcome}" />
          </Results>
          <TestDefinitions>
            <UnitTest name="{Test}" storage="{storage}" id="{testId}">
              <TestMethod codeBase="{storage}" className="Shop.Tests.PricingTests" name="Never_negative" />
            </UnitTest>
          </TestDefinitions>
        </TestRun>
        """;

    // --- Hostile files (issue 11, items 7, 15, 16) ---

    [Theory]
    [InlineData("""<!DOCTYPE TestRun [<!ENTITY pass "Passed">]>""")]
    [InlineData("""<!DOCTYPE TestRun [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY pass "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>""")]
    [InlineData("""<!DOCTYPE TestRun SYSTEM "http://attacker.example/trx.dtd">""")]
    public void A_trx_that_declares_a_DTD_is_refused_naming_file_line_and_column(string doctype)
    {
        var path = _folder.Write("evil.trx", "<?xml version=\"1.0\"?>\n" + doctype + "\n" + Trx("&pass;").Split('\n', 2)[1]);

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.Equal(path + "(2,1): the test results file declares a DTD (<!DOCTYPE>); test results never do, and DTDs are not read", error.Message);
    }

    [Fact]
    public void A_trx_nested_100_000_deep_is_refused_at_once()
    {
        var depth = 100_000;
        var text = new StringBuilder("<TestRun>");
        text.Insert(text.Length, "<a>", depth).Insert(text.Length, "</a>", depth).Append("</TestRun>");
        var path = _folder.Write("deep.trx", text.ToString());
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal($"{path}(1,{11 + (3 * ResultXml.MaxDepth)}): nests elements more than {ResultXml.MaxDepth} deep; a .trx file never does", error.Message);
    }

    [Fact]
    public void A_large_trx_is_streamed_not_held_in_memory()
    {
        // 16 MB of captured output: the old reader held it twice over (a string, then a document).
        var output = new string('x', 1024 * 1024);
        var text = new StringBuilder(Trx("Passed").Replace("</TestRun>", string.Empty, StringComparison.Ordinal));
        text.Append("<ResultSummary outcome=\"Completed\"><Output>");
        for (var i = 0; i < 16; i++)
        {
            text.Append("<StdOut>").Append(output).Append("</StdOut>");
        }

        var path = _folder.Write("large.trx", text.Append("</Output></ResultSummary></TestRun>").ToString());
        text.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var results = TestResultsReader.Read([path]);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("Passed", Assert.Single(results.Of(Test)).Outcome);
        Assert.True(allocated < new FileInfo(path).Length / 4, $"allocated {allocated:N0} bytes to read a {new FileInfo(path).Length:N0}-byte file");
    }

    [Fact]
    public void A_test_defined_twice_or_with_ids_differing_only_in_case_is_one_test_as_first_defined()
    {
        var path = _folder.Write("twice.trx", """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testId="AAAA-1" testName="first" outcome="Failed" />
                <UnitTestResult testId="bbbb-2" testName="second" outcome="Passed" />
              </Results>
              <TestDefinitions>
                <UnitTest id="aaaa-1"><TestMethod className="Shop.Tests.A" name="One" /></UnitTest>
                <UnitTest id="AAAA-1"><TestMethod className="Shop.Tests.A" name="Other" /></UnitTest>
                <UnitTest id="bbbb-2"><TestMethod className="Shop.Tests.B" name="Two" /></UnitTest>
                <UnitTest id="bbbb-2"><TestMethod className="Shop.Tests.B" name="Two" /></UnitTest>
              </TestDefinitions>
            </TestRun>
            """);

        var results = TestResultsReader.Read([path]);

        Assert.Equal("Failed", Assert.Single(results.Of("Shop.Tests.A.One")).Outcome);
        Assert.Empty(results.Of("Shop.Tests.A.Other"));
        Assert.Equal("Passed", Assert.Single(results.Of("Shop.Tests.B.Two")).Outcome);
    }

    [Fact]
    public void A_run_time_that_is_not_a_time_is_refused_naming_file_line_and_column()
    {
        var path = _folder.Write("bad-time.trx", Trx("Passed", start: "yesterday"));

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.StartsWith(path + "(3,", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("start \"yesterday\" is not a date and time", error.Message, StringComparison.Ordinal);
    }

    // --- Attempts: results that pile up over runs, retries and shards (issue 10, item 7; issue 13, item 4) ---

    [Fact]
    public void Attempts_are_ordered_by_their_run_time_whatever_the_file_names_and_the_last_decides()
    {
        // The fixed run sorts first by name, so only its time can make it the last attempt.
        _folder.Write("results/a-after-fix.trx", Trx("Passed", start: "2026-11-23T10:00:00.0000000+00:00"));
        _folder.Write("results/b-before-fix.trx", Trx("Failed", start: "2026-11-20T10:00:00.0000000+00:00"));

        var results = TestResultsReader.Load(["results"], _folder.Path);

        var row = Assert.Single(Rows(results));
        Assert.Equal(["Failed in results/b-before-fix.trx", "Passed in results/a-after-fix.trx"], row.Attempts.Select(a => $"{a.Outcome} in {a.File}"));
        Assert.True(row.PassedAfterRetry);
        Assert.Equal((2, 2, 2), (results.Files.Count, results.Runs, results.All.Count));
    }

    [Fact]
    public void A_failure_after_a_pass_fails_the_row()
    {
        _folder.Write("results/a.trx", Trx("Passed", start: "2026-11-23T10:00:00Z"));
        _folder.Write("results/b.trx", Trx("Failed", start: "2026-11-23T10:05:00Z"));

        var row = Assert.Single(Rows(TestResultsReader.Load(["results"], _folder.Path)));

        Assert.Equal(("Failed", false), (row.Last.Outcome, row.PassedAfterRetry));
    }

    [Fact]
    public void A_run_is_dated_by_its_results_when_it_has_no_times_and_compared_as_instants()
    {
        // 12:30 in UTC+2 is before 11:00 UTC: read as clock times, the old run would look newer.
        _folder.Write("results/new.trx", Trx("Passed").Replace("outcome=\"Passed\"", "outcome=\"Passed\" startTime=\"2026-11-23T11:00:00.0000000+00:00\"", StringComparison.Ordinal));
        _folder.Write("results/old.trx", Trx("Failed", start: "2026-11-23T12:30:00.0000000+02:00"));

        Assert.Equal("Passed", Assert.Single(Rows(TestResultsReader.Load(["results"], _folder.Path))).Last.Outcome);
    }

    [Theory]
    [InlineData("Failed", "Passed", "Passed", true)]
    [InlineData("Passed", "Failed", "Failed", false)]
    public void Several_attempts_in_one_file_are_ordered_as_the_file_lists_them(string first, string second, string last, bool passedAfterRetry)
    {
        // A runner's retries write the same test again into the same run.
        var retried = Trx(first, start: "2026-11-23T10:00:00Z").Replace(
            "</Results>", $"<UnitTestResult executionId=\"e2\" testId=\"4f4e7c1a-0000-4000-8000-000000000001\" testName=\"{Test}\" outcome=\"{second}\" /></Results>", StringComparison.Ordinal);
        _folder.Write("results/retried.trx", retried);

        var row = Assert.Single(Rows(TestResultsReader.Load(["results"], _folder.Path)));

        Assert.Equal((2, last, passedAfterRetry), (row.Attempts.Count, row.Last.Outcome, row.PassedAfterRetry));
    }

    [Fact]
    public void Every_row_of_a_theory_has_its_own_attempts_and_undated_runs_count_as_the_newest()
    {
        _folder.Write("results/old.trx", Trx("Passed", start: "2026-11-20T10:00:00Z"));
        _folder.Write("results/new.trx", Trx("Passed", start: "2026-11-23T10:00:00Z").Replace(
            "</Results>", $"<UnitTestResult testId=\"4f4e7c1a-0000-4000-8000-000000000001\" testName=\"{Test}(total: 2)\" outcome=\"Failed\" /></Results>", StringComparison.Ordinal));
        _folder.Write("results/undated.trx", Trx("NotExecuted"));

        var rows = Rows(TestResultsReader.Load(["results"], _folder.Path));

        Assert.Equal([$"{Test}: Passed, Passed, NotExecuted", $"{Test}(total: 2): Failed"], rows.Select(r => $"{r.Last.DisplayName}: {string.Join(", ", r.Attempts.Select(a => a.Outcome))}"));
    }

    [Fact]
    public void Each_test_assembly_is_a_row_of_its_own_so_a_failure_in_one_target_framework_is_not_retried_by_another()
    {
        _folder.Write("results/net8.trx", Trx("Failed", start: "2026-11-23T10:00:00Z", storage: "/src/bin/release/net8.0/shop.tests.dll"));
        _folder.Write("results/net10.trx", Trx("Passed", start: "2026-11-23T10:00:05Z", storage: "/src/bin/release/net10.0/shop.tests.dll"));

        var rows = Rows(TestResultsReader.Load(["results"], _folder.Path));

        Assert.Equal(["Failed", "Passed"], rows.Select(r => r.Last.Outcome).Order());
        Assert.DoesNotContain(rows, r => r.PassedAfterRetry);
    }

    // --- Runs claimed by two files (issue 13, item 3) ---

    [Fact]
    public void A_byte_for_byte_copy_of_a_run_is_the_same_run_and_not_reported()
    {
        var trx = Trx("Failed", start: "2026-11-23T10:00:00Z", runId: "6d5c8c5e-1f0a-4a36-9a2e-0d3d5e9b4c11");
        _folder.Write("results/x.trx", trx);
        _folder.Write("archive/x-copy.trx", trx);

        var results = TestResultsReader.Load(["results", "archive"], _folder.Path);

        Assert.Equal((2, 1), (results.Files.Count, results.Runs));
        Assert.Single(results.Of(Test));
        Assert.Empty(results.SharedRuns);
    }

    [Fact]
    public void Two_different_files_that_claim_the_same_run_are_reported_and_the_run_counts_once()
    {
        _folder.Write("shard-1/a.trx", Trx("Failed", start: "2026-11-23T10:00:00Z", runId: "6d5c8c5e-1f0a-4a36-9a2e-0d3d5e9b4c11"));
        _folder.Write("shard-2/b.trx", Trx("Passed", start: "2026-11-23T10:00:00Z", runId: "6D5C8C5E-1F0A-4A36-9A2E-0D3D5E9B4C11"));

        var results = TestResultsReader.Load(["shard-1", "shard-2"], _folder.Path);

        Assert.Equal((2, 1), (results.Files.Count, results.Runs));
        Assert.Equal("Failed", Assert.Single(results.Of(Test)).Outcome);
        Assert.Equal(new SharedRun("6D5C8C5E-1F0A-4A36-9A2E-0D3D5E9B4C11", "shard-1/a.trx", "shard-2/b.trx"), Assert.Single(results.SharedRuns));
    }

    // --- Truncated and empty files are errors, never skipped (issue 13, item 3) ---

    [Theory]
    [InlineData("results/run.trx")]
    [InlineData("results")]
    public void A_truncated_trx_is_refused_naming_file_line_and_column_whether_named_or_found_in_a_folder(string pattern)
    {
        var whole = Trx("Passed", start: "2026-11-23T10:00:00Z");
        var path = _folder.Write("results/run.trx", whole[..whole.IndexOf("<TestDefinitions>", StringComparison.Ordinal)]);

        var error = Assert.Throws<InputException>(() => TestResultsReader.Load([pattern], _folder.Path));

        Assert.Matches(@"^" + System.Text.RegularExpressions.Regex.Escape(path) + @"\(\d+,\d+\): the test results file is not valid XML: Unexpected end of file", error.Message);
    }

    [Fact]
    public void An_empty_xml_in_a_results_folder_is_an_error_not_passed_over()
    {
        _folder.Write("results/run.trx", Trx("Passed"));
        var empty = _folder.Write("results/junit.xml", string.Empty);

        var error = Assert.Throws<InputException>(() => TestResultsReader.Load(["results"], _folder.Path));

        Assert.StartsWith(empty + ": the test results file is empty", error.Message, StringComparison.Ordinal);
    }

    // --- Files of other kinds beside the results (issue 13, item 3) ---

    [Fact]
    public void A_folder_yields_xml_and_json_files_too_and_passes_over_those_that_are_not_test_results()
    {
        _folder.Write("results/run.trx", Trx("Passed"));
        _folder.Write("results/more/other.xml", Trx("Passed", storage: "/src/bin/release/net10.0/shop.more.tests.dll"));
        _folder.Write("results/coverage.cobertura.xml", "<?xml version=\"1.0\"?>\n<coverage line-rate=\"1\"><packages /></coverage>");
        _folder.Write("results/settings.json", "{ \"parallel\": true }");
        _folder.Write("results/notes.txt", "not looked at");

        var results = TestResultsReader.Load(["results"], _folder.Path);

        Assert.Equal(["results/more/other.xml", "results/run.trx"], results.Files);
        Assert.Equal(["results/coverage.cobertura.xml", "results/settings.json"], results.PassedOver);
        Assert.Equal(2, results.Of(Test).Count);
    }

    [Theory]
    [InlineData("results/coverage.cobertura.xml", "(2,2): is not a test results file the gate reads: its root element is <coverage>")]
    [InlineData("results/odd.trx", ": is not a test results file: it is neither XML nor JSON")]
    public void A_file_that_is_not_test_results_is_an_error_when_named_by_itself_or_a_trx(string named, string reason)
    {
        _folder.Write("results/run.trx", Trx("Passed"));
        _folder.Write("results/odd.trx", "Passed: 1");
        var coverage = _folder.Write("results/coverage.cobertura.xml", "<?xml version=\"1.0\"?>\n<coverage line-rate=\"1\"><packages /></coverage>");

        var error = Assert.ThrowsAny<InputException>(() => TestResultsReader.Load([named], _folder.Path));

        Assert.Equal((named.EndsWith(".trx", StringComparison.Ordinal) ? Path.Combine(_folder.Path, named) : coverage) + reason, error.Message.Split(" (the gate reads")[0]);
    }

    [Fact]
    public void A_folder_with_no_test_results_among_its_files_is_an_error_naming_what_was_passed_over()
    {
        _folder.Write("results/coverage.cobertura.xml", "<coverage />");

        var error = Assert.Throws<InputException>(() => TestResultsReader.Load(["results"], _folder.Path));

        Assert.Equal("results: no test results: passed over 1 file that is not test results (results/coverage.cobertura.xml)", error.Message);
    }

    // --- Folders, globs and links ---

    [Theory]
    [InlineData("Shop*.trx", "Shop.Tests.trx,ShopUi.trx")]
    [InlineData("tr?/x.trx", "tr1/x.trx,tr2/x.trx")]
    [InlineData("**/*.trx", "Shop.Tests.trx,ShopUi.trx,deep/er/z.trx,tr1/x.trx,tr10/x.trx,tr2/x.trx")]
    [InlineData("deep", "deep/er/z.trx")]
    [InlineData("deep/**", "deep/er/z.trx,deep/er/z.txt")]
    [InlineData("*/x.TRX", "tr1/x.trx,tr10/x.trx,tr2/x.trx")]
    public void Test_results_may_be_named_by_a_folder_or_a_glob_with_wildcards_anywhere(string pattern, string expected)
    {
        foreach (var file in new[] { "Shop.Tests.trx", "ShopUi.trx", "tr1/x.trx", "tr2/x.trx", "tr10/x.trx", "deep/er/z.trx", "deep/er/z.txt" })
        {
            _folder.Write(file, Trx("Passed"));
        }

        var files = TestResultFiles.Expand([pattern], _folder.Path);

        Assert.Equal(expected.Split(','), files.Select(f => Path.GetRelativePath(_folder.Path, f).Replace('\\', '/')));
    }

    [Fact]
    public void A_folder_without_trx_files_is_a_clear_error()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "empty"));

        var error = Assert.Throws<InputException>(() => TestResultFiles.Expand(["empty"], _folder.Path));

        Assert.Equal("empty: no test results file (.trx, .xml, .json) in this folder or beneath it", error.Message);
    }

    [Fact]
    public void A_file_reached_twice_through_globs_or_links_is_read_once()
    {
        var real = _folder.Write("results/x.trx", Trx("Passed"));
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "x-link.trx"), real);
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "linked-results"), Path.Combine(_folder.Path, "results"));
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "results", "loop"), Path.Combine(_folder.Path, "results"));

        var files = TestResultFiles.Expand(["results/*.trx", "results/x.trx", "x-link.trx", "linked-results", "**/*.trx"], _folder.Path);

        Assert.Equal([real], files);
    }

    private static System.Collections.Generic.IReadOnlyList<TestRow> Rows(TestResults results) => TestRow.Of(results.Of(Test));

    public void Dispose() => _folder.Dispose();
}
