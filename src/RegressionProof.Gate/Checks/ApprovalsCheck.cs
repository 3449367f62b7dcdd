using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>Approvals by class: patch RC + DRI; minor RC + domain lead; major RC + domain lead + product owner.</summary>
internal static class ApprovalsCheck
{
    public const string ReleaseCaptain = "release-captain";

    public static IReadOnlyList<string> RequiredRoles(ReleaseClass releaseClass) => releaseClass switch
    {
        ReleaseClass.Patch => [ReleaseCaptain, "dri"],
        ReleaseClass.Minor => [ReleaseCaptain, "domain-lead"],
        _ => [ReleaseCaptain, "domain-lead", "product-owner"],
    };

    public static IEnumerable<Finding> Check(GateInput input)
    {
        var given = input.Release.Approvals
            .Where(a => !string.IsNullOrWhiteSpace(a.By))
            .Select(a => a.Role.Trim())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = RequiredRoles(input.Release.Class).Where(role => !given.Contains(role)).ToList();
        if (missing.Count > 0)
        {
            var releaseClass = input.Release.Class.ToString().ToLowerInvariant();
            yield return new Finding(Policies.Approvals.Name, Policies.Approvals.RuleId, FindingLevel.Error, null,
                $"the {releaseClass} release {input.Release.Version} lacks the approval of {string.Join(" and ", missing)}",
                $"add {string.Join(" and ", missing.Select(r => $"{{ \"role\": \"{r}\", \"by\": \"…\" }}"))} to \"approvals\"");
        }
    }
}
