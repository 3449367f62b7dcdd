using System;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// The CI service the gate runs on, read from its environment variables through a lookup the
/// caller gives (the process environment in <c>Program</c>, a dictionary in tests), so no test
/// depends on the machine it runs on.
/// </summary>
internal sealed class CiEnvironment(Func<string, string?> variable)
{
    /// <summary>No CI service: nothing beyond the reports and stdout.</summary>
    public static readonly CiEnvironment None = new(_ => null);

    /// <summary>GitHub Actions sets <c>GITHUB_ACTIONS=true</c>.</summary>
    public bool IsGitHubActions => string.Equals(variable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Azure Pipelines sets <c>TF_BUILD=True</c>.</summary>
    public bool IsAzurePipelines => string.Equals(variable("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file GitHub shows as the job summary, or null when there is none.</summary>
    public string? GitHubStepSummary => IsGitHubActions && variable("GITHUB_STEP_SUMMARY") is { Length: > 0 } path ? path : null;
}
