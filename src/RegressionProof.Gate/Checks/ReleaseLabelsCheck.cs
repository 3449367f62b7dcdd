using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// Release labels ("All releases labeled patch/minor/major in release metadata and PR labels"):
/// the release file names the class; in a pull-request run on GitHub Actions the pull request
/// carries its label. Anywhere else there is no pull request to read, and the summary says so.
/// </summary>
internal static class ReleaseLabelsCheck
{
    public static IEnumerable<Finding> Check(GateInput input)
    {
        if (input.PullRequest is not { } pullRequest)
        {
            yield break;
        }

        var expected = ExpectedLabel(input);
        if (Carries(pullRequest, expected))
        {
            yield break;
        }

        // A label of another class is the likeliest mistake (patch released as minor): name it.
        var other = WireNames.Class.Names.Select(c => PullRequest.LabelOf(input.LabelScheme, c)).Where(label => label != expected && Carries(pullRequest, label)).ToList();
        yield return new Finding(Policies.ReleaseLabels.Name, Policies.ReleaseLabels.RuleId, FindingLevel.Error, null,
            $"{pullRequest.Name} is not labeled \"{expected}\" for this {WireNames.Of(input.Release.Class)} release"
                + (other.Count == 0 ? string.Empty : $"; it is labeled {string.Join(", ", other.Select(l => $"\"{l}\""))}"),
            $"label {pullRequest.Name} \"{expected}\", or correct \"class\" in the release file");
    }

    /// <summary>The line the summary and release log give the labels, whether or not they were verified.</summary>
    public static string Describe(GateInput input)
    {
        var expected = ExpectedLabel(input);
        return input.PullRequest is not { } pullRequest
            ? $"PR labels: not verified (not a pull-request run on GitHub Actions); the release class is {WireNames.Of(input.Release.Class)}"
            : Carries(pullRequest, expected)
                ? $"PR labels: {pullRequest.Name} is labeled \"{expected}\""
                : $"PR labels: {pullRequest.Name} lacks the label \"{expected}\"";
    }

    private static string ExpectedLabel(GateInput input) => PullRequest.LabelOf(input.LabelScheme, WireNames.Of(input.Release.Class));

    // GitHub treats label names without regard to case.
    private static bool Carries(PullRequest pullRequest, string label) => pullRequest.Labels.Contains(label, StringComparer.OrdinalIgnoreCase);
}
