using System;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>
/// The release file's <c>docs</c> (RPG018) and <c>customerReadiness</c> (RPG019): read into the
/// model, or refused naming file, line and column.
/// </summary>
public sealed class ReleaseDocsAndReadinessReaderTests
{
    private static string Release(string property) =>
        "{ \"version\": \"3.0.0\", \"class\": \"major\", \"cards\": [],\n  " + property + " }";

    [Fact]
    public void The_docs_pages_and_the_customer_readiness_check_are_read()
    {
        var release = ReleaseFileReader.Parse("release.json", Release("""
            "docs": ["docs/gift-cards.md", "https://docs.example/checkout/v3"],
              "customerReadiness": { "by": "pat (customer success)", "on": "2026-11-20" }
            """));

        Assert.Equal(["docs/gift-cards.md", "https://docs.example/checkout/v3"], release.Docs);
        Assert.Equal(new CustomerReadiness("pat (customer success)", new DateOnly(2026, 11, 20)), release.CustomerReadiness);
        Assert.Equal((2, 3), (release.Lines["docs"], release.Lines["customerReadiness"]));
    }

    [Fact]
    public void A_release_file_without_them_has_no_docs_and_no_customer_readiness_check()
    {
        var release = ReleaseFileReader.Parse("release.json", """{ "version": "1", "class": "patch", "cards": [] }""");

        Assert.Equal((0, null), (release.Docs.Count, release.CustomerReadiness));
    }

    [Theory]
    [InlineData("""
        "customerReadiness": { "by": "pat" }
        """, 2, 24, "\"on\" is required")]
    [InlineData("""
        "customerReadiness": { "on": "2026-11-20" }
        """, 2, 24, "\"by\" is required")]
    [InlineData("""
        "customerReadiness": { "by": " ", "on": "2026-11-20" }
        """, 2, 32, "\"by\" must not be empty")]
    [InlineData("""
        "customerReadiness": { "by": "pat", "on": "20/11/2026" }
        """, 2, 45, "\"on\" is \"20/11/2026\"; expected a date in the form yyyy-MM-dd")]
    [InlineData("""
        "customerReadiness": { "by": "pat", "on": 20261120 }
        """, 2, 45, "\"on\" must be a string")]
    [InlineData("""
        "customerReadiness": "pat, 2026-11-20"
        """, 2, 24, "\"customerReadiness\" must be an object with \"by\" and \"on\"")]
    [InlineData("""
        "docs": "docs/gift-cards.md"
        """, 2, 11, "\"docs\" must be an array of the documentation pages the release changed")]
    [InlineData("""
        "docs": ["docs/a.md", 7]
        """, 2, 25, "a docs entry must be a string: the path or link of a changed page")]
    [InlineData("""
        "docs": ["docs/a.md", " "]
        """, 2, 25, "a docs entry must not be empty")]
    [InlineData("""
        "docs": [null]
        """, 2, 12, "a docs entry must be a string: the path or link of a changed page")]
    public void A_bad_docs_list_or_customer_readiness_check_is_refused_naming_file_line_and_column(string property, int line, int column, string reason)
    {
        var error = Assert.Throws<InputException>(() => ReleaseFileReader.Parse("release.json", Release(property)));

        Assert.Equal($"release.json({line},{column}): {reason}", error.Message);
    }
}
