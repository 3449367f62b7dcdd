using System;
using System.Globalization;
using System.IO;
using System.Linq;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>
/// xUnit.net XML, as xunit v3 (Microsoft.Testing.Platform), xunit.runner.console 2 and the
/// XunitXml.TestLogger write it (the files in Fixtures/Results/xunit, made by the real tools: see its README).
/// </summary>
public sealed class XunitXmlReaderTests : IDisposable
{
    private const string Pricing = "Shop.Tests.PricingTests";

    private readonly TempFolder _folder = new();

    public static TheoryData<string> Files => ["xunit-v3.xml", "xunit-v2-console.xml", "xunit-v2-logger.xml"];

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Results", "xunit", name);

    private static TestResults Read(string name) => TestResultsReader.Read([Fixture(name)]);

    // --- What each runner's file says, read by type and method ---

    [Theory]
    [MemberData(nameof(Files))]
    public void A_passing_test_is_read_under_its_type_and_method(string file)
    {
        var outcome = Assert.Single(Read(file).Of(Pricing + ".Discount_never_makes_the_price_negative"));

        Assert.Equal((TestStatus.Passed, "Pass", Pricing + ".Discount_never_makes_the_price_negative"), (outcome.Status, outcome.Outcome, outcome.DisplayName));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_failing_test_is_failed(string file)
    {
        var outcome = Assert.Single(Read(file).Of(Pricing + ".Rounding_is_to_the_cent"));

        Assert.Equal((TestStatus.Failed, "Fail"), (outcome.Status, outcome.Outcome));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_skipped_test_is_skipped(string file)
    {
        var outcome = Assert.Single(Read(file).Of(Pricing + ".Currency_is_kept"));

        Assert.Equal((TestStatus.Skipped, "Skip"), (outcome.Status, outcome.Outcome));
    }

    [Fact]
    public void An_explicit_test_that_was_not_asked_for_did_not_run()
    {
        var outcome = Assert.Single(Read("xunit-v3.xml").Of(Pricing + ".Tax_table_is_loaded"));

        Assert.Equal((TestStatus.Skipped, "NotRun"), (outcome.Status, outcome.Outcome));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_row_of_a_theory_is_a_result_of_its_method_named_by_its_arguments(string file)
    {
        // The XunitXml.TestLogger writes the arguments after the method too; they do not make another test.
        var rows = Read(file).Of(Pricing + ".Discount_is_applied");

        Assert.Equal(
            [
                ("(price: 10, discount: 25, expected: 0)", TestStatus.Passed),
                ("(price: 10, discount: 5, expected: 5)", TestStatus.Passed),
                ("(price: 3, discount: 1, expected: 1)", TestStatus.Failed),
            ],
            rows.Select(r => (r.DisplayName[(Pricing + ".Discount_is_applied").Length..], r.Status)).OrderBy(r => r.Item1, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_test_of_a_nested_class_is_named_with_dots_as_proofs_name_it(string file)
    {
        var results = Read(file);

        var outcome = Assert.Single(results.Of(Pricing + ".Vouchers.Expired_voucher_is_refused"));
        Assert.Equal((TestStatus.Passed, Pricing + "+Vouchers.Expired_voucher_is_refused"), (outcome.Status, outcome.DisplayName));
        Assert.DoesNotContain(results.All, r => r.Test.Contains('+', StringComparison.Ordinal));
    }

    [Fact]
    public void An_xunit_v3_assembly_is_a_run_by_its_own_id_dated_by_its_start()
    {
        var run = Assert.Single(TestResultFile.Read(Fixture("xunit-v3.xml"), "results/x.xml").Runs);

        Assert.Equal(("b6397f86-eaa4-4b3a-b709-4fd15ea056b5", DateTimeOffset.Parse("2026-12-02T04:03:41.9664580+00:00", CultureInfo.InvariantCulture), "xUnit XML", 8), (run.Id, run.Time, run.Format, run.Outcomes.Count));
        Assert.All(run.Outcomes, o => Assert.Equal((run.Id, run.Time, "/tmp/nx/xunit3/bin/Release/net10.0/Shop.XunitV3Tests.dll"), (o.Run, o.RunTime, o.Source)));
    }

    [Theory]
    [InlineData("xunit-v2-console.xml", "Shop.XunitV2Tests.dll", "04:00:48")]
    [InlineData("xunit-v2-logger.xml", "/tmp/nx/xunit2/bin/Release/net10.0/Shop.XunitV2Tests.dll", "04:00:26")]
    public void An_xunit_v2_assembly_is_a_run_named_by_the_file_dated_by_its_run_date_and_time_in_local_time(string file, string source, string time)
    {
        var run = Assert.Single(TestResultFile.Read(Fixture(file), "results/x.xml").Runs);

        var local = DateTime.ParseExact("2026-12-02 " + time, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal);
        Assert.Equal(("file:results/x.xml#1", new DateTimeOffset(local), 7), (run.Id, run.Time, run.Outcomes.Count));
        Assert.All(run.Outcomes, o => Assert.Equal((run.Id, run.Time, source), (o.Run, o.RunTime, o.Source)));
    }

    [Fact]
    public void Each_assembly_is_a_run_of_its_own_and_a_v1_file_of_one_assembly_is_read_too()
    {
        var many = _folder.Write("many.xml", """
            <assemblies start-rtf="2026-11-23T10:00:00+00:00">
              <assembly name="A.dll" run-date="2026-11-23" run-time="10:00:01"><collection><test type="A.Tests" method="One" result="Pass" /></collection></assembly>
              <assembly name="B.dll" id="0b0b" start-rtf="2026-11-23T10:00:02+00:00"><collection><test type="B.Tests" method="Two" result="Fail" /></collection></assembly>
              <assembly name="C.dll"><collection><test type="C.Tests" method="Three" result="Skip" /></collection></assembly>
            </assemblies>
            """);
        var v1 = _folder.Write("v1.xml", """
            <assembly name="D.dll" run-date="2026-11-23" run-time="10:00:04" total="1">
              <class name="D.Tests+Inner"><test name="D.Tests+Inner.Four" type="D.Tests+Inner" method="Four" result="Pass" /></class>
            </assembly>
            """);

        var runs = TestResultFile.Read(many, "many.xml").Runs.Concat(TestResultFile.Read(v1, "v1.xml").Runs).ToList();

        Assert.Equal(
            [("file:many.xml#1", "A.dll", "A.Tests.One"), ("0b0b", "B.dll", "B.Tests.Two"), ("file:many.xml#3", "C.dll", "C.Tests.Three"), ("file:v1.xml#1", "D.dll", "D.Tests.Inner.Four")],
            runs.Select(r => (r.Id, Assert.Single(r.Outcomes).Source, r.Outcomes[0].Test)));
        Assert.Equal(
            [new DateTimeOffset(new DateTime(2026, 11, 23, 10, 0, 1, DateTimeKind.Local)), new DateTimeOffset(2026, 11, 23, 10, 0, 2, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(new DateTime(2026, 11, 23, 10, 0, 4, DateTimeKind.Local))],
            runs.Select(r => r.Time!.Value));
    }

    [Fact]
    public void A_test_that_is_neither_passed_failed_nor_skipped_did_not_pass_in_its_own_word()
    {
        var path = _folder.Write("other.xml", """<assemblies><assembly name="A.dll"><test type="A.Tests" method="One" result="Timeout" /></assembly></assemblies>""");

        var outcome = Assert.Single(Assert.Single(TestResultFile.Read(path, "other.xml").Runs).Outcomes);

        Assert.Equal((TestStatus.Other, "Timeout"), (outcome.Status, outcome.Outcome));
    }

    [Theory]
    [InlineData("Shop.Tests.Cache`1+Entry", "Expires")]
    [InlineData("Shop.Tests.Cache<System.Int32>+Entry, Shop.Tests", "Expires<Int32>(key: 1)")]
    public void A_generic_or_assembly_qualified_type_is_named_as_proofs_name_it(string type, string method)
    {
        var path = _folder.Write("generic.xml", $"<assemblies><assembly name=\"A.dll\"><test type=\"{type.Replace("<", "&lt;", StringComparison.Ordinal)}\" method=\"{method.Replace("<", "&lt;", StringComparison.Ordinal)}\" result=\"Pass\" /></assembly></assemblies>");

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
    [InlineData("<assemblies start-rtf=\"soon\">\n</assemblies>", "(1,13): start-rtf \"soon\" is not a date and time")]
    [InlineData("<assemblies>\n  <assembly name=\"A.dll\" start-rtf=\"2026-11-31T10:00:00+00:00\" />\n</assemblies>", "(2,26): start-rtf \"2026-11-31T10:00:00+00:00\" is not a date and time")]
    [InlineData("<assemblies>\n  <assembly name=\"A.dll\" run-date=\"23.11.2026\" run-time=\"10:00:00\" />\n</assemblies>", "(2,26): run-date \"23.11.2026\" and run-time \"10:00:00\" are not a date and a time")]
    public void A_start_that_is_not_a_time_is_an_error_naming_file_line_and_column(string text, string message)
    {
        var path = _folder.Write("bad.xml", text);

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.Equal(path + message, error.Message);
    }

    [Theory]
    [InlineData("<test type=\"A.Tests\" method=\"One\" />", "a <test> has no result")]
    [InlineData("<test result=\"Pass\" />", "a <test> names no test: it has neither type and method nor name")]
    public void A_test_without_a_result_or_a_name_is_an_error_naming_file_line_and_column(string test, string message)
    {
        var path = _folder.Write("bad.xml", "<assemblies>\n  <assembly name=\"A.dll\">\n    " + test + "\n  </assembly>\n</assemblies>");

        var error = Assert.Throws<InputException>(() => TestResultsReader.Read([path]));

        Assert.Equal(path + "(3,6): " + message, error.Message);
    }

    // --- A proof decided from the file ---

    [Theory]
    [MemberData(nameof(Files))]
    public void Proofs_are_decided_from_the_file_a_failing_row_fails_a_skipped_test_does_not_pass(string file)
    {
        var path = Fixture(file);

        var findings = ReaderChecks.Check(TestResultsReader.Read([path]));

        Assert.Equal(
            [
                $"the proof of INTAKE-2 {Pricing}.Discount_is_applied failed (in {path})",
                $"the proof of INTAKE-3 {Pricing}.Currency_is_kept did not pass (Skip; in {path})",
            ],
            findings);
    }

    public void Dispose() => _folder.Dispose();
}
