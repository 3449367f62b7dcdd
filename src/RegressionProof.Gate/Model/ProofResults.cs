using System.Collections.Generic;
using System.Linq;

namespace RegressionProof.Gate.Model;

/// <summary>A result set aside because it belongs to another build, and why.</summary>
internal sealed record OtherBuildResult(TestOutcome Outcome, string Reason);

/// <summary>
/// What the test results say of one test proof: the rows that ran on this build, each with its
/// attempts, and the results of other builds that were set aside.
/// </summary>
internal sealed record ProofResults(IReadOnlyList<TestRow> Rows, IReadOnlyList<OtherBuildResult> OtherBuild)
{
    /// <summary>
    /// The results of <paramref name="test"/> and, for a proof on a base test class, of every class
    /// that runs it.
    /// </summary>
    public static ProofResults Of(GateInput input, TestResults results, string test)
    {
        var ofThisBuild = new List<TestOutcome>();
        var otherBuild = new List<OtherBuildResult>();
        foreach (var outcome in input.TestClasses.RunsOf(test).SelectMany(results.Of))
        {
            if (input.Build.WhyNotOf(outcome) is { } reason)
            {
                otherBuild.Add(new OtherBuildResult(outcome, reason));
            }
            else
            {
                ofThisBuild.Add(outcome);
            }
        }

        return new ProofResults(TestRow.Of(ofThisBuild), otherBuild);
    }
}
