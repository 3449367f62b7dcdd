using System.Linq;
using System.Text;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), with user text escaped
/// so it can neither end the command early nor start another one. GitHub shows at most 10 error
/// and 10 warning annotations of a step and drops the rest unseen, so the errors come first, the
/// verdict takes an error's place when the release fails, and a notice counts what was left out.
/// </summary>
internal static class GitHubAnnotationWriter
{
    /// <summary>GitHub's limit per step, for errors and for warnings alike.</summary>
    public const int MaxPerLevel = 10;

    public static string Write(GateResult result)
    {
        var output = new StringBuilder();
        var errors = result.Findings.Where(f => f.Level == FindingLevel.Error).ToList();
        var warnings = result.Findings.Where(f => f.Level == FindingLevel.Warning).ToList();
        var shownErrors = errors.Take(result.Passed ? MaxPerLevel : MaxPerLevel - 1).ToList();
        var shownWarnings = warnings.Take(MaxPerLevel).ToList();
        foreach (var finding in shownErrors.Concat(shownWarnings))
        {
            output.Append("::").Append(finding.Fails ? "error" : "warning").Append(' ');
            if (ReportLocation.Of(finding) is { } location)
            {
                output.Append("file=").Append(Property(location.Path)).Append(',');
                if (location.Line is { } line)
                {
                    output.Append("line=").Append(line).Append(',');
                    if (location.Column is { } column)
                    {
                        output.Append("col=").Append(column).Append(',');
                    }
                }
            }

            output.Append("title=").Append(Property($"{finding.RuleId} {finding.Policy}"));
            output.Append("::").Append(Data($"{finding.Message}. Fix: {finding.Fix}.{(finding.WaivedBy is { } waiver ? $" Waived {Checks.AuditedExceptionsCheck.Waived(waiver)}." : string.Empty)}")).Append('\n');
        }

        output.Append(result.Passed ? "::notice title=verify-regression-safety::" : "::error title=verify-regression-safety::")
              .Append(Data($"release {result.Input.Release.Version}: {result.Verdict.ToUpperInvariant()}")).Append('\n');
        var leftOut = result.Findings.Count - shownErrors.Count - shownWarnings.Count;
        if (leftOut > 0)
        {
            output.Append("::notice title=verify-regression-safety::")
                  .Append(Data($"{leftOut} more findings ({errors.Count - shownErrors.Count} errors, {warnings.Count - shownWarnings.Count} warnings) are not annotated: GitHub shows 10 of each; every finding is in the job summary and release-log.md"))
                  .Append('\n');
        }

        return output.ToString();
    }

    /// <summary>Escapes the message part of a workflow command: CR and LF are encoded, the rest neutralised as <see cref="Text"/> does.</summary>
    public static string Data(string value) =>
        Text.Neutralise(value, keepLineBreaks: true).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Escapes a property value of a workflow command.</summary>
    public static string Property(string value) =>
        Data(value).Replace(":", "%3A").Replace(",", "%2C");
}
