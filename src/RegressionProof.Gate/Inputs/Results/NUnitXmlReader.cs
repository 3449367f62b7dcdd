using System;
using System.Collections.Generic;
using System.Xml;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Reads an NUnit 3 XML file (root <c>test-run</c>: NUnit's console and the NUnit3TestAdapter's
/// <c>TestOutputXml</c>, the NunitXml.TestLogger's <c>--logger nunit</c>, xunit v3's
/// <c>--report-xunit-nunit</c>) as a stream. Each assembly suite is a run of its own.
/// </summary>
internal static class NUnitXmlReader
{
    public const string Format = "NUnit XML";

    private sealed class Assembly(string source, DateTimeOffset? start)
    {
        public string Source { get; } = source;

        public DateTimeOffset? Start { get; } = start;

        public List<TestOutcome> Outcomes { get; } = [];
    }

    // An open test-suite: its depth, to know when it has closed, and the class it names, if any.
    private readonly record struct Suite(int Depth, string? ClassName);

    /// <summary>Reads the runs, from the reader positioned on the root <c>test-run</c> element.</summary>
    /// <param name="path">The file read; errors name it.</param>
    /// <param name="display">The name findings give the file (relative to where the gate runs).</param>
    public static IReadOnlyList<TestRun> Read(XmlReader reader, string path, string display)
    {
        var runId = reader.GetAttribute("id") ?? string.Empty;
        var runStart = ResultXml.Time(reader, "start-time", path);
        var runSource = reader.GetAttribute("fullname") ?? string.Empty; // NUnit's own files name the assembly of a one-assembly run here
        var assemblies = new List<Assembly>();
        Assembly? outside = null; // the test cases outside any assembly suite
        Assembly? current = null;
        var currentDepth = -1;
        var suites = new Stack<Suite>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            ResultXml.CheckDepth(reader, path, Format);
            while (suites.Count > 0 && suites.Peek().Depth >= reader.Depth)
            {
                suites.Pop(); // left that suite
            }

            if (current is not null && reader.Depth <= currentDepth)
            {
                current = null; // left the assembly suite
            }

            switch (reader.LocalName)
            {
                case "test-suite" when reader.GetAttribute("type") == "Assembly":
                    current = new Assembly(reader.GetAttribute("fullname") ?? reader.GetAttribute("name") ?? string.Empty, ResultXml.Time(reader, "start-time", path) ?? runStart);
                    currentDepth = reader.Depth;
                    assemblies.Add(current);
                    suites.Push(new Suite(reader.Depth, null));
                    break;
                case "test-suite":
                    suites.Push(new Suite(reader.Depth, reader.GetAttribute("classname")));
                    break;
                case "test-case":
                    if (current is null && outside is null)
                    {
                        outside = new Assembly(runSource, runStart);
                        assemblies.Add(outside);
                    }

                    (current ?? outside)!.Outcomes.Add(TestCase(reader, path, display, EnclosingClass(suites)));
                    break;
            }
        }

        if (assemblies.Count == 0)
        {
            assemblies.Add(new Assembly(string.Empty, runStart)); // a run of no tests is still a run
        }

        var runs = new List<TestRun>(assemblies.Count);
        for (var i = 0; i < assemblies.Count; i++)
        {
            var assembly = assemblies[i];

            // NUnit's run ids are counters ("0", "2"), the same in every file: only the file makes them a run's identity.
            var run = $"file:{display}#{runId}/{i + 1}";
            runs.Add(new TestRun(run, assembly.Start, assembly.Outcomes.ConvertAll(o => o with { Run = run, RunTime = assembly.Start, Source = assembly.Source }), Format));
        }

        return runs;
    }

    /// <summary>The meaning of an NUnit result (<c>result</c>; the <c>label</c> only refines it).</summary>
    public static TestStatus Status(string result) => result switch
    {
        "Passed" => TestStatus.Passed,
        "Failed" => TestStatus.Failed,
        "Skipped" => TestStatus.Skipped,
        _ => TestStatus.Other, // Inconclusive, Warning
    };

    private static TestOutcome TestCase(XmlReader reader, string path, string display, string? enclosingClass)
    {
        var result = reader.GetAttribute("result");
        if (string.IsNullOrEmpty(result))
        {
            throw ResultXml.Error(reader, path, "a <test-case> has no result: the file lists tests without running them (an --explore file?)");
        }

        var fullName = reader.GetAttribute("fullname");

        // NUnit writes the fixture's class on the test case; the NunitXml.TestLogger writes it only
        // on the fixture (the test case has the class without its namespace), so the fixture's counts.
        var test = ClassAndMethod.Of(enclosingClass ?? reader.GetAttribute("classname"), reader.GetAttribute("methodname"));
        if (test.Length == 0)
        {
            test = ClassAndMethod.OfFullName(fullName);
        }

        if (test.Length == 0)
        {
            throw ResultXml.Error(reader, path, "a <test-case> names no test: it has neither classname and methodname nor fullname");
        }

        // Outcomes as NUnit writes a result state: "Failed:Error", "Skipped:Ignored".
        var label = reader.GetAttribute("label");
        var outcome = string.IsNullOrEmpty(label) ? result : result + ":" + label;
        return new TestOutcome(test, fullName ?? reader.GetAttribute("name") ?? test, outcome, display) { Status = Status(result) };
    }

    // The class of the innermost open suite that names one (a fixture, a parameterized method).
    private static string? EnclosingClass(Stack<Suite> suites)
    {
        foreach (var suite in suites)
        {
            if (!string.IsNullOrEmpty(suite.ClassName))
            {
                return suite.ClassName;
            }
        }

        return null;
    }
}
