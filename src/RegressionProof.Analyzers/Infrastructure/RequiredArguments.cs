using System.Linq;
using RegressionProof.Contract;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>The named arguments each attribute requires, as <see cref="ManifestContract.Kinds"/> marks them.</summary>
internal static class RequiredArguments
{
    public const string Signal = "Signal";
    public const string Baseline = "Baseline";
    public const string Threshold = "Threshold";
    public const string Steps = "Steps";
    public const string RecordedOn = "RecordedOn";
    public const string AutomateBy = "AutomateBy";

    private static readonly string[][] ByKind = ManifestContract.Kinds
        .Select(row => row.Arguments.Where(argument => argument.Required).Select(argument => argument.Argument).ToArray())
        .ToArray();

    public static string[] Of(LinkKind kind) => ByKind[(int)kind];

    /// <summary>The argument's type as messages name it.</summary>
    public static string TypeOf(string argument) => argument == Signal ? "RecurrenceSignal" : "string";
}
