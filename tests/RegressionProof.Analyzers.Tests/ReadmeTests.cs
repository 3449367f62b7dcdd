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
    public static TheoryData<string> RuleIds => new(AllDescriptors().Select(d => d.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_README_row_with_its_docs_link_and_default_severity(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
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

    internal static DiagnosticDescriptor[] AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray();
}
