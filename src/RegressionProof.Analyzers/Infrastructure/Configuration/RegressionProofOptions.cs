using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// Reads the configuration keys of docs/configuration.md from <c>.editorconfig</c>/<c>.globalconfig</c> and
/// from the MSBuild properties the package makes visible to the compiler.
/// </summary>
internal static class RegressionProofOptions
{
    public const string IntakeIdPatternKey = "regression_proof.intake_id_pattern";
    public const string SprintDaysKey = "regression_proof.sprint_days";
    public const string AggregateProperty = "build_property.RegressionProofAggregate";
    public const string ReleaseFileProperty = "build_property.RegressionProofReleaseFile";
    public const string BaselineProperty = "build_property.RegressionProofBaseline";
    public const string RepositoryRootProperty = "build_property.RegressionProofRepositoryRoot";
    public const int DefaultSprintDays = 14;

    public static IntakeIdPattern GetIntakeIdPattern(AnalyzerOptions options, SyntaxTree tree)
    {
        return options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(IntakeIdPatternKey, out var value)
            ? IntakeIdPattern.Parse(value)
            : IntakeIdPattern.Default;
    }

    /// <summary>The sprint length in days; <paramref name="problem"/> says why a configured value was not used.</summary>
    public static int GetSprintDays(AnalyzerOptions options, SyntaxTree tree, out ConfigurationProblem? problem)
    {
        problem = null;
        if (!options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(SprintDaysKey, out var value))
        {
            return DefaultSprintDays;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0 && days <= 366)
        {
            return days;
        }

        problem = new ConfigurationProblem(Descriptors.RP0010_InvalidSprintDays, Location.None, MessageText.Escape(value), DefaultSprintDays);
        return DefaultSprintDays;
    }

    public static int GetSprintDays(AnalyzerOptions options, SyntaxTree tree) => GetSprintDays(options, tree, out _);

    public static bool IsAggregate(AnalyzerOptions options)
    {
        return options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(AggregateProperty, out var value)
            && string.Equals(value.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
    }

    public static string? GetReleaseFilePath(AnalyzerOptions options) => GetPath(options, ReleaseFileProperty);

    /// <summary>The previous release's coverage manifest, whose cards count as known (RP0007).</summary>
    public static string? GetBaselinePath(AnalyzerOptions options) => GetPath(options, BaselineProperty);

    /// <summary>The folder manifest paths are relative to (the nearest folder upward with a .git entry, else the project folder).</summary>
    public static string? GetRepositoryRoot(AnalyzerOptions options) => GetPath(options, RepositoryRootProperty);

    private static string? GetPath(AnalyzerOptions options, string property)
    {
        return options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(property, out var value)
            && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;
    }
}
