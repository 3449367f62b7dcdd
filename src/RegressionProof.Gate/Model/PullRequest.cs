using System.Collections.Generic;

namespace RegressionProof.Gate.Model;

/// <summary>The pull request of a GitHub Actions run (from its event payload): its number and labels.</summary>
internal sealed record PullRequest(string EventPath, long? Number, IReadOnlyList<string> Labels)
{
    /// <summary>The release class itself is the label: <c>patch</c>, <c>minor</c> or <c>major</c>.</summary>
    public const string DefaultLabelScheme = "{class}";

    /// <summary>What <c>{class}</c> stands for in a label scheme.</summary>
    public const string ClassPlaceholder = "{class}";

    /// <summary>The label <paramref name="scheme"/> gives a release class (by its wire name).</summary>
    public static string LabelOf(string scheme, string releaseClass) => scheme.Replace(ClassPlaceholder, releaseClass, System.StringComparison.Ordinal);

    public string Name => Number is { } number ? $"pull request #{number}" : "the pull request";
}
