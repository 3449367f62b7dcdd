using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.FileSystemGlobbing;

namespace RegressionProof.Gate.Inputs;

/// <summary>One executed test as a .trx file reports it.</summary>
internal sealed record TestOutcome(string Test, string DisplayName, string Outcome, string File);

/// <summary>
/// The test results of the release (Visual Studio .trx files). A test is known by
/// <c>Namespace.Class.Method</c>; the cases of a theory all count under that name.
/// </summary>
internal sealed class TestResults
{
    private readonly Dictionary<string, List<TestOutcome>> _byTest;

    private TestResults(IReadOnlyList<TestOutcome> outcomes, IReadOnlyList<string> files)
    {
        All = outcomes;
        Files = files;
        _byTest = outcomes.GroupBy(o => o.Test, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public IReadOnlyList<TestOutcome> All { get; }

    public IReadOnlyList<string> Files { get; }

    public IReadOnlyList<TestOutcome> Of(string test) => _byTest.TryGetValue(test, out var outcomes) ? outcomes : [];

    public static TestResults From(IReadOnlyList<TestOutcome> outcomes) => new(outcomes, outcomes.Select(o => o.File).Distinct(StringComparer.Ordinal).ToList());

    public static TestResults Read(IReadOnlyList<string> files)
    {
        var outcomes = new List<TestOutcome>();
        foreach (var file in files)
        {
            outcomes.AddRange(ReadFile(file));
        }

        return new TestResults(outcomes, files);
    }

    /// <summary>The files a glob such as <c>artifacts/test-results/*.trx</c> names, relative to <paramref name="baseDirectory"/>.</summary>
    public static IReadOnlyList<string> Expand(string pattern, string baseDirectory)
    {
        var full = Path.GetFullPath(Path.Combine(baseDirectory, pattern));
        if (full.IndexOfAny(['*', '?']) < 0)
        {
            return File.Exists(full) ? [full] : throw new InputException(pattern, "the test results file does not exist");
        }

        // The folder part is the longest prefix without wildcards; the rest is matched file by file.
        var firstWildcard = full.IndexOfAny(['*', '?']);
        var root = Path.GetDirectoryName(full[..firstWildcard].TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar) ?? baseDirectory;
        if (!Directory.Exists(root))
        {
            throw new InputException(pattern, $"no test results: the folder {root} does not exist");
        }

        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddInclude(Path.GetRelativePath(root, full).Replace('\\', '/'));
        var matches = matcher.GetResultsInFullPath(root).OrderBy(p => p, StringComparer.Ordinal).ToList();
        return matches.Count > 0 ? matches : throw new InputException(pattern, "no test results file matches");
    }

    private static IEnumerable<TestOutcome> ReadFile(string file)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(TextFile.Read(file, "test results", TextFile.MaxGeneratedBytes), LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            throw new InputException(file, "the test results file is not valid XML: " + exception.Message.Split(" Line ")[0], exception.LineNumber, exception.LinePosition);
        }

        XNamespace ns = document.Root?.Name.Namespace ?? XNamespace.None;
        if (document.Root?.Name.LocalName != "TestRun")
        {
            throw new InputException(file, "is not a .trx test results file (its root element is not TestRun)");
        }

        var methods = document.Descendants(ns + "UnitTest").ToDictionary(
            unitTest => (string?)unitTest.Attribute("id") ?? string.Empty,
            unitTest => unitTest.Element(ns + "TestMethod"),
            StringComparer.OrdinalIgnoreCase);

        foreach (var result in document.Descendants(ns + "UnitTestResult"))
        {
            var testName = (string?)result.Attribute("testName") ?? string.Empty;
            var outcome = (string?)result.Attribute("outcome") ?? "Unknown";
            var method = methods.TryGetValue((string?)result.Attribute("testId") ?? string.Empty, out var m) ? m : null;
            var className = (string?)method?.Attribute("className");
            var methodName = (string?)method?.Attribute("name");
            var name = className is not null && methodName is not null
                ? TrimClass(className) + "." + TrimArguments(methodName)
                : TrimArguments(testName);
            yield return new TestOutcome(name, testName, outcome, file);
        }
    }

    // Some adapters write the assembly after the class name ("Ns.Class, Assembly").
    private static string TrimClass(string className) => className.Split(',')[0].Trim();

    private static string TrimArguments(string name)
    {
        var parenthesis = name.IndexOf('(');
        return parenthesis < 0 ? name : name[..parenthesis];
    }
}
