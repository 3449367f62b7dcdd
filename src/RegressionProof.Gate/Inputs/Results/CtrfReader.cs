using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Reads a CTRF JSON report (Common Test Report Format, ctrf.io) as a stream. CTRF has no class or
/// method field, so a test is matched as <c>suite</c> + <c>name</c>: the suite (a string, or the
/// hierarchy as an array, joined with dots) is the fully qualified class, the name the method; a
/// test without a suite must be named by its fully qualified method. A display name is never
/// parsed: a parameterized row is the method's name with its <c>parameters</c>.
/// </summary>
internal static class CtrfReader
{
    public const string Format = "CTRF";

    private sealed class Test
    {
        public long Offset { get; init; }

        public string? Name { get; set; }

        public string? Status { get; set; }

        public string? RawStatus { get; set; }

        public string? Suite { get; set; }

        public string? Parameters { get; set; }

        public long Retries { get; set; }

        public bool Flaky { get; set; }

        public long? Start { get; set; }
    }

    /// <summary>Reads the report's one run.</summary>
    /// <param name="stream">The file, positioned at its start; disposed when read.</param>
    /// <param name="path">The file read; errors name it.</param>
    /// <param name="display">The name findings give the file (relative to where the gate runs).</param>
    public static TestRun Read(Stream stream, string path, string display)
    {
        using var json = new JsonTokens(stream, path);
        string? reportId = null;
        long? runStart = null;
        List<Test>? tests = null;
        json.Read();
        ForEachProperty(json, "the report", name =>
        {
            switch (name)
            {
                case "reportId":
                    reportId = String(json, "reportId");
                    break;
                case "results":
                    ForEachPropertyOfValue(json, "\"results\"", property =>
                    {
                        switch (property)
                        {
                            case "summary":
                                ForEachPropertyOfValue(json, "\"summary\"", field =>
                                {
                                    if (field == "start")
                                    {
                                        runStart = Number(json, "start");
                                    }
                                    else
                                    {
                                        Skip(json);
                                    }
                                });
                                break;
                            case "tests":
                                tests = ReadTests(json);
                                break;
                            default:
                                Skip(json);
                                break;
                        }
                    });
                    break;
                default:
                    Skip(json);
                    break;
            }
        });

        if (json.Read())
        {
            throw json.Error("the test results file goes on after the report's closing brace");
        }

        if (tests is null)
        {
            throw new NotTestResultsException(path, $"is not a test results file the gate reads: a JSON file without \"results\": {{ \"tests\": [...] }} (the gate reads {TestResultFile.Formats})");
        }

        return ToRun(tests, reportId, runStart, display);
    }

    private static TestRun ToRun(List<Test> tests, string? reportId, long? runStart, string display)
    {
        // reportId names this document; runId is shared by the shards of one run, so it cannot tell two files apart.
        var run = string.IsNullOrEmpty(reportId) ? "file:" + display : reportId;
        long? firstTest = null;
        foreach (var test in tests)
        {
            if (test.Start is { } start && (firstTest is null || start < firstTest))
            {
                firstTest = start;
            }
        }

        var runTime = (runStart ?? firstTest) is { } milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : (DateTimeOffset?)null;
        var outcomes = new List<TestOutcome>(tests.Count);
        foreach (var test in tests)
        {
            var name = test.Suite is { Length: > 0 } suite ? suite + "." + test.Name : test.Name!;
            var displayName = test.Parameters is null ? name : name + "(" + test.Parameters + ")";

            // A flaky test passed after failed attempts: each failed attempt is a result of its own, before the pass.
            if (test.Flaky)
            {
                for (var attempt = 1; attempt <= test.Retries; attempt++)
                {
                    outcomes.Add(new TestOutcome(name, $"{displayName} (attempt {attempt})", "failed", display) { Status = TestStatus.Failed, Run = run, RunTime = runTime });
                }
            }

            outcomes.Add(new TestOutcome(name, displayName, test.RawStatus ?? test.Status!, display) { Status = StatusOf(test.Status!), Run = run, RunTime = runTime });
        }

        return new TestRun(run, runTime, outcomes, Format);
    }

    private static TestStatus StatusOf(string status) => status switch
    {
        "passed" => TestStatus.Passed,
        "failed" => TestStatus.Failed,
        "skipped" => TestStatus.Skipped,
        _ => TestStatus.Other, // "pending", "other": the test did not pass
    };

    private static List<Test> ReadTests(JsonTokens json)
    {
        json.Read();
        if (json.Type != JsonTokenType.StartArray)
        {
            throw json.Error("\"tests\" must be an array of tests");
        }

        var tests = new List<Test>();
        while (json.Read() && json.Type != JsonTokenType.EndArray)
        {
            tests.Add(ReadTest(json));
        }

        return tests;
    }

    private static Test ReadTest(JsonTokens json)
    {
        var test = new Test { Offset = json.Offset };
        ForEachProperty(json, "a test", name =>
        {
            switch (name)
            {
                case "name":
                    test.Name = String(json, "name");
                    break;
                case "status":
                    test.Status = String(json, "status");
                    if (test.Status is not ("passed" or "failed" or "skipped" or "pending" or "other"))
                    {
                        throw json.Error($"\"status\" \"{ResultXml.Shorten(test.Status)}\" is not a CTRF status (passed, failed, skipped, pending, other)");
                    }

                    break;
                case "rawStatus":
                    test.RawStatus = String(json, "rawStatus");
                    break;
                case "suite":
                    test.Suite = Suite(json);
                    break;
                case "parameters":
                    test.Parameters = Parameters(json);
                    break;
                case "retries":
                    test.Retries = Number(json, "retries");
                    break;
                case "flaky":
                    json.Read();
                    test.Flaky = json.Type switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => throw json.Error("\"flaky\" must be true or false"),
                    };
                    break;
                case "start":
                    test.Start = Number(json, "start");
                    break;
                default:
                    Skip(json);
                    break;
            }
        });

        if (string.IsNullOrEmpty(test.Name) || test.Status is null)
        {
            throw json.Error($"a test has no {(string.IsNullOrEmpty(test.Name) ? "\"name\"" : "\"status\"")}; CTRF requires both", test.Offset);
        }

        if (test.Retries is < 0 or > 1000)
        {
            throw json.Error($"a test's \"retries\" is {test.Retries}; a runner retries a test between 0 and 1000 times", test.Offset);
        }

        return test;
    }

    // The suite as one name: a string, or the hierarchy from the top (["Shop.Tests", "PricingTests"]) joined with dots.
    private static string Suite(JsonTokens json)
    {
        json.Read(keep: true);
        if (json.Type == JsonTokenType.String)
        {
            return json.Text!;
        }

        if (json.Type != JsonTokenType.StartArray)
        {
            throw json.Error("\"suite\" must be a string or an array of strings");
        }

        var parts = new List<string>();
        while (json.Read(keep: true) && json.Type != JsonTokenType.EndArray)
        {
            parts.Add(json.Type == JsonTokenType.String ? json.Text! : throw json.Error("\"suite\" must be a string or an array of strings"));
        }

        return string.Join('.', parts);
    }

    // A row's arguments as a display name shows them ("price: 10, discount: 25"); an object or array argument as "…".
    private static string Parameters(JsonTokens json)
    {
        json.Read();
        if (json.Type != JsonTokenType.StartObject)
        {
            throw json.Error("\"parameters\" must be an object");
        }

        var shown = new List<string>();
        while (json.Read(keep: true) && json.Type == JsonTokenType.PropertyName)
        {
            var name = json.Text!;
            json.Read(keep: true);
            shown.Add(name + ": " + json.Type switch
            {
                JsonTokenType.String => "\"" + ResultXml.Shorten(json.Text!) + "\"",
                JsonTokenType.Number => json.Text,
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                JsonTokenType.Null => "null",
                _ => "…",
            });
            json.SkipValue();
        }

        return string.Join(", ", shown);
    }

    // Calls read for each property of the object that starts at the current token; read reads the property's value whole.
    private static void ForEachProperty(JsonTokens json, string what, Action<string> read)
    {
        if (json.Type != JsonTokenType.StartObject)
        {
            throw json.Type == JsonTokenType.None
                ? json.Error("the test results file is empty")
                : json.Error($"{what} must be a JSON object");
        }

        while (json.Read(keep: true) && json.Type == JsonTokenType.PropertyName)
        {
            read(json.Text!);
        }
    }

    // The same, for the object that is the value of the property just read.
    private static void ForEachPropertyOfValue(JsonTokens json, string what, Action<string> read)
    {
        json.Read();
        ForEachProperty(json, what, read);
    }

    private static void Skip(JsonTokens json)
    {
        json.Read();
        json.SkipValue();
    }

    private static string String(JsonTokens json, string name)
    {
        json.Read(keep: true);
        return json.Type == JsonTokenType.String ? json.Text! : throw json.Error($"\"{name}\" must be a string");
    }

    private static long Number(JsonTokens json, string name)
    {
        json.Read(keep: true);
        return json.Type == JsonTokenType.Number && long.TryParse(json.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw json.Error($"\"{name}\" must be a whole number");
    }
}
