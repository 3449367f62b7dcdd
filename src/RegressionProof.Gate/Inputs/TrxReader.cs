using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Xml;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>One test run as a .trx file records it, reduced to what the gate decides on.</summary>
internal sealed record TestRun(string Id, DateTimeOffset? Time, IReadOnlyList<TestOutcome> Outcomes);

/// <summary>
/// Reads a .trx file as a stream: a file of up to 1 GB is never held in memory, only the test
/// definitions (id to class and method), the results and the run's times are kept. DTDs are
/// refused, so no entity is ever expanded or fetched.
/// </summary>
internal static class TrxReader
{
    /// <summary>A .trx nests about six elements deep; anything far deeper is not one.</summary>
    public const int MaxDepth = 256;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = TextFile.MaxGeneratedBytes,
        CloseInput = true,
    };

    private sealed record Definition(string ClassName, string Method, string Source);

    private sealed record Result(string TestId, string TestName, string Outcome, DateTimeOffset? Start, DateTimeOffset? End);

    /// <param name="path">The file to read; errors name it.</param>
    /// <param name="display">The name findings give the file (relative to where the gate runs).</param>
    public static TestRun Read(string path, string display)
    {
        using var stream = Open(path);
        using var reader = XmlReader.Create(stream, Settings);
        try
        {
            return Read(reader, path, display);
        }
        catch (XmlException exception) when (exception.LineNumber == 0 && DoctypePosition(path) is var (line, column))
        {
            // The reader refuses a DTD without saying where it is; the file does.
            throw new InputException(path, "the test results file declares a DTD (<!DOCTYPE>); test results never do, and DTDs are not read", line, column);
        }
        catch (XmlException exception)
        {
            // The reader's own message ends in " Line n, position m."; the position goes in front instead.
            throw new InputException(path, "the test results file is not valid XML: " + exception.Message.Split(" Line ")[0],
                exception.LineNumber > 0 ? exception.LineNumber : null, exception.LineNumber > 0 ? exception.LinePosition : null);
        }
    }

    // Where "<!DOCTYPE" starts, looked for where a DTD can be: in the first bytes, before the root element.
    private static (long Line, long Column)? DoctypePosition(string path)
    {
        var head = new byte[64 * 1024];
        int length;
        using (var file = File.OpenRead(path))
        {
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var text = System.Text.Encoding.UTF8.GetString(head, 0, length);
        var at = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var line = 1 + text.AsSpan(0, at).Count('\n');
        var column = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return (line, column);
    }

    private static TestRun Read(XmlReader reader, string path, string display)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "TestRun")
        {
            throw new InputException(path, "is not a .trx test results file (its root element is not TestRun)");
        }

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

            if (reader.Depth > MaxDepth)
            {
                throw Error(reader, path, $"nests elements more than {MaxDepth} deep; a .trx file never does");
            }

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
                    runStart = Time(reader, "start", path);
                    runFinish = Time(reader, "finish", path);
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
                        Time(reader, "startTime", path),
                        Time(reader, "endTime", path)));
                    break;
            }
        }

        var outcomes = new List<TestOutcome>(results.Count);
        DateTimeOffset? firstResult = null;
        foreach (var result in results)
        {
            var known = definitions.TryGetValue(result.TestId, out var definition);
            var name = known && definition!.ClassName.Length > 0 && definition.Method.Length > 0
                ? TrimClass(definition.ClassName) + "." + TrimArguments(definition.Method)
                : TrimArguments(result.TestName);
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

    // A regular file only (a FIFO would hang the gate, a device never end), and no larger than the
    // cap; the reader's MaxCharactersInDocument still bounds what a file that grows is read for.
    private static FileStream Open(string path)
    {
        var stream = TextFile.Open(path, "test results");
        if (stream.Length > TextFile.MaxGeneratedBytes)
        {
            var length = stream.Length;
            stream.Dispose();
            throw new InputException(path, $"the test results file is {length:N0} bytes; more than {TextFile.MaxGeneratedBytes:N0} is not a test results file");
        }

        return stream;
    }

    private static DateTimeOffset? Time(XmlReader reader, string attribute, string path)
    {
        if (!reader.MoveToAttribute(attribute))
        {
            return null;
        }

        var value = reader.Value;
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            var shown = value.Length > 64 ? value[..64] + "…" : value;
            var error = Error(reader, path, $"{attribute} \"{shown}\" is not a date and time");
            reader.MoveToElement();
            throw error;
        }

        reader.MoveToElement();
        return time;
    }

    private static InputException Error(XmlReader reader, string path, string reason) =>
        reader is IXmlLineInfo { } info && info.HasLineInfo()
            ? new InputException(path, reason, info.LineNumber, info.LinePosition)
            : new InputException(path, reason);

    // Some adapters write the assembly after the class name ("Ns.Class, Assembly").
    private static string TrimClass(string className) => className.Split(',')[0].Trim();

    private static string TrimArguments(string name)
    {
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        return parenthesis < 0 ? name : name[..parenthesis];
    }
}
