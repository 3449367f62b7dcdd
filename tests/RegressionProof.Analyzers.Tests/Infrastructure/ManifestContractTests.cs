using System;
using System.Linq;
using System.Reflection;
using RegressionProof.Analyzers.Generator;
using RegressionProof.Analyzers.Infrastructure;
using RegressionProof.Contract;
using Xunit;

namespace RegressionProof.Analyzers.Tests.Infrastructure;

/// <summary>The analyzers' kinds and the attributes users write agree with src/Shared/ManifestContract.cs.</summary>
public class ManifestContractTests
{
    [Fact]
    public void Every_link_kind_has_its_row_of_the_contract_and_every_row_its_kind()
    {
        var kinds = Enum.GetValues<LinkKind>();

        Assert.Equal(kinds.Length, ManifestContract.Kinds.Length);
        Assert.All(kinds, kind => Assert.Equal(kind.AttributeName(), kind.Contract().AttributeName));
        Assert.Equal(ManifestContract.Kinds.Select(row => row.WireName), kinds.Select(LinkExtractor.WireName));
        Assert.Equal(ManifestContract.Kinds.Length, ManifestContract.Kinds.Select(row => row.WireName).Distinct().Count());
    }

    [Fact]
    public void Every_row_names_an_attribute_with_its_arguments_of_their_types()
    {
        var attributes = typeof(FixesAttribute).Assembly;

        foreach (var row in ManifestContract.Kinds)
        {
            var attribute = attributes.GetType("RegressionProof." + row.AttributeName + "Attribute", throwOnError: true)!;
            foreach (var argument in row.Arguments.Append(ManifestContract.Evidence))
            {
                var property = attribute.GetProperty(argument.Argument, BindingFlags.Public | BindingFlags.Instance);
                Assert.True(property?.CanWrite, $"{attribute.Name} has no settable {argument.Argument}");
                var expected = argument.Value switch
                {
                    ArgumentValue.Level => typeof(TestLevel),
                    ArgumentValue.Signal => typeof(RecurrenceSignal),
                    _ => typeof(string),
                };
                Assert.Equal(expected, Nullable.GetUnderlyingType(property!.PropertyType) ?? property.PropertyType);
            }
        }
    }

    [Fact]
    public void Level_and_signal_names_follow_the_values_of_their_enums()
    {
        Assert.Equal(Enum.GetValues<TestLevel>().Select(value => (int)value), Enumerable.Range(0, ManifestContract.Levels.Length));
        Assert.Equal(Enum.GetValues<RecurrenceSignal>().Select(value => (int)value), Enumerable.Range(1, ManifestContract.Signals.Length));
    }

    [Fact]
    public void The_required_arguments_of_a_kind_are_those_its_row_marks()
    {
        Assert.Equal(["Baseline", "Threshold"], RequiredArguments.Of(LinkKind.DashboardPanel));
        Assert.Equal(["Steps", "RecordedOn", "AutomateBy"], RequiredArguments.Of(LinkKind.ManualVerification));
        Assert.Equal(["Signal"], RequiredArguments.Of(LinkKind.SyntheticProbe));
        Assert.Empty(RequiredArguments.Of(LinkKind.RegressionFor));
    }
}
