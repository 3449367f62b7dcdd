namespace RegressionProof.Analyzers.Generator;

/// <summary>Names of the generator's pipeline steps, for the caching tests and for diagnostics of the pipeline.</summary>
public static class TrackingNames
{
    public const string Links = "RegressionProof.Links";
    public const string Compilation = "RegressionProof.Compilation";
    public const string Paths = "RegressionProof.Paths";
    public const string PublicApiOption = "RegressionProof.PublicApiOption";
    public const string Manifest = "RegressionProof.Manifest";
}
