using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Inputs;

/// <summary>Reads the test results of the release, from result files of every format read, into <see cref="TestResults"/>.</summary>
internal static class TestResultsReader
{
    /// <summary>Reads what the <c>--test-results</c> options name: files, folders and globs.</summary>
    public static TestResults Load(IReadOnlyList<string> patterns, string baseDirectory)
    {
        var results = Read(TestResultFiles.Find(patterns, baseDirectory), baseDirectory);
        if (results.Files.Count == 0)
        {
            throw new InputException(string.Join(", ", patterns),
                $"no test results: passed over {Files(results.PassedOver.Count)} that {(results.PassedOver.Count == 1 ? "is" : "are")} not test results ({string.Join(", ", results.PassedOver.Take(5))}{(results.PassedOver.Count > 5 ? ", …" : string.Empty)})");
        }

        return results;
    }

    /// <param name="files">The files, each read once; each must be test results.</param>
    /// <param name="baseDirectory">Findings name the files relative to it; without it, as given.</param>
    public static TestResults Read(IReadOnlyList<string> files, string? baseDirectory = null) =>
        Read(files.Select(f => new FoundFile(f, Named: true)).ToList(), baseDirectory);

    /// <param name="files">The files, each read once; those not named as test results are passed over when they are not.</param>
    /// <param name="baseDirectory">Findings name the files relative to it; without it, as given.</param>
    /// <param name="open">Opens a file; <see cref="TestResultFile.Open"/> unless a test watches what is opened.</param>
    public static TestResults Read(IReadOnlyList<FoundFile> files, string? baseDirectory = null, Func<string, Stream>? open = null)
    {
        var outcomes = new List<TestOutcome>();
        var read = new List<string>();
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        var passedOver = new List<string>();
        var runs = new Dictionary<string, (string Digest, string Display)>(StringComparer.OrdinalIgnoreCase);
        var shared = new List<SharedRun>();
        foreach (var file in files)
        {
            var display = baseDirectory is null ? file.Path : Path.GetRelativePath(baseDirectory, file.Path).Replace('\\', '/');
            TestResultFile.Contents contents;
            try
            {
                contents = TestResultFile.Read(file.Path, display, open);
            }
            catch (NotTestResultsException) when (!file.Named)
            {
                passedOver.Add(display); // a coverage report or settings file beside the results
                continue;
            }

            read.Add(display);
            var digest = digests[display] = contents.Sha256;
            foreach (var run in contents.Runs)
            {
                // Run ids are GUIDs: a second file with the same one and the same bytes (the same
                // digest) is a copy (or a hard link) of the same run; with other bytes, one of the
                // two is not what it claims.
                if (runs.TryGetValue(run.Id, out var first))
                {
                    if (first.Digest != digest)
                    {
                        shared.Add(new SharedRun(run.Id, first.Display, display));
                    }

                    continue;
                }

                runs.Add(run.Id, (digest, display));
                outcomes.AddRange(run.Outcomes);
            }
        }

        return new TestResults(outcomes, read, runs.Count) { SharedRuns = shared, PassedOver = passedOver, FileSha256 = digests };
    }

    private static string Files(int count) => count == 1 ? "1 file" : $"{count} files";
}
