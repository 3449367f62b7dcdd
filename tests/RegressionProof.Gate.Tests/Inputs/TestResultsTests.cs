using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using RegressionProof.Gate.Inputs;
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

    // --- Results that pile up over runs (issue 10, item 7) ---

    [Fact]
    public void The_newest_run_of_a_test_decides_it_whatever_the_file_names()
    {
        // The fixed run sorts first by name, so only its time can make it count.
        _folder.Write("results/a-after-fix.trx", Trx("Passed", start: "2026-11-23T10:00:00.0000000+00:00"));
        _folder.Write("results/b-before-fix.trx", Trx("Failed", start: "2026-11-20T10:00:00.0000000+00:00"));

        var results = TestResultsReader.Load(["results"], _folder.Path);

        var outcome = Assert.Single(results.Of(Test));
        Assert.Equal(("Passed", "results/a-after-fix.trx"), (outcome.Outcome, outcome.File));
        Assert.Equal((2, 2, 2), (results.Files.Count, results.Runs, results.All.Count));
    }

    [Fact]
    public void A_run_is_dated_by_its_results_when_it_has_no_times_and_compared_as_instants()
    {
        // 12:30 in UTC+2 is before 11:00 UTC: read as clock times, the old run would look newer.
        _folder.Write("results/new.trx", Trx("Passed").Replace("outcome=\"Passed\"", "outcome=\"Passed\" startTime=\"2026-11-23T11:00:00.0000000+00:00\"", StringComparison.Ordinal));
        _folder.Write("results/old.trx", Trx("Failed", start: "2026-11-23T12:30:00.0000000+02:00"));

        Assert.Equal("Passed", Assert.Single(TestResultsReader.Load(["results"], _folder.Path).Of(Test)).Outcome);
    }

    [Fact]
    public void Every_case_of_the_newest_run_counts_and_undated_runs_always_count()
    {
        _folder.Write("results/old.trx", Trx("Passed", start: "2026-11-20T10:00:00Z"));
        _folder.Write("results/new.trx", Trx("Passed", start: "2026-11-23T10:00:00Z").Replace(
            "</Results>", $"<UnitTestResult testId=\"4f4e7c1a-0000-4000-8000-000000000001\" testName=\"{Test}(total: 2)\" outcome=\"Failed\" /></Results>", StringComparison.Ordinal));
        _folder.Write("results/undated.trx", Trx("NotExecuted"));

        var outcomes = TestResultsReader.Load(["results"], _folder.Path).Of(Test);

        Assert.Equal(["Passed", "Failed", "NotExecuted"], outcomes.Select(o => o.Outcome));
    }

    [Fact]
    public void Each_test_assembly_has_its_own_newest_run_so_a_failure_in_one_target_framework_is_not_hidden_by_another()
    {
        _folder.Write("results/net8.trx", Trx("Failed", start: "2026-11-23T10:00:00Z", storage: "/src/bin/release/net8.0/shop.tests.dll"));
        _folder.Write("results/net10.trx", Trx("Passed", start: "2026-11-23T10:00:05Z", storage: "/src/bin/release/net10.0/shop.tests.dll"));

        var outcomes = TestResultsReader.Load(["results"], _folder.Path).Of(Test);

        Assert.Equal(["Failed", "Passed"], outcomes.Select(o => o.Outcome).Order());
    }

    [Fact]
    public void A_copy_of_a_run_is_the_same_run()
    {
        var trx = Trx("Failed", start: "2026-11-23T10:00:00Z", runId: "6d5c8c5e-1f0a-4a36-9a2e-0d3d5e9b4c11");
        _folder.Write("results/x.trx", trx);
        _folder.Write("archive/x-copy.trx", trx.Replace("6d5c8c5e", "6D5C8C5E", StringComparison.Ordinal));

        var results = TestResultsReader.Load(["results", "archive"], _folder.Path);

        Assert.Equal((2, 1), (results.Files.Count, results.Runs));
        Assert.Single(results.Of(Test));
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

        Assert.Equal("empty: no .trx file in this folder or beneath it", error.Message);
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

    public void Dispose() => _folder.Dispose();
}
