using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace RegressionProof.Analyzers.Tests;

/// <summary>The README's rule table is checked against the descriptors, the one source of truth.</summary>
public class ReadmeTests
{
    public static TheoryData<string> RuleIds => new(AllDescriptors().Select(d => d.Id).Distinct());

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_README_row_with_its_docs_link_and_default_severity(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        var readme = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "README.md"));

        var row = Assert.Single(readme, line => line.StartsWith($"| [{id}](docs/rules/{id}.md) |", StringComparison.Ordinal));
        var severity = row.Split('|', StringSplitOptions.TrimEntries)[2];
        Assert.Equal(descriptor.DefaultSeverity.ToString().ToLowerInvariant(), severity);
    }

    [Fact]
    public void The_README_has_no_row_for_a_rule_that_does_not_exist()
    {
        var ids = AllDescriptors().Select(d => d.Id).ToHashSet();
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "README.md"))
            .Where(line => line.StartsWith("| [RP", StringComparison.Ordinal))
            .Select(line => line.Substring(3, 6));

        Assert.All(rows, id => Assert.Contains(id, ids));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_descriptors_of_one_rule_differ_only_in_their_message(string id)
    {
        // A rule may have several messages (RP0008: no Signal, an undefined Signal); to users it is one rule.
        var descriptors = AllDescriptors().Where(d => d.Id == id).ToList();

        Assert.All(descriptors, d =>
        {
            Assert.Equal(descriptors[0].Title.ToString(), d.Title.ToString());
            Assert.Equal(descriptors[0].Category, d.Category);
            Assert.Equal(descriptors[0].DefaultSeverity, d.DefaultSeverity);
            Assert.Equal(descriptors[0].HelpLinkUri, d.HelpLinkUri);
            Assert.Equal(descriptors[0].CustomTags, d.CustomTags);
        });
    }

    internal static DiagnosticDescriptor[] AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray();
}
