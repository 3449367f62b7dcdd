namespace RegressionProof.Gate.Model;

/// <summary>
/// The format of <c>coverage-manifest.json</c> (docs/schemas/coverage-manifest.v1.schema.json),
/// shared by the writer and by the reader that takes the file back as the next release's baseline.
/// </summary>
internal static class CoverageManifestFormat
{
    public const string Schema = "regression-proof/coverage/v1";
}
