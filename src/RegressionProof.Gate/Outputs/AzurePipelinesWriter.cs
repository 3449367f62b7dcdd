using System.Text;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// Azure Pipelines logging commands: <c>##vso[task.logissue …]</c> per finding, then
/// <c>##vso[task.uploadsummary]</c> with the release log, which the run's Extensions tab shows.
/// User text is neutralised (<see cref="Text"/> defuses a <c>##vso[</c> inside it) and escaped as
/// the agent unescapes it, so it can neither end a property or the command early nor add a line.
/// </summary>
internal static class AzurePipelinesWriter
{
    public static string Write(GateResult result, string releaseLogPath)
    {
        var output = new StringBuilder();
        foreach (var finding in result.Findings)
        {
            output.Append("##vso[task.logissue type=").Append(finding.Level == FindingLevel.Error ? "error" : "warning");
            if (ReportLocation.Of(finding) is { } location)
            {
                output.Append(";sourcepath=").Append(Property(location.Path));
                if (location.Line is { } line)
                {
                    output.Append(";linenumber=").Append(line);
                    if (location.Column is { } column)
                    {
                        output.Append(";columnnumber=").Append(column);
                    }
                }
            }

            output.Append(";code=").Append(Property(finding.RuleId));
            output.Append(']').Append(Data($"{finding.RuleId} [{finding.Policy}] {finding.Message}. Fix: {finding.Fix}.")).Append('\n');
        }

        output.Append("##vso[task.uploadsummary]").Append(Data(releaseLogPath)).Append('\n');
        return output.ToString();
    }

    /// <summary>The message of a command: <c>%</c>, CR and LF escaped as the agent reads them back.</summary>
    public static string Data(string value) =>
        Text.Neutralise(value, keepLineBreaks: true).Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>A property value: as <see cref="Data"/>, and <c>;</c> (ends a property) and <c>]</c> (ends the properties).</summary>
    public static string Property(string value) =>
        Data(value).Replace(";", "%3B").Replace("]", "%5D");
}
