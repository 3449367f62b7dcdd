using RegressionProof.Contract;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// What a RegressionProof attribute says about the code it is on. The values index
/// <see cref="ManifestContract.Kinds"/>: a kind without its row there fails loudly, never silently.
/// </summary>
internal enum LinkKind
{
    Fixes,
    RegressionFor,
    MigrationTest,
    SyntheticProbe,
    RecurrenceAlert,
    DashboardPanel,
    ManualVerification,
}

internal static class LinkKindExtensions
{
    /// <summary>Every kind but <see cref="LinkKind.Fixes"/> is a regression proof.</summary>
    public static bool IsProof(this LinkKind kind) => kind != LinkKind.Fixes;

    /// <summary>Test proofs must sit on tests (RP0003) and must not be skipped (RP0009).</summary>
    public static bool IsTestProof(this LinkKind kind) => kind.Contract().IsTest;

    /// <summary>The attribute's name as users write it, without the <c>Attribute</c> suffix.</summary>
    public static string AttributeName(this LinkKind kind) => kind.ToString();

    /// <summary>The kind's row of the manifest contract: its wire name and named arguments.</summary>
    public static KindContract Contract(this LinkKind kind) => ManifestContract.Kinds[(int)kind];
}
