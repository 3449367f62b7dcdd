namespace RegressionProof.Gate.Model;

/// <summary>How much a finding weighs: errors fail the release, warnings are reported.</summary>
internal enum FindingLevel
{
    Error,
    Warning,
}

/// <summary>
/// A source location (repository-relative path, line and, where the manifest records it, the
/// 1-based column of the attribute).
/// </summary>
internal sealed record SourceLocation(string Path, int Line, int? Column = null)
{
    /// <summary>Where a link's attribute is written, as its manifest records it.</summary>
    public static SourceLocation Of(RegressionProof.Manifest.ManifestLink link) => new(link.Path, link.Line, link.Column);
}

/// <summary>
/// One thing a check found: the card it concerns (if any), the policy row it enforces, what is
/// wrong, and what would fix it.
/// </summary>
internal sealed record Finding(
    string Policy,
    string RuleId,
    FindingLevel Level,
    string? Card,
    string Message,
    string Fix,
    SourceLocation? Location = null)
{
    /// <summary>The audited exception that waives this finding: it is still reported, marked waived.</summary>
    public ReleaseException? WaivedBy { get; init; }

    /// <summary>Whether the finding fails the release: an error that no exception waives.</summary>
    public bool Fails => Level == FindingLevel.Error && WaivedBy is null;
}
