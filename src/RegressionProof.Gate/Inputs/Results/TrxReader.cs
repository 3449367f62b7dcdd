using System;
using System.Collections.Generic;
using System.Xml;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Reads a .trx file (VSTest's <c>--logger trx</c>, Microsoft.Testing.Platform's <c>--report-trx</c>)
/// as a stream: a file of up to 1 GB is never held in memory, only the test definitions (id to
/// class and method), the results and the run's times are kept.
/// </summary>
internal static class TrxReader
{
    private sealed record Definition(string ClassName, string Method, string Source);

    private sealed record Result(string TestId, string TestName, string Outcome, DateTimeOffset? Start, DateTimeOffset? End);

    /// <summary>Reads the run, from the reader positioned on the root <c>TestRun</c> element.</summary>
    /// <param name="path">The file read; errors name it.</param>
    /// <param name="display">The name findings give the file (relative to where the gate runs).</param>
    public static TestRun Read(XmlReader reader, string path, string display)
    {
        var ns = reader.NamespaceURI;
        var runId = reader.GetAttribute("id") ?? string.Empty;
        DateTimeOffset? runStart = null, runFinish = null;
        var definitions = new Dictionary<string, Definition>(StringComparer.OrdinalIgnoreCase);
        var results = new List<Result>();
        string? unitTest = null;
        var source = string.Empty;
        var unitTestDepth = -1;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            ResultXml.CheckDepth(reader, path, ".trx");

            if (unitTest is not null && reader.Depth <= unitTestDepth)
            {
                unitTest = null; // left the UnitTest element
            }

            if (reader.NamespaceURI != ns)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "Times" when reader.Depth == 1:
                    runStart = ResultXml.Time(reader, "start", path);
                    runFinish = ResultXml.Time(reader, "finish", path);
                    break;
                case "UnitTest":
                    unitTest = reader.GetAttribute("id") ?? string.Empty;
                    source = reader.GetAttribute("storage") ?? string.Empty;
                    unitTestDepth = reader.Depth;
                    break;
                case "TestMethod" when unitTest is not null && reader.Depth == unitTestDepth + 1:
                    // Ids are GUIDs, compared ignoring case; an id defined twice is one test, as first defined.
                    definitions.TryAdd(unitTest, new Definition(reader.GetAttribute("className") ?? string.Empty, reader.GetAttribute("name") ?? string.Empty, source));
                    break;
                case "UnitTestResult":
                    results.Add(new Result(
                        reader.GetAttribute("testId") ?? string.Empty,
                        reader.GetAttribute("testName") ?? string.Empty,
                        reader.GetAttribute("outcome") ?? "Unknown",
                        ResultXml.Time(reader, "startTime", path),
                        ResultXml.Time(reader, "endTime", path)));
                    break;
            }
        }

        var outcomes = new List<TestOutcome>(results.Count);
        DateTimeOffset? firstResult = null;
        foreach (var result in results)
        {
            var known = definitions.TryGetValue(result.TestId, out var definition);
            var name = known && ClassAndMethod.Of(definition!.ClassName, definition.Method) is { Length: > 0 } test
                ? test
                : ClassAndMethod.OfFullName(result.TestName);
            outcomes.Add(new TestOutcome(name, result.TestName, result.Outcome, display) { Source = known ? definition!.Source : string.Empty });
            if ((result.Start ?? result.End) is { } time && (firstResult is null || time < firstResult))
            {
                firstResult = time;
            }
        }

        // The run's own record of when it ran; a run without one is dated by its earliest result.
        var runTime = runStart ?? runFinish ?? firstResult;
        var run = runId.Length > 0 ? runId : "file:" + display;
        return new TestRun(run, runTime, outcomes.ConvertAll(o => o with { Run = run, RunTime = runTime }));
    }
}
