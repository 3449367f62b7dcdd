using System.Linq;
using RegressionProof.Contract;

namespace RegressionProof.Manifest;

/// <summary>The <c>kind</c> values of a manifest link, as written in the JSON (from <see cref="ManifestContract"/>).</summary>
public static class LinkKinds
{
    public const string Fixes = ManifestContract.Fixes;
    public const string RegressionFor = ManifestContract.RegressionFor;
    public const string MigrationTest = ManifestContract.MigrationTest;
    public const string SyntheticProbe = ManifestContract.SyntheticProbe;
    public const string RecurrenceAlert = ManifestContract.RecurrenceAlert;
    public const string DashboardPanel = ManifestContract.DashboardPanel;
    public const string ManualVerification = ManifestContract.ManualVerification;

    /// <summary>Every kind, fixes first, then the proofs.</summary>
    public static readonly string[] All = ManifestContract.Kinds.Select(kind => kind.WireName).ToArray();

    public static bool IsProof(string kind) => kind != Fixes;

    /// <summary>Proofs that a test runner runs, and that test results can confirm.</summary>
    public static bool IsTest(string kind) => ManifestContract.KindOf(kind)?.IsTest == true;
}
