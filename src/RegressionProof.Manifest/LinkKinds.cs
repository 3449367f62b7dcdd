namespace RegressionProof.Manifest;

/// <summary>The <c>kind</c> values of a manifest link, as written in the JSON.</summary>
public static class LinkKinds
{
    public const string Fixes = "fixes";
    public const string RegressionFor = "regression-for";
    public const string MigrationTest = "migration-test";
    public const string SyntheticProbe = "synthetic-probe";
    public const string RecurrenceAlert = "recurrence-alert";
    public const string DashboardPanel = "dashboard-panel";
    public const string ManualVerification = "manual-verification";

    /// <summary>Every kind, fixes first, then the proofs.</summary>
    public static readonly string[] All =
        [Fixes, RegressionFor, MigrationTest, SyntheticProbe, RecurrenceAlert, DashboardPanel, ManualVerification];

    public static bool IsProof(string kind) => kind != Fixes;

    /// <summary>Proofs that a test runner runs, and that test results can confirm.</summary>
    public static bool IsTest(string kind) => kind is RegressionFor or MigrationTest;
}
