using System.Collections.Generic;
using RegressionProof.Gate.Outputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Outputs;

/// <summary>Where a fix's file:line links to: the template given, or the repository on GitHub Actions.</summary>
public sealed class SourceLinksTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private static readonly Dictionary<string, string> GitHub = new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_REPOSITORY"] = "o/r",
        ["GITHUB_SHA"] = Sha,
    };

    private static string? NoGit() => null;

    [Fact]
    public void On_GitHub_Actions_the_repository_and_commit_are_known_without_an_option()
    {
        var links = SourceLinks.From(null, name => GitHub.GetValueOrDefault(name), NoGit);

        Assert.Equal($"https://github.com/o/r/blob/{Sha}/src/Shop/Pricing.cs#L7", links!.UrlOf("src/Shop/Pricing.cs", 7));
    }

    [Fact]
    public void Elsewhere_without_a_template_no_link_is_made()
    {
        Assert.Null(SourceLinks.From(null, _ => null, () => Sha));
        Assert.Null(SourceLinks.From(null, name => name == "GITHUB_ACTIONS" ? null : GitHub.GetValueOrDefault(name), NoGit));
    }

    [Fact]
    public void A_template_takes_its_commit_from_CI_variables_then_from_git()
    {
        const string Template = "https://git.example/r/-/blob/{commit}/{path}#L{line}";

        Assert.Equal("https://git.example/r/-/blob/abcdef1/a.cs#L3", SourceLinks.From(Template, name => name == "CI_COMMIT_SHA" ? "abcdef1" : null, NoGit)!.UrlOf("a.cs", 3));
        Assert.Equal($"https://git.example/r/-/blob/{Sha}/a.cs#L3", SourceLinks.From(Template, _ => null, () => Sha)!.UrlOf("a.cs", 3));
    }

    [Fact]
    public void Without_a_commit_that_the_template_needs_or_with_a_bad_path_or_line_there_is_no_link()
    {
        var needsCommit = SourceLinks.From("https://git.example/{commit}/{path}", _ => null, NoGit)!;
        var links = SourceLinks.From("https://git.example/main/{path}#L{line}", _ => null, NoGit)!;

        Assert.Null(needsCommit.UrlOf("a.cs", 1));
        Assert.Equal("https://git.example/main/a.cs#L1", links.UrlOf("a.cs", 1));
        Assert.Null(links.UrlOf("../a.cs", 1));
        Assert.Null(links.UrlOf("/etc/passwd", 1));
        Assert.Null(links.UrlOf("a.cs", 0));
    }

    [Fact]
    public void A_commit_that_is_not_a_hash_is_not_used()
    {
        var links = SourceLinks.From("https://git.example/{commit}/{path}", name => name == "GITHUB_SHA" ? "../../evil" : null, () => "main; rm -rf")!;

        Assert.Null(links.UrlOf("a.cs", 1));
    }

    [Theory]
    [InlineData("javascript:alert(1)//{path}", "must start with https:// or http://")]
    [InlineData("https://git.example/blob/main", "needs {path}")]
    public void A_template_that_is_not_an_http_url_with_a_path_is_refused(string template, string problem) =>
        Assert.Contains(problem, SourceLinks.Problem(template), System.StringComparison.Ordinal);
}
