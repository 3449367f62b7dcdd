using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// Where a link read from a referenced assembly's manifest was written: its repository-relative
/// path, line and column, as a location in a file outside the compilation. The build prints it as
/// <c>Shop/Pricing.cs(12,6): error RP0001</c> and an IDE navigates to it.
/// </summary>
internal static class ManifestLocation
{
    /// <summary>
    /// The location of line <paramref name="line"/> and column <paramref name="column"/> (both
    /// 1-based) of <paramref name="path"/>, taken from <paramref name="repositoryRoot"/> when one is
    /// known; <see cref="Location.None"/> when the manifest gives no usable path or line. Without a
    /// usable column (manifests written before the generator recorded one) it is the line's first.
    /// </summary>
    public static Location Create(string? path, int? line, int? column, string? repositoryRoot)
    {
        if (path is not { Length: > 0 } || line is not > 0 || MessageText.IndexOfUnsafe(path) >= 0)
        {
            return Location.None;
        }

        var fullPath = IsRooted(path) || repositoryRoot is not { Length: > 0 }
            ? path
            : repositoryRoot.Replace('\\', '/').TrimEnd('/') + "/" + path;
        var position = new LinePosition(line.Value - 1, column is > 0 ? column.Value - 1 : 0);
        return Location.Create(fullPath, default, new LinePositionSpan(position, position));
    }

    // A manifest path is repository-relative; an absolute one (a file outside any root) is kept as written.
    private static bool IsRooted(string path) =>
        path.StartsWith("/", System.StringComparison.Ordinal) || (path.Length > 2 && path[1] == ':' && (path[2] == '/' || path[2] == '\\'));
}
