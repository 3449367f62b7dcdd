using System.Text;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), with user text escaped
/// so it can neither end the command early nor start another one.
/// </summary>
internal static class GitHubAnnotationWriter
{
    public static string Write(GateResult result)
    {
        var output = new StringBuilder();
        foreach (var finding in result.Findings)
        {
            output.Append("::").Append(finding.Fails ? "error" : "warning").Append(' ');
            if (ReportLocation.Of(finding) is { } location)
            {
                output.Append("file=").Append(Property(location.Path)).Append(',');
                if (location.Line is { } line)
                {
                    output.Append("line=").Append(line).Append(',');
                }
            }

            output.Append("title=").Append(Property($"{finding.RuleId} {finding.Policy}"));
            output.Append("::").Append(Data($"{finding.Message}. Fix: {finding.Fix}.{(finding.WaivedBy is { } waiver ? $" Waived {Checks.AuditedExceptionsCheck.Waived(waiver)}." : string.Empty)}")).Append('\n');
        }

        output.Append(result.Passed ? "::notice title=verify-regression-safety::" : "::error title=verify-regression-safety::")
              .Append(Data($"release {result.Input.Release.Version}: {result.Verdict.ToUpperInvariant()}")).Append('\n');
        return output.ToString();
    }

    /// <summary>Escapes the message part of a workflow command: CR and LF are encoded, the rest neutralised as <see cref="Text"/> does.</summary>
    public static string Data(string value) =>
        Text.Neutralise(value, keepLineBreaks: true).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Escapes a property value of a workflow command.</summary>
    public static string Property(string value) =>
        Data(value).Replace(":", "%3A").Replace(",", "%2C");
}
