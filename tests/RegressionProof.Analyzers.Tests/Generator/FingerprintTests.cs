using System.Linq;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Generator;

/// <summary>A fix's fingerprint moves with its code, and only with its code.</summary>
public class FingerprintTests
{
    private const string Original = """
        using RegressionProof;
        class Pricing
        {
            [Fixes("INTAKE-1")]
            public decimal Apply(decimal total) => total > 0 ? total : 0;
        }
        """;

    [Theory]
    [InlineData("""
        using RegressionProof;
        class Pricing
        {
            // A comment explains the fix.
            [Fixes("INTAKE-1")]
            public   decimal   Apply( decimal total )
                => total > 0
                    ? total   // clamp
                    : 0;
        }
        """)]
    [InlineData("""
        using RegressionProof;
        class Pricing
        {
            [Fixes("INTAKE-1"), Fixes("INTAKE-2", Evidence = "https://x")]
            [System.Obsolete]
            public decimal Apply(decimal total) => total > 0 ? total : 0;
        }
        """)]
    [InlineData("""
        using RegressionProof;

        class Helper { }

        class Pricing
        {
            void Other() { }

            [Fixes("INTAKE-1")]
            public decimal Apply(decimal total) => total > 0 ? total : 0;
        }
        """)]
    public void Formatting_comments_attributes_and_position_do_not_change_it(string edited)
    {
        Assert.Equal(FingerprintOf(Original), FingerprintOf(edited));
    }

    [Theory]
    [InlineData("public decimal Apply(decimal total) => total >= 0 ? total : 0;")]
    [InlineData("public decimal Apply(decimal amount) => amount > 0 ? amount : 0;")]
    [InlineData("internal decimal Apply(decimal total) => total > 0 ? total : 0;")]
    public void A_change_to_the_code_changes_it(string member)
    {
        var edited = Original.Replace("public decimal Apply(decimal total) => total > 0 ? total : 0;", member);

        Assert.NotEqual(FingerprintOf(Original), FingerprintOf(edited));
    }

    [Fact]
    public void Every_link_of_one_member_carries_the_same_fingerprint()
    {
        var json = GeneratorHarness.ManifestJson(GeneratorHarness.Compilation([("/repo/A.cs", """
            using RegressionProof;
            class Pricing
            {
                [Fixes("INTAKE-1")]
                [ManualVerification("INTAKE-1", Steps = "s", RecordedOn = "2026-11-01", AutomateBy = "2026-11-05")]
                public decimal Apply(decimal total) => total;
            }
            """)]))!;

        Assert.Single(GeneratorHarness.Parse(json).Links.Select(l => l.Fingerprint).Distinct());
    }

    private static string FingerprintOf(string source)
    {
        var json = GeneratorHarness.ManifestJson(GeneratorHarness.Compilation([("/repo/A.cs", source)]))!;
        return GeneratorHarness.Parse(json).Links.Single(l => l.Card == "INTAKE-1").Fingerprint;
    }
}
