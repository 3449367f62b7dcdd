using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>The counts every report opens with, counted once so that the reports agree.</summary>
internal sealed record ReportCounts(int Cards, int Proven, int Failing, int Unproven, int Errors, int Warnings)
{
    public static ReportCounts Of(GateResult result) => new(
        result.Cards.Count,
        result.Cards.Count(c => c.Status == "proven"),
        result.Cards.Count(c => c.Status == "failing"),
        result.Cards.Count(c => c.Status == "unproven"),
        result.Findings.Count(f => f.Level == FindingLevel.Error),
        result.Findings.Count(f => f.Level == FindingLevel.Warning));
}
