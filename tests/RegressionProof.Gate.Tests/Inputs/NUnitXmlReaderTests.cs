using System;
using System.IO;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>
/// NUnit 3 XML, as NUnit's own adapter, the NunitXml.TestLogger and xunit v3 write it (the files
/// in Fixtures/Results/nunit, made by the real tools: see its README).
/// </summary>
public sealed class NUnitXmlReaderTests : IDisposable
{
    private const string Pricing = "Shop.Tests.PricingTests";

    private readonly TempFolder _folder = new();

    public static TheoryData<string> Files => ["nunit-logger.xml", "nunit-adapter.xml", "xunit-v3-nunit.xml"];

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Results", "nunit", name);

    private static TestResults Read(string name) => TestResultsReader.Read([Fixture(name)]);

    // --- What each runner's file says, read by class and method ---

    [Theory]
    [MemberData(nameof(Files))]
    public void A_passing_test_is_read_under_its_namespace_class_and_method(string file)
    {
        var outcome = Assert.Single(Read(file).Of(Pricing + ".Discount_never_makes_the_price_negative"));

        Assert.Equal((TestStatus.Passed, "Passed", Pricing + ".Discount_never_makes_the_price_negative"), (outcome.Status, outcome.Outcome, outcome.DisplayName));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_failing_test_is_failed(string file)
    {
        var outcome = Assert.Single(Read(file).Of(Pricing + ".Rounding_is_to_the_cent"));

        Assert.Equal((TestStatus.Failed, "Failed"), (outcome.Status, outcome.Outcome));
    }

    [Theory]
    [InlineData("nunit-logger.xml", "Skipped")]
    [InlineData("nunit-adapter.xml", "Skipped:Ignored")]
    [InlineData("xunit-v3-nunit.xml", "Skipped:Ignored")]
    public void An_ignored_test_is_skipped_in_NUnits_words_result_then_label(string file, string outcome)
    {
        var result = Assert.Single(Read(file).Of(Pricing + ".Currency_is_kept"));

        Assert.Equal((TestStatus.Skipped, outcome), (result.Status, result.Outcome));
    }

    [Theory]
    [InlineData("nunit-logger.xml", "(10,5,5)", "(10,25,0)", "(3,1,1)")]
    [InlineData("nunit-adapter.xml", "(10,5,5)", "(10,25,0)", "(3,1,1)")]
    [InlineData("xunit-v3-nunit.xml", "(price: 10, discount: 5, expected: 5)", "(price: 10, discount: 25, expected: 0)", "(price: 3, discount: 1, expected: 1)")]
    public void Every_row_of_a_parameterized_test_is_a_result_of_its_method_named_by_its_arguments(string file, string first, string second, string failing)
    {
        var rows = Read(file).Of(Pricing + ".Discount_is_applied");

        Assert.Equal(
            [(Pricing + ".Discount_is_applied" + failing, TestStatus.Failed), (Pricing + ".Discount_is_applied" + first, TestStatus.Passed), (Pricing + ".Discount_is_applied" + second, TestStatus.Passed)],
            rows.Select(r => (r.DisplayName, r.Status)).OrderBy(r => r.Status == TestStatus.Passed).ThenBy(r => r.DisplayName.Length));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_test_of_a_nested_class_is_named_with_dots_as_proofs_name_it(string file)
    {
        var results = Read(file);

        Assert.Equal(TestStatus.Passed, Assert.Single(results.Of(Pricing + ".Vouchers.Expired_voucher_is_refused")).Status);
        Assert.DoesNotContain(results.All, r => r.Test.Contains('+', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nunit-logger.xml")]
    [InlineData("nunit-adapter.xml")]
    public void An_inconclusive_test_did_not_pass(string file)
    {
        var outcome = Assert.Single(Read(file).Of(Pricing + ".Tax_rate_is_known"));

        Assert.Equal((TestStatus.Other, "Inconclusive"), (outcome.Status, outcome.Outcome));
    }

    [Fact]
    public void An_explicit_test_that_was_not_asked_for_is_skipped()
    {
        var outcome = Assert.Single(Read("xunit-v3-nunit.xml").Of(Pricing + ".Tax_table_is_loaded"));

        Assert.Equal((TestStatus.Skipped, "Skipped:Explicit"), (outcome.Status, outcome.Outcome));
    }

    [Theory]
    [InlineData("nunit-logger.xml")]
    [InlineData("nunit-adapter.xml")]
    public void A_test_retried_with_Retry_is_reported_once_with_its_last_attempt(string file)
    {
        // It failed its first attempt; NUnit keeps only the last, so the file cannot show the retry.
        Assert.Equal("Passed", Assert.Single(Read(file).Of(Pricing + ".Flaky_until_the_second_attempt")).Outcome);
    }

    [Theory]
    [InlineData("nunit-logger.xml", 9, "/tmp/nx/nunit/bin/Release/net10.0/Shop.NUnitTests.dll", "2026-12-02T04:02:46Z", "file:results/x.xml#2/1")]
    [InlineData("nunit-adapter.xml", 9, "/tmp/nx/nunit/bin/Release/net10.0/Shop.NUnitTests.dll", "2026-12-02T04:02:46.0722094Z", "file:results/x.xml#0/1")]
    [InlineData("xunit-v3-nunit.xml", 8, "/tmp/nx/xunit3/bin/Release/net10.0/Shop.XunitV3Tests.dll", "2026-12-02T04:03:41.9664580Z", "file:results/x.xml#0/1")]
    public void The_assembly_suite_is_a_run_named_by_the_file_dated_by_its_start_with_the_assembly_as_source(string file, int count, string source, string start, string id)
    {
        var run = Assert.Single(TestResultFile.Read(Fixture(file), "results/x.xml").Runs);

        Assert.Equal((id, DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), "NUnit XML", count), (run.Id, run.Time, run.Format, run.Outcomes.Count));
        Assert.All(run.Outcomes, o => Assert.Equal((id, run.Time, source, "results/x.xml"), (o.Run, o.RunTime, o.Source, o.File)));
    }

    [Fact]
    public void Each_assembly_of_a_run_is_a_run_of_its_own_and_tests_outside_any_are_the_run_files()
    {
        var path = _folder.Write("two.xml", """
            <test-run id="5" fullname="/bin/All.dll" start-time="2026-11-23 10:00:00Z">
              <test-suite type="Assembly" name="A.dll" fullname="/bin/A.dll" start-time="2026-11-23T10:00:01Z">
                <test-suite type="TestFixture" classname="A.Tests"><test-case classname="A.Tests" methodname="One" result="Passed" /></test-suite>
              </test-suite>
              <test-suite type="Assembly" name="B.dll" start-time="2026-11-23T10:00:02Z">
                <test-suite type="TestFixture" classname="B.Tests"><test-case classname="B.Tests" methodname="Two" result="Failed" label="Error" /></test-suite>
              </test-suite>
              <test-case fullname="C.Tests.Three(1)" result="Passed" />
            </test-run>
            """);

        var runs = TestResultFile.Read(path, "two.xml").Runs;

        Assert.Equal(
            [("file:two.xml#5/1", "/bin/A.dll", 1), ("file:two.xml#5/2", "B.dll", 2), ("file:two.xml#5/3", "/bin/All.dll", 0)],
            runs.Select(r => (r.Id, r.Outcomes[0].Source, r.Time!.Value.Second)));
        Assert.Equal(["A.Tests.One Passed", "B.Tests.Two Failed:Error", "C.Tests.Three Passed"], runs.SelectMany(r => r.Outcomes).Select(o => $"{o.Test} {o.Outcome}"));
    }

    [Fact]
    public void Generic_fixtures_are_named_without_their_type_arguments()
    {
        var path = _folder.Write("generic.xml", """
            <test-run id="0"><test-suite type="Assembly" name="A.dll">
              <test-suite type="TestFixture" classname="Shop.Tests.Cache`1+Entry"><test-case methodname="Expires&lt;Int32&gt;" fullname="x" result="Passed" /></test-suite>
            </test-suite></test-run>
            """);

        Assert.Equal("Shop.Tests.Cache.Entry.Expires", Assert.Single(Assert.Single(TestResultFile.Read(path, "generic.xml").Runs).Outcomes).Test);
    }

    // --- Malformed files ---

    [Theory]
    [MemberData(nameof(Files))]
    public void A_truncated_file_is_an_error_naming_file_line_and_column(string file)
    {
        var text = File.ReadAllText(Fixture(file));
        var path = _folder.Write("cut.xml", text[..(text.Length / 2)]);

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.Matches(@"^" + System.Text.RegularExpressions.Regex.Escape(path) + @"\(\d+,\d+\): the test results file is not valid XML: ", error.Message);
    }

    [Theory]
    [InlineData("<test-run id=\"0\" start-time=\"yesterday\">\n</test-run>", "(1,18): start-time \"yesterday\" is not a date and time")]
    [InlineData("<test-run id=\"0\">\n  <test-suite type=\"Assembly\" start-time=\"2026-13-45T10:00:00Z\" />\n</test-run>", "(2,31): start-time \"2026-13-45T10:00:00Z\" is not a date and time")]
    public void A_start_that_is_not_a_time_is_an_error_naming_file_line_and_column(string text, string message)
    {
        var path = _folder.Write("bad.xml", text);

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.Equal(path + message, error.Message);
    }

    [Fact]
    public void A_test_case_without_a_result_is_an_error_it_lists_tests_without_running_them()
    {
        var path = _folder.Write("explore.xml", "<test-run id=\"0\">\n  <test-suite type=\"Assembly\" name=\"A.dll\">\n    <test-case classname=\"A.Tests\" methodname=\"One\" />\n  </test-suite>\n</test-run>");

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.Equal(path + "(3,6): a <test-case> has no result: the file lists tests without running them (an --explore file?)", error.Message);
    }

    [Fact]
    public void A_test_case_that_names_no_test_is_an_error()
    {
        var path = _folder.Write("nameless.xml", "<test-run id=\"0\">\n  <test-case result=\"Passed\" name=\"\" />\n</test-run>");

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.Equal(path + "(2,4): a <test-case> names no test: it has neither classname and methodname nor fullname", error.Message);
    }

    // --- A proof decided from the file ---

    [Theory]
    [InlineData("nunit-logger.xml", "Skipped")]
    [InlineData("nunit-adapter.xml", "Skipped:Ignored")]
    [InlineData("xunit-v3-nunit.xml", "Skipped:Ignored")]
    public void Proofs_are_decided_from_the_file_a_failing_row_fails_a_skipped_test_does_not_pass(string file, string skipped)
    {
        var path = Fixture(file);

        var findings = ReaderChecks.Check(TestResultsReader.Read([path]));

        Assert.Equal(
            [
                $"the proof of INTAKE-2 {Pricing}.Discount_is_applied failed (in {path})",
                $"the proof of INTAKE-3 {Pricing}.Currency_is_kept did not pass ({skipped}; in {path})",
            ],
            findings);
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>The proofs every reader's fixture decides: the same test project was run by each runner.</summary>
internal static class ReaderChecks
{
    /// <summary>
    /// The messages of the findings on four proofs: a nested class's test and a plain test that
    /// passed, a parameterized test with a failing row, and a skipped test.
    /// </summary>
    public static string[] Check(TestResults results)
    {
        var release = Given.Release(cards: [Given.Card("INTAKE-1"), Given.Card("INTAKE-2"), Given.Card("INTAKE-3"), Given.Card("INTAKE-4")]);
        var links = new[]
        {
            Given.Test("INTAKE-1", "Shop.Tests.PricingTests.Vouchers.Expired_voucher_is_refused"),
            Given.Test("INTAKE-2", "Shop.Tests.PricingTests.Discount_is_applied"),
            Given.Test("INTAKE-3", "Shop.Tests.PricingTests.Currency_is_kept"),
            Given.Test("INTAKE-4", "Shop.Tests.PricingTests.Discount_never_makes_the_price_negative"),
        };

        // The test assemblies the files name are scanned too, as they are when the gate runs on the build that ran them.
        var testAssemblies = results.All.Select(o => o.Source).Where(s => s.Length > 0)
            .Select(s => s[(s.LastIndexOfAny(['/', '\\']) + 1)..]).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(file => new ScannedAssembly(Path.GetFileNameWithoutExtension(file), [new ScannedFile("tests/bin/" + file, new string('0', 64))], [], [], []));
        var input = new GateInput(release, Given.Changelog(release), [Given.Assembly("Shop", links), .. testAssemblies], results, null, Given.Today);
        return RegressionProofCheck.Check(input).Select(f => f.Message).Order(StringComparer.Ordinal).ToArray();
    }
}
