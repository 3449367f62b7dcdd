using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Reads a JUnit XML file (JunitXml.TestLogger's <c>dotnet test --logger junit</c>, xunit v3's
/// <c>-junit</c> and <c>--report-xunit-junit</c>, and the Surefire-style files CI systems keep) as
/// a stream: only the results and each run's identity are kept, never the captured output.
/// </summary>
/// <remarks>
/// JUnit XML has no run id. The suites of one file that share a host and a start time are one
/// run, identified by both and by a digest of what it recorded, so that a copy of a file is the
/// same run and two runs are never taken for one, whatever they are named.
/// </remarks>
internal static class JUnitXmlReader
{
    public const string Format = "JUnit XML";

    private sealed record Suite(int Depth, string Host, DateTimeOffset? Time, string Source, Run Run);

    private sealed class Run(string host, DateTimeOffset? time)
    {
        public string Host { get; } = host;

        public DateTimeOffset? Time { get; } = time;

        public IncrementalHash Digest { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public List<TestOutcome> Outcomes { get; } = [];
    }

    private sealed class TestCase(int depth, string test, string name, string time)
    {
        public int Depth { get; } = depth;

        public string Test { get; } = test;

        public string Name { get; } = name;

        public string Time { get; } = time;

        /// <summary>The failed attempts before the final one (Surefire's flaky and rerun elements).</summary>
        public List<string> Attempts { get; } = [];

        /// <summary>The final attempt's <c>failure</c> or <c>error</c>, or <c>skipped</c>; null when it passed.</summary>
        public string? Result { get; set; }
    }

    /// <summary>Reads the runs, from the reader positioned on the root <c>testsuites</c> or <c>testsuite</c> element.</summary>
    /// <param name="path">The file read; errors name it.</param>
    /// <param name="display">The name findings give the file (relative to where the gate runs).</param>
    public static IReadOnlyList<TestRun> Read(XmlReader reader, string path, string display)
    {
        var runs = new Runs();
        try
        {
            ReadSuites(reader, path, display, runs);
            return runs.All.ConvertAll(run =>
            {
                var id = "junit:" + run.Host + "@" + (run.Time?.ToString("O", CultureInfo.InvariantCulture) ?? "undated")
                    + "#" + Convert.ToHexStringLower(run.Digest.GetHashAndReset())[..16];
                return new TestRun(id, run.Time, run.Outcomes.ConvertAll(o => o with { Run = id, RunTime = run.Time }), Format);
            });
        }
        finally
        {
            runs.All.ForEach(run => run.Digest.Dispose());
        }
    }

    private static void ReadSuites(XmlReader reader, string path, string display, Runs runs)
    {
        var ns = reader.NamespaceURI;
        var suites = new Stack<Suite>();
        TestCase? testCase = null;

        // xunit v3 dates the whole report on the root; the suites inherit it.
        var rootTime = ResultXml.Time(reader, "timestamp", path);
        var empty = reader.IsEmptyElement;
        if (reader.LocalName == "testsuite")
        {
            OpenSuite(reader, path, rootTime, suites, runs);
        }

        while (!empty && reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (testCase is not null && reader.Depth == testCase.Depth)
                {
                    Add(testCase, suites.Peek(), display);
                    testCase = null;
                }
                else if (suites.Count > 0 && reader.Depth == suites.Peek().Depth)
                {
                    suites.Pop();
                }

                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            ResultXml.CheckDepth(reader, path, "JUnit XML");
            if (reader.NamespaceURI != ns)
            {
                continue;
            }

            if (testCase is not null)
            {
                ReadResult(reader, path, testCase);
                continue;
            }

            switch (reader.LocalName)
            {
                case "testsuite":
                    OpenSuite(reader, path, suites.TryPeek(out var outer) ? outer.Time : rootTime, suites, runs);
                    if (reader.IsEmptyElement)
                    {
                        suites.Pop();
                    }

                    break;
                case "testcase" when suites.Count == 0:
                    throw ResultXml.Error(reader, path, "has a <testcase> outside any <testsuite>; in JUnit XML every testcase is in a testsuite");
                case "testcase":
                    var opened = OpenTestCase(reader, path);
                    if (reader.IsEmptyElement)
                    {
                        Add(opened, suites.Peek(), display);
                    }
                    else
                    {
                        testCase = opened;
                    }

                    break;
            }
        }
    }

    // A suite nested in another (as some CI tools merge files) inherits what it does not say itself.
    private static void OpenSuite(XmlReader reader, string path, DateTimeOffset? inherited, Stack<Suite> suites, Runs runs)
    {
        suites.TryPeek(out var outer);
        var time = ResultXml.Time(reader, "timestamp", path) ?? inherited;
        var host = reader.GetAttribute("hostname") ?? outer?.Host ?? string.Empty;
        var suite = new Suite(reader.Depth, host, time, SourceOf(reader) ?? outer?.Source ?? string.Empty, runs.Of(host, time));
        suites.Push(suite);
        Hash(suite.Run, "suite", reader.GetAttribute("name"), reader.GetAttribute("id"), suite.Source);
    }

    // The test assembly: JunitXml.TestLogger writes it as the package; xunit v3 names the suite by its path.
    private static string? SourceOf(XmlReader reader)
    {
        if (reader.GetAttribute("package") is { Length: > 0 } package)
        {
            return package;
        }

        return reader.GetAttribute("name") is { } name
            && (name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
            ? name
            : null;
    }

    private static TestCase OpenTestCase(XmlReader reader, string path)
    {
        var name = reader.GetAttribute("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw ResultXml.Error(reader, path, "has a <testcase> without a name; the gate matches proofs by it");
        }

        var className = reader.GetAttribute("classname") ?? string.Empty;
        return new TestCase(reader.Depth, JUnitTestName.Of(className, name), name, reader.GetAttribute("time") ?? string.Empty);
    }

    // A child of the testcase: its outcome, or an earlier attempt of it. Elements deeper down are captured output.
    private static void ReadResult(XmlReader reader, string path, TestCase testCase)
    {
        if (reader.LocalName == "testcase")
        {
            throw ResultXml.Error(reader, path, "has a <testcase> inside another; in JUnit XML testcases are not nested");
        }

        if (reader.Depth != testCase.Depth + 1)
        {
            return;
        }

        switch (reader.LocalName)
        {
            case "flakyFailure" or "flakyError" or "rerunFailure" or "rerunError":
                testCase.Attempts.Add(reader.LocalName);
                break;
            case "failure" or "error":
                // A failure outweighs a skip, whichever the file writes first.
                testCase.Result = testCase.Result is null or "skipped" ? reader.LocalName : testCase.Result;
                break;
            case "skipped":
                testCase.Result ??= reader.LocalName;
                break;
        }
    }

    // One outcome per attempt, the failed ones first, so a test that passed on retry shows as such.
    private static void Add(TestCase testCase, Suite suite, string display)
    {
        var run = suite.Run;
        foreach (var attempt in testCase.Attempts)
        {
            run.Outcomes.Add(new TestOutcome(testCase.Test, testCase.Name, attempt, display) { Status = TestStatus.Failed, Source = suite.Source });
        }

        var result = testCase.Result ?? "passed";
        var status = result switch
        {
            "passed" => TestStatus.Passed,
            "skipped" => TestStatus.Skipped,
            _ => TestStatus.Failed,
        };
        run.Outcomes.Add(new TestOutcome(testCase.Test, testCase.Name, result, display) { Status = status, Source = suite.Source });
        Hash(run, "case", testCase.Test, testCase.Name, testCase.Time, string.Join(' ', testCase.Attempts), result);
    }

    /// <summary>The runs of the file, in the order first seen, one per host and start time.</summary>
    private sealed class Runs
    {
        private readonly Dictionary<(string Host, DateTimeOffset? Time), Run> _byKey = [];

        public List<Run> All { get; } = [];

        public Run Of(string host, DateTimeOffset? time)
        {
            if (!_byKey.TryGetValue((host, time), out var run))
            {
                run = new Run(host, time);
                _byKey.Add((host, time), run);
                All.Add(run);
            }

            return run;
        }
    }

    private static void Hash(Run run, params string?[] values)
    {
        foreach (var value in values)
        {
            run.Digest.AppendData(Encoding.UTF8.GetBytes(value ?? string.Empty));
            run.Digest.AppendData([0]);
        }
    }
}
