using System.Linq;
using RegressionProof.Analyzers.Infrastructure;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Infrastructure;

/// <summary>The test frameworks are data: each entry of the catalogue is consistent on its own.</summary>
public class TestFrameworkCatalogueTests
{
    public static TheoryData<string> Frameworks => new(TestFramework.All.Select(f => f.DisplayName()));

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void The_attribute_the_code_fix_adds_is_one_the_framework_recognises_as_a_test(string name)
    {
        var framework = TestFramework.All.Single(f => f.DisplayName() == name);
        var added = framework.TestAttributeMetadataName(hasParameters: false)!;

        Assert.Contains(framework.TestAttributes, a => a.Namespace + "." + a.Name == added);
    }

    [Fact]
    public void Every_framework_has_its_own_manifest_name_and_none_is_not_among_them()
    {
        var names = TestFramework.All.Select(f => f.DisplayName()).ToList();

        Assert.Equal(names.Count, names.Distinct(System.StringComparer.Ordinal).Count());
        Assert.DoesNotContain(TestFramework.None.DisplayName(), names);
        Assert.All(names, n => Assert.Equal(n.ToLowerInvariant(), n));
    }
}
