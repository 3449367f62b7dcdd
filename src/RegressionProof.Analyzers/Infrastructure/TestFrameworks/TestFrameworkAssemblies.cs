using System;
using System.Collections.Generic;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// Assemblies that only a test project references: the attributes and assertions of xunit (v2
/// and v3), NUnit, MSTest and TUnit. A project referencing one is a test project, whose public
/// API is no product API. Shared by the manifest generator and the gate (which reads the
/// references from metadata when a manifest does not say).
/// </summary>
internal static class TestFrameworkAssemblies
{
    private static readonly HashSet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "xunit.core",
        "xunit.assert",
        "xunit.abstractions",
        "xunit.v3.core",
        "xunit.v3.assert",
        "xunit.v3.extensibility.core",
        "nunit.framework",
        "nunit.framework.legacy",
        "Microsoft.VisualStudio.TestPlatform.TestFramework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework.Extensions",
        "MSTest.TestFramework",
        "TUnit.Core",
        "TUnit.Assertions",
    };

    public static bool IsTestFramework(string assemblyName) => Names.Contains(assemblyName);
}
