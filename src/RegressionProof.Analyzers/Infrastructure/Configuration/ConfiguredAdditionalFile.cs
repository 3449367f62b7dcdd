using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>Finds the AdditionalFile an MSBuild property names (the release file, the baseline).</summary>
internal static class ConfiguredAdditionalFile
{
    /// <summary>The file at <paramref name="configured"/>, else the only file of that name, else null.</summary>
    public static AdditionalText? Find(ImmutableArray<AdditionalText> files, string configured)
    {
        var wanted = Normalize(configured);
        AdditionalText? sameName = null;
        var sameNameCount = 0;
        var wantedName = System.IO.Path.GetFileName(wanted);
        foreach (var file in files)
        {
            var path = Normalize(file.Path);
            if (string.Equals(path, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }

            if (string.Equals(System.IO.Path.GetFileName(path), wantedName, StringComparison.OrdinalIgnoreCase))
            {
                sameName = file;
                sameNameCount++;
            }
        }

        // A relative property value cannot be resolved without file I/O; one file of that name is unambiguous.
        return sameNameCount == 1 ? sameName : null;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
