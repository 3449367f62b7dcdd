using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// With a baseline: a patch changes no public API and adds no migration; a minor release removes
/// or changes no public API (additions are fine).
/// </summary>
internal static class ApiCompatibilityCheck
{
    public static IEnumerable<Finding> Check(GateInput input)
    {
        if (input.Baseline is null || input.Release.Class == ReleaseClass.Major)
        {
            yield break;
        }

        foreach (var assembly in input.Assemblies)
        {
            if (!input.Baseline.PublicApi.TryGetValue(assembly.Name, out var before))
            {
                continue; // a new assembly: its whole API is an addition
            }

            var (added, removed) = Difference(before, assembly.PublicApi);
            if (input.Release.Class == ReleaseClass.Patch && (added.Count > 0 || removed.Count > 0))
            {
                yield return new Finding(Policies.PatchZeroApiChange.Name, Policies.PatchZeroApiChange.RuleId, FindingLevel.Error, null,
                    $"patch {input.Release.Version} changes the public API of {assembly.Name}: {Describe(added, removed)}",
                    "ship the API change as a minor (additive) or major release, or revert it");
            }
            else if (input.Release.Class == ReleaseClass.Minor && removed.Count > 0)
            {
                yield return new Finding(Policies.MinorAdditive.Name, Policies.MinorAdditive.RuleId, FindingLevel.Error, null,
                    $"minor {input.Release.Version} removes or changes public API of {assembly.Name}: {Describe([], removed)}",
                    "keep the old API (mark it [Obsolete]) or ship a major release");
            }
        }

        if (input.Release.Class == ReleaseClass.Patch)
        {
            foreach (var migration in NewMigrations(input))
            {
                yield return new Finding(Policies.PatchZeroApiChange.Name, Policies.PatchZeroApiChange.RuleId, FindingLevel.Error, null,
                    $"patch {input.Release.Version} adds the schema migration {migration}",
                    "ship the migration in a major release with [MigrationTest] proofs");
            }
        }
    }

    public static (List<string> Added, List<string> Removed) Difference(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var old = new HashSet<string>(before, StringComparer.Ordinal);
        var current = new HashSet<string>(after, StringComparer.Ordinal);
        return (after.Where(a => !old.Contains(a)).ToList(), before.Where(b => !current.Contains(b)).ToList());
    }

    /// <summary>Migrations in the release that the baseline did not have (none can be new without a baseline).</summary>
    public static IEnumerable<string> NewMigrations(GateInput input)
    {
        if (input.Baseline is null)
        {
            return [];
        }

        var known = input.Baseline.Migrations.Values.SelectMany(m => m).ToHashSet(StringComparer.Ordinal);
        return input.Assemblies.SelectMany(a => a.Migrations).Where(m => !known.Contains(m)).Distinct().OrderBy(m => m, StringComparer.Ordinal);
    }

    private static string Describe(List<string> added, List<string> removed)
    {
        var parts = new List<string>();
        if (removed.Count > 0)
        {
            parts.Add($"{removed.Count} removed or changed ({string.Join("; ", removed.Take(3))}{(removed.Count > 3 ? "; …" : string.Empty)})");
        }

        if (added.Count > 0)
        {
            parts.Add($"{added.Count} added ({string.Join("; ", added.Take(3))}{(added.Count > 3 ? "; …" : string.Empty)})");
        }

        return string.Join(", ", parts);
    }
}
