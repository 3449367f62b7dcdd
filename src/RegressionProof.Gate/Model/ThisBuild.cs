using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RegressionProof.Gate.Model;

/// <summary>
/// The test assemblies of the build being gated, by file name, so that a test result can be told
/// to belong to it: results of another build (another product's, or this one's before it was
/// rebuilt) prove nothing about this one.
/// </summary>
internal sealed class ThisBuild
{
    // File name (ignoring case: VSTest writes a .trx's storage in lower case) to when its earliest copy was built.
    private readonly Dictionary<string, DateTimeOffset?> _builtAt;

    private ThisBuild(Dictionary<string, DateTimeOffset?> builtAt) => _builtAt = builtAt;

    public static ThisBuild From(IEnumerable<ScannedAssembly> assemblies) =>
        new(assemblies.SelectMany(a => a.Files)
            .GroupBy(f => FileName(f.Path), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Any(f => f.BuiltAt is null) ? null : g.Min(f => f.BuiltAt), StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Why <paramref name="outcome"/> is a result of another build, or null when it may be one of
    /// this build. A result that does not name its test assembly cannot be told apart and counts.
    /// A run that started before the earliest copy of its assembly was built cannot have run it.
    /// </summary>
    public string? WhyNotOf(TestOutcome outcome)
    {
        if (outcome.Source.Length == 0)
        {
            return null;
        }

        var name = FileName(outcome.Source);
        if (!_builtAt.TryGetValue(name, out var builtAt))
        {
            return $"its test assembly {name} is not one being gated";
        }

        return outcome.RunTime is { } ran && builtAt is { } built && ran < built
            ? $"its run started {ran.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z, before {name} was built"
            : null;
    }

    // The name after the last separator of either kind: result files written on Windows are read anywhere.
    private static string FileName(string path) => path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
}
