using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RegressionProof.Gate.Model;

/// <summary>
/// The test assemblies of the build being gated, so that a test result can be told to belong to
/// it: results of another build (another product's, or this one's before it was rebuilt) prove
/// nothing about this one.
/// </summary>
internal sealed class ThisBuild
{
    // File name (ignoring case: VSTest writes a .trx's storage in lower case) to its scanned copies.
    private readonly ILookup<string, ScannedFile> _copies;

    private ThisBuild(ILookup<string, ScannedFile> copies) => _copies = copies;

    public static ThisBuild From(IEnumerable<ScannedAssembly> assemblies) =>
        new(assemblies.SelectMany(a => a.Files).ToLookup(f => FileName(f.Path), StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Why <paramref name="outcome"/> is a result of another build, or null when it may be one of
    /// this build. A result that does not name its test assembly cannot be told apart and counts.
    /// A result names a scanned copy when its assembly's path ends with that copy's path in the
    /// repository (on any machine, with either separator); a run that started before that copy
    /// was written cannot have run it. A result that names no scanned copy by path (a Debug run
    /// while Release is gated) can be told apart only by name.
    /// </summary>
    public string? WhyNotOf(TestOutcome outcome)
    {
        if (outcome.Source.Length == 0)
        {
            return null;
        }

        var name = FileName(outcome.Source);
        if (!_copies.Contains(name))
        {
            return $"its test assembly {name} is not one being gated";
        }

        var source = "/" + outcome.Source.Replace('\\', '/');
        var built = _copies[name]
            .Where(copy => source.EndsWith("/" + copy.Path, StringComparison.OrdinalIgnoreCase))
            .Select(copy => copy.BuiltAt)
            .Min();
        return outcome.RunTime is { } ran && built is { } at && ran < at
            ? $"its run started {ran.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z, before {name} was built"
            : null;
    }

    // The name after the last separator of either kind: result files written on Windows are read anywhere.
    private static string FileName(string path) => path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
}
