using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Testing;

namespace RegressionProof.Analyzers.Tests.Verifiers;

/// <summary>Turns a test's configuration into the files MSBuild would hand the compiler.</summary>
internal static class TestConfiguration
{
    public static void Apply(SolutionState state, IReadOnlyCollection<string> editorConfig, IReadOnlyDictionary<string, string> buildProperties)
    {
        if (editorConfig.Count > 0)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + string.Join("\n", editorConfig) + "\n"));
        }

        if (buildProperties.Count > 0)
        {
            state.AnalyzerConfigFiles.Add(("/.globalconfig",
                "is_global = true\n" + string.Join("\n", buildProperties.Select(p => $"build_property.{p.Key} = {p.Value}")) + "\n"));
        }
    }
}
