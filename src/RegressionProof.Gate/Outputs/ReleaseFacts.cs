using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>An approval as the reports list it: a role the class requires or one the release file adds.</summary>
/// <param name="By">Who approved; null when a required role has no approval.</param>
internal sealed record ApprovalLine(string Role, string? By, bool Required);

/// <summary>
/// The facts about the release that the release log and the HTML report show beside the cards, in
/// the same words: the baseline it was compared with, its approvals against those its class
/// requires, and its rollback plan. Values are user text: each writer escapes them for its format.
/// </summary>
internal static class ReleaseFacts
{
    /// <summary>
    /// "release 2.4.0 (coverage-manifest.json)", or null when no baseline was given. The file's
    /// name, not its path: the path is the machine's, and the reports are the same on every one.
    /// </summary>
    public static string? BaselineUsed(GateInput input) =>
        input.Baseline is not { } baseline ? null
        : baseline.Version is { Length: > 0 } version ? $"release {version} ({System.IO.Path.GetFileName(baseline.Path)})"
        : System.IO.Path.GetFileName(baseline.Path);

    public const string NoBaseline = "none: no --baseline was given, so the API, migration, keep-probes and suspect-proof checks did not run";

    /// <summary>The required roles in the policy's order, each with its approver or none; then any other approval given.</summary>
    public static IReadOnlyList<ApprovalLine> Approvals(ReleaseFile release)
    {
        var required = ApprovalsCheck.RequiredRoles(release.Class);
        var lines = required
            .Select(role => new ApprovalLine(role, release.Approvals.FirstOrDefault(a => string.Equals(a.Role.Trim(), role, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(a.By))?.By, Required: true))
            .ToList();
        lines.AddRange(release.Approvals
            .Where(a => !required.Contains(a.Role.Trim(), StringComparer.OrdinalIgnoreCase))
            .Select(a => new ApprovalLine(a.Role, a.By, Required: false)));
        return lines;
    }

    public static string YesNo(bool value) => value ? "yes" : "no";
}
