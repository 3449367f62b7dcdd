using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// With a baseline: a patch changes no public API and adds no migration; a minor release removes
/// or changes no public API and adds nothing that breaks implementers or callers (other additions
/// are fine). Test assemblies are left out unless their project opts in.
/// </summary>
internal static class ApiCompatibilityCheck
{
    /// <summary>How many entries of each part a message lists before "…".</summary>
    private const int Shown = 3;

    public static IEnumerable<Finding> Check(GateInput input)
    {
        if (input.Baseline is null || input.Release.Class == ReleaseClass.Major)
        {
            yield break;
        }

        foreach (var assembly in input.Assemblies)
        {
            var difference = Compare(input.Baseline, assembly);
            if (input.Release.Class == ReleaseClass.Patch && !difference.IsEmpty)
            {
                yield return new Finding(Policies.PatchZeroApiChange.Name, Policies.PatchZeroApiChange.RuleId, FindingLevel.Error, null,
                    $"patch {input.Release.Version} changes the public API of {assembly.Name}: {Describe(difference.Removed, difference.Changed, difference.Added, [])}",
                    "ship the API change as a minor (additive) or major release, or revert it");
            }
            else if (input.Release.Class == ReleaseClass.Minor && difference.BreaksCompatibility)
            {
                yield return new Finding(Policies.MinorAdditive.Name, Policies.MinorAdditive.RuleId, FindingLevel.Error, null,
                    $"minor {input.Release.Version} removes or changes public API of {assembly.Name}: " +
                    Describe(difference.Removed, difference.Changed.Where(c => !c.IsCompatible).ToList(), [], difference.BreakingAdditions),
                    "keep the old API (mark it [Obsolete]), give a new interface member a default implementation, or ship a major release");
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

    /// <summary>How the assembly's public API differs from the baseline's (<see cref="ApiComparison.Between"/>).</summary>
    public static ApiComparison Compare(Baseline baseline, ScannedAssembly assembly) => ApiComparison.Between(baseline, assembly);

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

    private static string Describe(IReadOnlyList<ApiEntry> removed, IReadOnlyList<ApiChange> changed, IReadOnlyList<ApiEntry> added, IReadOnlyList<ApiEntry> breakingAdditions)
    {
        var parts = new List<string>();
        Part(parts, "removed", removed.Select(e => e.Identity).ToList());
        Part(parts, "changed", changed.Select(c => c.ToString()).ToList());
        Part(parts, "added", added.Select(e => e.Identity).ToList());
        Part(parts, "added that breaks implementers or callers", breakingAdditions.Select(e => $"{e.Identity}: {string.Join(" ", e.Tokens.Where(t => t is "abstract" or "required"))}").ToList());
        return string.Join(", ", parts);
    }

    private static void Part(List<string> parts, string what, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            parts.Add($"{items.Count} {what} ({string.Join("; ", items.Take(Shown))}{(items.Count > Shown ? "; …" : string.Empty)})");
        }
    }
}
