using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RegressionProof.Analyzers.Infrastructure;

internal static class MissingStringArguments
{
    /// <summary>
    /// The required string arguments that are absent, null or whitespace. An argument that is
    /// written but not constant is RP0006's to report, so it does not count as missing here.
    /// </summary>
    public static List<string> Find(IntakeLink link, IEnumerable<string> names)
    {
        var missing = new List<string>();
        foreach (var name in names)
        {
            var value = link.NamedArgument(name);
            if (value is null)
            {
                if (link.NamedArgumentSyntax(name) is null)
                {
                    missing.Add(name);
                }
            }
            else if (value.Value.Kind == TypedConstantKind.Primitive && string.IsNullOrWhiteSpace(value.Value.Value as string))
            {
                missing.Add(name);
            }
        }

        return missing;
    }
}
