using System.Collections.Generic;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// Gives a place to the findings no source line carries (approvals, rollback, a card's owner or
/// evidence, public API, removed probes), so code scanning and annotations show them: the line of
/// the release file that would change to fix them, or the changelog for RPG007 and RPG018 (a
/// minor release's doc updates: a release file with <c>docs</c> has none). A finding that
/// already has a location keeps it.
/// </summary>
internal static class ReleaseFileLocations
{
    public static Finding Place(Finding finding, GateInput input)
    {
        if (finding.Location is not null)
        {
            return finding;
        }

        if (finding.RuleId == Policies.Changelog.RuleId || finding.RuleId == Policies.DocUpdates.RuleId)
        {
            return finding with { Location = new SourceLocation(input.Changelog.Path, 0) };
        }

        var lines = input.Release.Lines;
        var line = (finding.Card is { } card && lines.TryGetValue("card:" + card, out var cardLine) ? cardLine : (int?)null)
                   ?? Part(lines, PartOf(finding.RuleId))
                   ?? Part(lines, "version")
                   ?? 0;
        return finding with { Location = new SourceLocation(input.Release.Path, line) };
    }

    /// <summary>The part of the release file a rule's fix changes.</summary>
    private static string PartOf(string ruleId) => ruleId switch
    {
        _ when ruleId == Policies.Approvals.RuleId => "approvals",
        _ when ruleId == Policies.Rollback.RuleId => "rollback",
        _ when ruleId == Policies.PatchZeroApiChange.RuleId || ruleId == Policies.MinorAdditive.RuleId || ruleId == Policies.ReleaseLabels.RuleId || ruleId == Policies.AdditionalCi.RuleId => "class",
        _ when ruleId == Policies.FastPatchLane.RuleId => "lane",
        _ when ruleId == Policies.KeepProbes.RuleId => "retired",
        _ when ruleId == Policies.CustomerReadiness.RuleId => "customerReadiness",
        _ => "version",
    };

    private static int? Part(IReadOnlyDictionary<string, int> lines, string part) =>
        lines.TryGetValue(part, out var line) ? line : null;
}
