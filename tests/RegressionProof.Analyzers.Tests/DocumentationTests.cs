using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace RegressionProof.Analyzers.Tests;

/// <summary>Every rule is documented, linked and tracked, checked against the descriptors.</summary>
public class DocumentationTests
{
    private static readonly string Docs = Path.Combine(AppContext.BaseDirectory, "docs", "rules");
    private static readonly string Releases = Path.Combine(AppContext.BaseDirectory, "releases");

    public static TheoryData<string> RuleIds => ReadmeTests.RuleIds;

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_links_to_its_docs_page_and_the_page_exists(string id)
    {
        var descriptor = Descriptor(id);

        Assert.EndsWith($"/docs/rules/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Docs, id + ".md")), $"docs/rules/{id}.md is missing");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_docs_page_starts_with_the_rule_ID_and_title(string id)
    {
        var firstLine = File.ReadLines(Path.Combine(Docs, id + ".md")).First();

        Assert.Equal($"# {id} - {Descriptor(id).Title}", firstLine);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_docs_page_states_the_default_severity_and_has_the_sections_users_look_for(string id)
    {
        var page = File.ReadAllText(Path.Combine(Docs, id + ".md"));

        Assert.Contains($"| Default severity | {Descriptor(id).DefaultSeverity.ToString().ToLowerInvariant()} |", page, StringComparison.Ordinal);
        foreach (var section in new[] { "## Why", "## When it fires", "## Example", "## How to fix", "## Configuration" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_is_tracked_in_the_analyzer_release_files_with_its_category_and_severity(string id)
    {
        var descriptor = Descriptor(id);
        var rows = Directory.GetFiles(Releases, "AnalyzerReleases.*.md")
            .SelectMany(File.ReadLines)
            .Where(line => line.StartsWith(id + " ", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToList();

        var row = Assert.Single(rows);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
    }

    [Fact]
    public void No_docs_page_describes_a_rule_that_does_not_exist()
    {
        var ids = ReadmeTests.AllDescriptors().Select(d => d.Id).ToHashSet();

        Assert.All(Directory.GetFiles(Docs, "*.md"), page => Assert.Contains(Path.GetFileNameWithoutExtension(page), ids));
    }

    private static DiagnosticDescriptor Descriptor(string id) => ReadmeTests.AllDescriptors().First(d => d.Id == id);
}
