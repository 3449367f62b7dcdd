using System.Collections.Generic;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>Rollback by class: patch plan + tested; minor plan; major plan + staged rollout.</summary>
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

        if (missing.Count > 0)
        {
            yield return new Finding(Policies.Rollback.Name, Policies.Rollback.RuleId, FindingLevel.Error, null,
                $"the {input.Release.Class.ToString().ToLowerInvariant()} release {input.Release.Version} needs {string.Join(" and ", missing)}",
                "complete \"rollback\" in the release file");
        }
    }
}
