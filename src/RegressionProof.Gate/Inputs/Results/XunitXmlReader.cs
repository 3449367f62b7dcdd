using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Reads an xUnit.net XML file as a stream: v2 and v3 (root <c>assemblies</c>: xunit v3's
/// <c>--report-xunit-xml</c> and <c>-result-xml</c>, xunit.runner.console's <c>-xml</c>, the
/// XunitXml.TestLogger's <c>--logger xunit</c>) and v1 (root <c>assemblies</c> or, for one
/// assembly, <c>assembly</c>). Each assembly is a run of its own.
/// </summary>
internal static class XunitXmlReader
{
    public const string Format = "xUnit XML";

    private sealed class Assembly(string id, string source, DateTimeOffset? start)
    {
        public string Id { get; } = id;

        public string Source { get; } = source;

        public DateTimeOffset? Start { get; } = start;

        public List<TestOutcome> Outcomes { get; } = [];
    }

    /// <summary>Reads the runs, from the reader positioned on the root <c>assemblies</c> or <c>assembly</c> element.</summary>
    /// <param name="path">The file read; errors name it.</param>
    /// <param name="display">The name findings give the file (relative to where the gate runs).</param>
    public static IReadOnlyList<TestRun> Read(XmlReader reader, string path, string display)
    {
        var assemblies = new List<Assembly>();
        DateTimeOffset? runStart = null;
        Assembly? current = null;
        var currentDepth = -1;
        if (reader.LocalName == "assembly")
        {
            current = Start(reader, path);
            currentDepth = reader.Depth;
            assemblies.Add(current);
        }
        else
        {
            runStart = ResultXml.Time(reader, "start-rtf", path);
        }

        Assembly? outside = null; // the tests outside any assembly element
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            ResultXml.CheckDepth(reader, path, Format);
            if (current is not null && reader.Depth <= currentDepth)
            {
                current = null; // left the assembly
            }

            switch (reader.LocalName)
            {
                case "assembly":
                    current = Start(reader, path);
                    currentDepth = reader.Depth;
                    assemblies.Add(current);
                    break;
                case "test":
                    if (current is null && outside is null)
                    {
                        outside = new Assembly(string.Empty, string.Empty, runStart);
                        assemblies.Add(outside);
                    }

                    (current ?? outside)!.Outcomes.Add(Test(reader, path, display));
                    break;
            }
        }

        if (assemblies.Count == 0)
        {
            assemblies.Add(new Assembly(string.Empty, string.Empty, runStart)); // a run of no tests is still a run
        }

        var runs = new List<TestRun>(assemblies.Count);
        for (var i = 0; i < assemblies.Count; i++)
        {
            var assembly = assemblies[i];
            var start = assembly.Start ?? runStart;

            // xunit v3 gives each assembly's run a GUID; earlier files have nothing but the file to tell runs apart.
            var run = assembly.Id.Length > 0 ? assembly.Id : $"file:{display}#{i + 1}";
            runs.Add(new TestRun(run, start, assembly.Outcomes.ConvertAll(o => o with { Run = run, RunTime = start, Source = assembly.Source }), Format));
        }

        return runs;
    }

    /// <summary>The meaning of an xUnit.net result.</summary>
    public static TestStatus Status(string result) => result switch
    {
        "Pass" => TestStatus.Passed,
        "Fail" => TestStatus.Failed,
        "Skip" or "NotRun" => TestStatus.Skipped, // NotRun: an explicit test that was not asked for
        _ => TestStatus.Other,
    };

    private static Assembly Start(XmlReader reader, string path) =>
        new(reader.GetAttribute("id") ?? string.Empty, reader.GetAttribute("name") ?? string.Empty, ResultXml.Time(reader, "start-rtf", path) ?? RunDateAndTime(reader, path));

    // xunit before v3 records only run-date and run-time, in the local time of the machine that
    // ran the tests and without its offset: they are read in the gate's own time zone.
    private static DateTimeOffset? RunDateAndTime(XmlReader reader, string path)
    {
        var date = reader.GetAttribute("run-date");
        var time = reader.GetAttribute("run-time");
        if (date is null || time is null)
        {
            return null;
        }

        if (!DateTime.TryParseExact(date + " " + time, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var local))
        {
            reader.MoveToAttribute("run-date");
            var error = ResultXml.Error(reader, path, $"run-date \"{ResultXml.Shorten(date)}\" and run-time \"{ResultXml.Shorten(time)}\" are not a date and a time");
            reader.MoveToElement();
            throw error;
        }

        return new DateTimeOffset(local);
    }

    private static TestOutcome Test(XmlReader reader, string path, string display)
    {
        var result = reader.GetAttribute("result");
        if (string.IsNullOrEmpty(result))
        {
            throw ResultXml.Error(reader, path, "a <test> has no result");
        }

        var name = reader.GetAttribute("name");

        // The XunitXml.TestLogger writes a theory row's arguments after the method; they are cut off.
        var test = ClassAndMethod.Of(reader.GetAttribute("type"), reader.GetAttribute("method"));
        if (test.Length == 0)
        {
            test = ClassAndMethod.OfFullName(name);
        }

        if (test.Length == 0)
        {
            throw ResultXml.Error(reader, path, "a <test> names no test: it has neither type and method nor name");
        }

        return new TestOutcome(test, name ?? test, result, display) { Status = Status(result) };
    }
}
