using System;
using System.Collections.Generic;
using System.IO;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>Reads the test results of the release, from result files of every format read, into <see cref="TestResults"/>.</summary>
internal static class TestResultsReader
{
    /// <summary>Reads what the <c>--test-results</c> options name: files, folders and globs.</summary>
    public static TestResults Load(IReadOnlyList<string> patterns, string baseDirectory) =>
        Read(TestResultFiles.Expand(patterns, baseDirectory), baseDirectory);

    /// <param name="files">The files, each read once.</param>
    /// <param name="baseDirectory">Findings name the files relative to it; without it, as given.</param>
    public static TestResults Read(IReadOnlyList<string> files, string? baseDirectory = null)
    {
        var outcomes = new List<TestOutcome>();
        var runs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var display = baseDirectory is null ? file : Path.GetRelativePath(baseDirectory, file).Replace('\\', '/');
            foreach (var run in TestResultFile.Read(file, display))
            {
                // Run ids are GUIDs: a second file with the same one is a copy (or a hard link) of the same run.
                if (runs.Add(run.Id))
                {
                    outcomes.AddRange(run.Outcomes);
                }
            }
        }

        return new TestResults(outcomes, files, runs.Count);
    }
}
