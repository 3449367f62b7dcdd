using System;

namespace RegressionProof.Contract;

// One source for the manifest's data contract. Compiled into the analyzers (netstandard2.0, linked
// by RegressionProof.Analyzers.csproj) and into RegressionProof.Manifest, which the gate uses: the
// generator that writes manifests and every reader of them take their names from here, and
// docs/schemas/*.json are tested against it. Adding a proof kind starts with a row of Kinds
// (docs/contributing.md).

/// <summary>How a named argument's value becomes its manifest property.</summary>
internal enum ArgumentValue
{
    /// <summary>A string, written as given.</summary>
    Text,

    /// <summary>A <c>TestLevel</c>, written as its <see cref="ManifestContract.Levels"/> name; Unit when not set.</summary>
    Level,

    /// <summary>A <c>RecurrenceSignal</c>, written as its <see cref="ManifestContract.Signals"/> name.</summary>
    Signal,
}

/// <summary>A named argument of a RegressionProof attribute and the manifest property it becomes.</summary>
internal sealed class ArgumentContract
{
    public ArgumentContract(string argument, string property, bool required, ArgumentValue value = ArgumentValue.Text)
    {
        Argument = argument;
        Property = property;
        Required = required;
        Value = value;
    }

    /// <summary>The named argument as users write it: <c>Signal</c>.</summary>
    public string Argument { get; }

    /// <summary>The manifest property: <c>signal</c>.</summary>
    public string Property { get; }

    /// <summary>Whether the kind's rule reports the attribute without it.</summary>
    public bool Required { get; }

    public ArgumentValue Value { get; }
}

/// <summary>One kind of link: the attribute, its wire name and its named arguments.</summary>
internal sealed class KindContract
{
    public KindContract(string attributeName, string wireName, bool isTest, params ArgumentContract[] arguments)
    {
        AttributeName = attributeName;
        WireName = wireName;
        IsTest = isTest;
        Arguments = arguments;
    }

    /// <summary>The attribute as users write it, without the <c>Attribute</c> suffix.</summary>
    public string AttributeName { get; }

    /// <summary>The manifest's <c>kind</c>.</summary>
    public string WireName { get; }

    /// <summary>A proof that a test runner runs: it must sit on a test, unskipped, and test results can confirm it.</summary>
    public bool IsTest { get; }

    /// <summary>The kind's own arguments, in the order the manifest writes their properties; <see cref="ManifestContract.Evidence"/> follows them.</summary>
    public ArgumentContract[] Arguments { get; }
}

internal static class ManifestContract
{
    /// <summary>The schema of the manifest the generator embeds in an assembly.</summary>
    public const string ManifestSchema = "regression-proof/manifest/v1";

    /// <summary>The schema of the gate's coverage manifest (the next release's baseline).</summary>
    public const string CoverageSchema = "regression-proof/coverage/v1";

    /// <summary>The key of the <c>AssemblyMetadataAttribute</c> that carries the manifest JSON.</summary>
    public const string MetadataKey = "RegressionProof.Manifest";

    public const string Fixes = "fixes";
    public const string RegressionFor = "regression-for";
    public const string MigrationTest = "migration-test";
    public const string SyntheticProbe = "synthetic-probe";
    public const string RecurrenceAlert = "recurrence-alert";
    public const string DashboardPanel = "dashboard-panel";
    public const string ManualVerification = "manual-verification";

    /// <summary>The <c>level</c> names, indexed by the value of <c>RegressionProof.TestLevel</c>.</summary>
    public static readonly string[] Levels = { "unit", "integration", "end-to-end" };

    /// <summary>The <c>signal</c> names, indexed by the value of <c>RegressionProof.RecurrenceSignal</c> less one (its values start at 1).</summary>
    public static readonly string[] Signals = { "latency", "error", "cost", "policy-denial" };

    /// <summary>The argument every attribute has (<c>IntakeLinkAttribute.Evidence</c>), written after the kind's own.</summary>
    public static readonly ArgumentContract Evidence = new("Evidence", "evidence", required: false);

    /// <summary>
    /// Every kind, fixes first, then the proofs; the order sorts links of one line in the manifest
    /// and is the order of the analyzers' <c>LinkKind</c> enum.
    /// </summary>
    public static readonly KindContract[] Kinds =
    {
        new("Fixes", Fixes, isTest: false),
        new("RegressionFor", RegressionFor, isTest: true, new ArgumentContract("Level", "level", required: false, ArgumentValue.Level)),
        new("MigrationTest", MigrationTest, isTest: true),
        new(
            "SyntheticProbe",
            SyntheticProbe,
            isTest: false,
            new ArgumentContract("Signal", "signal", required: true, ArgumentValue.Signal),
            new ArgumentContract("Name", "name", required: false)),
        new(
            "RecurrenceAlert",
            RecurrenceAlert,
            isTest: false,
            new ArgumentContract("Signal", "signal", required: true, ArgumentValue.Signal),
            new ArgumentContract("Rule", "rule", required: false)),
        new(
            "DashboardPanel",
            DashboardPanel,
            isTest: false,
            new ArgumentContract("Baseline", "baseline", required: true),
            new ArgumentContract("Threshold", "threshold", required: true),
            new ArgumentContract("Panel", "panel", required: false)),
        new(
            "ManualVerification",
            ManualVerification,
            isTest: false,
            new ArgumentContract("Steps", "steps", required: true),
            new ArgumentContract("RecordedOn", "recordedOn", required: true),
            new ArgumentContract("AutomateBy", "automateBy", required: true)),
    };

    /// <summary>The kind with this wire name, or null for a name no kind has.</summary>
    public static KindContract? KindOf(string wireName) => OrderOf(wireName) is var index and >= 0 ? Kinds[index] : null;

    /// <summary>The position of the kind in <see cref="Kinds"/>, or -1 for a name no kind has.</summary>
    public static int OrderOf(string wireName)
    {
        // A loop, not a lambda: writers sort every link by it.
        for (var i = 0; i < Kinds.Length; i++)
        {
            if (string.Equals(Kinds[i].WireName, wireName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
