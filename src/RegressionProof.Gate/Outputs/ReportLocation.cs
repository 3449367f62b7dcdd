using System;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// Where a finding points, as the outputs may show it. A manifest is input like any other, and a
/// hand-written one can name <c>../../etc/passwd</c>, <c>/etc/shadow</c>, <c>C:\x</c>,
/// <c>\\server\share</c> or a <c>file:</c> URI, or line -5. Only a path inside the repository
/// becomes a location (a SARIF <c>uri</c> under <c>SRCROOT</c>, an annotation's <c>file</c>);
/// any other is dropped and the finding keeps its text. A line below 1 is left out, and so is a
/// column below 1 or without its line.
/// </summary>
internal sealed record ReportLocation(string Path, int? Line, int? Column = null)
{
    public static ReportLocation? Of(Finding finding) =>
        finding.Location is { } location && IsInsideRepository(location.Path)
            ? location.Line >= 1
                ? new ReportLocation(location.Path, location.Line, location.Column >= 1 ? location.Column : null)
                : new ReportLocation(location.Path, null)
            : null;

    /// <summary>A relative path with '/' that cannot climb out: no root, drive, scheme, backslash or "..".</summary>
    public static bool IsInsideRepository(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] == '/' || path.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        var segments = path.Split('/');
        if (segments[0].Contains(':', StringComparison.Ordinal))
        {
            return false; // C:, file:, https:
        }

        foreach (var segment in segments)
        {
            if (segment is ".." || segment.Length == 0)
            {
                return false;
            }
        }

        return true;
    }
}
