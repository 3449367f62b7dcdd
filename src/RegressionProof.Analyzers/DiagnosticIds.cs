namespace RegressionProof.Analyzers;

/// <summary>The rule IDs (public contract) and where each rule is documented.</summary>
public static class DiagnosticIds
{
    public const string FixWithoutRegressionProof = "RP0001";
    public const string InvalidIntakeId = "RP0002";
    public const string ProofIsNotATest = "RP0003";
    public const string DashboardPanelWithoutBaselineOrThreshold = "RP0004";
    public const string InvalidManualVerification = "RP0005";
    public const string ArgumentIsNotConstant = "RP0006";
    public const string CardNotInReleaseFile = "RP0007";
    public const string ProbeOrAlertWithoutSignal = "RP0008";
    public const string SkippedProof = "RP0009";
    public const string InvalidConfiguration = "RP0010";
    public const string UndefinedLevel = "RP0011";
    public const string FixUnprovenAsOfLastBuild = "RP0012";

    public const string Category = "RegressionProof";

    private const string DocsRoot = "https://github.com/regressionproof/regressionproof/blob/main/docs/rules/";

    /// <summary>The help link of a rule: its page under <c>docs/rules/</c>.</summary>
    public static string GetHelpUri(string id) => DocsRoot + id + ".md";
}
