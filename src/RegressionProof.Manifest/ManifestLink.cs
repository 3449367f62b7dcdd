namespace RegressionProof.Manifest;

/// <summary>
/// One link between code and an intake card: a fix, or a proof of one kind. Optional properties
/// are null when the kind does not have them or the attribute did not set them. Not sealed: the
/// gate's coverage manifest writes each link with its assembly (a derived record).
/// </summary>
public record ManifestLink
{
    /// <summary>One of <see cref="LinkKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The intake card ID, for example <c>INTAKE-123</c>.</summary>
    public required string Card { get; init; }

    /// <summary>The documentation-comment ID of the member or type, for example <c>M:Shop.Pricing.Apply(System.Decimal)</c>.</summary>
    public required string Symbol { get; init; }

    /// <summary>How people read the member: <c>Pricing.Apply(decimal)</c>.</summary>
    public required string Display { get; init; }

    /// <summary>Repository-relative path of the declaration, with <c>/</c> separators.</summary>
    public required string Path { get; init; }

    /// <summary>1-based line of the attribute.</summary>
    public required int Line { get; init; }

    /// <summary>
    /// 1-based column of the attribute on <see cref="Line"/>; null in manifests written before
    /// the generator recorded it.
    /// </summary>
    public int? Column { get; init; }

    /// <summary>Test proofs: <c>xunit</c>, <c>nunit</c>, <c>mstest</c>, <c>tunit</c> or <c>none</c>.</summary>
    public string? Framework { get; init; }

    /// <summary>Test proofs: the fully qualified test name as test results report it (<c>Namespace.Class.Method</c>).</summary>
    public string? Test { get; init; }

    /// <summary>Test proofs declared on a class: the documentation-comment ID of that class.</summary>
    public string? DeclaredOn { get; init; }

    /// <summary><c>regression-for</c>: <c>unit</c>, <c>integration</c> or <c>end-to-end</c>.</summary>
    public string? Level { get; init; }

    /// <summary>Probes and alerts: <c>latency</c>, <c>error</c>, <c>cost</c> or <c>policy-denial</c>.</summary>
    public string? Signal { get; init; }

    /// <summary>Probes: the probe's name.</summary>
    public string? Name { get; init; }

    /// <summary>Alerts: the alert's name or expression.</summary>
    public string? Rule { get; init; }

    public string? Baseline { get; init; }

    public string? Threshold { get; init; }

    public string? Panel { get; init; }

    public string? Steps { get; init; }

    /// <summary>Manual verification: <c>yyyy-MM-dd</c>.</summary>
    public string? RecordedOn { get; init; }

    /// <summary>Manual verification: <c>yyyy-MM-dd</c>.</summary>
    public string? AutomateBy { get; init; }

    /// <summary>The attribute's evidence link.</summary>
    public string? Evidence { get; init; }

    /// <summary>
    /// <c>sha256:</c> and the hex SHA-256 of the member's declaration text with trivia normalised:
    /// it changes when the code changes, not when comments or formatting do.
    /// </summary>
    public required string Fingerprint { get; init; }
}
