namespace RegressionProof.Analyzers.Infrastructure
{
    /// <summary>The test frameworks whose tests can carry a test proof.</summary>
    internal enum TestFramework
    {
        None,
        Xunit,
        NUnit,
        MSTest,
        TUnit,
    }

    internal static class TestFrameworkExtensions
    {
        /// <summary>How the manifest and messages name the framework.</summary>
        public static string DisplayName(this TestFramework framework) => framework switch
        {
            TestFramework.Xunit => "xunit",
            TestFramework.NUnit => "nunit",
            TestFramework.MSTest => "mstest",
            TestFramework.TUnit => "tunit",
            _ => "none",
        };

        /// <summary>The attribute a code fix adds to make a method a test of this framework.</summary>
        public static string? TestAttributeMetadataName(this TestFramework framework, bool hasParameters) => framework switch
        {
            TestFramework.Xunit => hasParameters ? "Xunit.TheoryAttribute" : "Xunit.FactAttribute",
            TestFramework.NUnit => "NUnit.Framework.TestAttribute",
            TestFramework.MSTest => "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",
            TestFramework.TUnit => "TUnit.Core.TestAttribute",
            _ => null,
        };
    }
}
