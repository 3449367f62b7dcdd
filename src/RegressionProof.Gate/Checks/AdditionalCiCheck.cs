using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// "Additional CI" by class, checked from the test results: a patch runs the tests of its affected
/// scope (every test assembly that references an assembly changed since the baseline), a minor
/// release runs the test assemblies of its affected packages in full, a major release runs the
/// full suite (every test assembly) and every <c>[MigrationTest]</c>. Without test results it is
/// not verified: a warning, an error for a major release.
/// </summary>
internal static class AdditionalCiCheck
{
    /// <summary>How many names a message lists before "…".</summary>
    private const int Shown = 3;

    public static IEnumerable<Finding> Check(GateInput input)
    {
        var release = input.Release;
        var tests = input.Assemblies.Where(a => a.IsTestAssembly).ToList();
        var changed = release.Class == ReleaseClass.Major ? [] : ChangedAssemblies(input);
        var required = release.Class == ReleaseClass.Major ? tests : tests.Where(t => t.References.Any(changed.Contains)).ToList();
        var migrationTests = release.Class != ReleaseClass.Major ? [] : input.Links
            .Where(l => l.Kind == LinkKinds.MigrationTest && l.Test is not null)
            .Select(l => l.Test!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (required.Count == 0 && migrationTests.Count == 0)
        {
            yield break; // nothing this class asks to have run
        }

        var policy = Policies.AdditionalCi;
        var what = $"{WireNames.Of(release.Class)} {release.Version}";
        if (input.TestResults is not { } results)
        {
            var asked = required.Select(t => t.Name).Concat(migrationTests.Select(t => $"[MigrationTest] {t}")).ToList();
            yield return new Finding(policy.Name, policy.RuleId, release.Class == ReleaseClass.Major ? FindingLevel.Error : FindingLevel.Warning, null,
                $"additional CI of {what} not verified: no --test-results were given; {Scope(release.Class)} asks for results of {List(asked)}",
                "run the tests on this build and pass their result files with --test-results");
            yield break;
        }

        var read = $"the {results.Files.Count} result file{(results.Files.Count == 1 ? string.Empty : "s")} read ({List(results.Files)})";
        var ran = new RanAssemblies(input, results);
        foreach (var test in required)
        {
            if (!ran.Ran(test))
            {
                yield return new Finding(policy.Name, policy.RuleId, FindingLevel.Error, null,
                    $"{test.Name} ({test.Files[0].Path}) has no results of this build in {read}; {Why(input, test, changed)}",
                    $"run the tests of {test.Name} on this build and pass the result file with --test-results");
            }
            else if (release.Class == ReleaseClass.Minor && NotRun(input, test) is { Count: > 0 } notRun)
            {
                yield return new Finding(policy.Name, policy.RuleId, FindingLevel.Error, null,
                    $"{test.Name} ran in part: {notRun.Count} of its tests {(notRun.Count == 1 ? "has" : "have")} no result in {read} ({List(notRun)}); {Why(input, test, changed)}, in full",
                    $"run every test of {test.Name} (no --filter) and pass the result file with --test-results");
            }
        }

        foreach (var migrationTest in migrationTests)
        {
            if (!input.ProofResultsOf(migrationTest).Rows.Any(row => row.Last.Status is TestStatus.Passed or TestStatus.Failed))
            {
                yield return new Finding(policy.Name, policy.RuleId, FindingLevel.Error, null,
                    $"[MigrationTest] {migrationTest} did not run in {read}; {what} runs every migration test",
                    "run the migration tests on this build and pass the result file with --test-results");
            }
        }
    }

    /// <summary>
    /// The names of the product assemblies changed since the baseline: new ones, those whose public
    /// API differs, and those none of whose files is a file of the baseline (same SHA-256). The
    /// SDK's deterministic build gives the same bytes for the same source, references and
    /// compiler, so an assembly whose bytes differ may not have changed in source; it counts as
    /// changed (more tests asked for, never fewer). A baseline that records no files for an
    /// assembly cannot tell; without a baseline nothing can: every product assembly counts.
    /// </summary>
    internal static HashSet<string> ChangedAssemblies(GateInput input)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in input.Assemblies.Where(a => !a.IsTestAssembly))
        {
            if (input.Baseline is not { } baseline
                || !baseline.FileHashes.TryGetValue(assembly.Name, out var hashes) || hashes.Count == 0
                || assembly.Files.Any(f => !hashes.Contains(f.Sha256))
                || !ApiCompatibilityCheck.Compare(baseline, assembly).IsEmpty)
            {
                changed.Add(assembly.Name);
            }
        }

        return changed;
    }

    /// <summary>
    /// The known tests of a test assembly (the test proofs of its manifest, of any card) that have
    /// no result: the gate cannot see a runner's filter, and a known test left out shows one.
    /// </summary>
    private static List<string> NotRun(GateInput input, ScannedAssembly test) =>
        test.Links
            .Where(l => l.Test is not null)
            .Select(l => l.Test!)
            .Distinct(StringComparer.Ordinal)
            .Where(name => input.ProofResultsOf(name).Rows.Count == 0)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Scope(ReleaseClass releaseClass) => releaseClass switch
    {
        ReleaseClass.Patch => "a patch runs the tests of its affected scope and",
        ReleaseClass.Minor => "a minor release runs the test projects of its affected packages in full and",
        _ => "a major release runs the full suite and every migration test and",
    };

    private static string Why(GateInput input, ScannedAssembly test, IReadOnlySet<string> changed) => input.Release.Class switch
    {
        ReleaseClass.Major => "a major release runs the full suite",
        var releaseClass => $"it references {List(test.References.Where(changed.Contains).ToList())}, "
             + (input.Baseline is null ? "which counts as changed (no --baseline to compare with)" : "changed since the baseline")
             + (releaseClass == ReleaseClass.Patch ? " (the patch's affected scope)" : " (an affected package)"),
    };

    private static string List(IReadOnlyList<string> items) =>
        string.Join(", ", items.Take(Shown)) + (items.Count > Shown ? $", … ({items.Count} in all)" : string.Empty);

    /// <summary>
    /// Which test assemblies have results of this build: a result names its test assembly (a
    /// .trx's storage) by file name, or, for formats that do not, its test's class is a class of
    /// the assembly (a public type, a class with a base class, or the class of a test proof).
    /// </summary>
    private sealed class RanAssemblies
    {
        private readonly HashSet<string> _sources = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _classes = new(StringComparer.Ordinal);

        public RanAssemblies(GateInput input, TestResults results)
        {
            foreach (var outcome in results.All)
            {
                if (input.Build.WhyNotOf(outcome) is not null)
                {
                    continue;
                }

                if (outcome.Source.Length > 0)
                {
                    _sources.Add(FileName(outcome.Source));
                }
                else
                {
                    _classes.Add(ClassOf(outcome.Test));
                }
            }
        }

        public bool Ran(ScannedAssembly test) =>
            test.Files.Any(f => _sources.Contains(FileName(f.Path)))
            || (_classes.Count > 0 && ClassesOf(test).Any(_classes.Contains));

        private static IEnumerable<string> ClassesOf(ScannedAssembly test) =>
            test.Links.Where(l => l.Test is not null).Select(l => ClassOf(l.Test!))
                .Concat(test.Classes.Select(c => c.Name))
                .Concat(test.PublicApi.Select(ApiEntry.Parse).Where(e => e.IsType).Select(e => DocUpdatesCheck.WithoutTypeParameters(e.Name)));

        private static string ClassOf(string test) => test.LastIndexOf('.') is var dot and > 0 ? test[..dot] : test;

        // The name after the last separator of either kind: result files written on Windows are read anywhere.
        private static string FileName(string path) => path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
    }
}
