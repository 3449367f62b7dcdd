using System.Collections.Generic;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// Rollback by class: patch plan + tested; minor plan; major plan + staged rollout. Every class
/// names its mechanism (feature flag or hotfix image), which pre-deploy confirms: an error for a
/// patch (a tested rollback is a tested mechanism) and a major release (its formal rollout plan),
/// a warning for a minor release, whose row asks only for a documented plan.
/// </summary>
internal static class RollbackCheck
{
    public static IEnumerable<Finding> Check(GateInput input)
    {
        var rollback = input.Release.Rollback;
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(rollback.Plan))
        {
            missing.Add("a documented plan (\"plan\")");
        }

        if (input.Release.Class == ReleaseClass.Patch && !rollback.Tested)
        {
            missing.Add("a tested rollback (\"tested\": true)");
        }

        if (input.Release.Class == ReleaseClass.Major && !rollback.StagedRollout)
        {
            missing.Add("a staged rollout (\"stagedRollout\": true)");
        }

        var mechanismMissing = rollback.Mechanism is null;
        if (mechanismMissing && input.Release.Class != ReleaseClass.Minor)
        {
            missing.Add(MechanismWanted);
        }

        if (missing.Count > 0)
        {
            yield return new Finding(Policies.Rollback.Name, Policies.Rollback.RuleId, FindingLevel.Error, null,
                $"the {input.Release.Class.ToString().ToLowerInvariant()} release {input.Release.Version} needs {string.Join(" and ", missing)}",
                "complete \"rollback\" in the release file");
        }

        if (mechanismMissing && input.Release.Class == ReleaseClass.Minor)
        {
            yield return new Finding(Policies.Rollback.Name, Policies.Rollback.RuleId, FindingLevel.Warning, null,
                $"the minor release {input.Release.Version} does not name its rollback mechanism",
                $"add {MechanismWanted} to \"rollback\" in the release file");
        }
    }

    private const string MechanismWanted = "a rollback mechanism (\"mechanism\": \"feature-flag\" or \"hotfix-image\")";
}
