using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace RegressionProof.Gate.Outputs;

/// <summary>
/// Links from a fix or proof to its source line, made from a URL template such as
/// <c>https://github.com/o/r/blob/{commit}/{path}#L{line}</c>: given with
/// <c>--source-url-template</c>, or known on GitHub Actions from <c>GITHUB_SERVER_URL</c>,
/// <c>GITHUB_REPOSITORY</c> and <c>GITHUB_SHA</c>. A manifest path is input like any other: only a
/// path inside the repository becomes a link, each segment escaped, and only an http(s) URL is
/// ever made.
/// </summary>
internal sealed partial class SourceLinks
{
    private readonly string _template;
    private readonly string? _commit;

    private SourceLinks(string template, string? commit)
    {
        _template = template;
        _commit = commit;
    }

    /// <summary>The environment variables that name the commit built, on GitHub Actions, GitLab CI and Azure Pipelines.</summary>
    public static readonly string[] CommitVariables = ["GITHUB_SHA", "CI_COMMIT_SHA", "BUILD_SOURCEVERSION"];

    /// <summary>
    /// The links for this run, or null when no repository URL is known. <paramref name="gitCommit"/>
    /// is asked only when the template needs a commit that no CI variable gives.
    /// </summary>
    public static SourceLinks? From(string? template, Func<string, string?> environment, Func<string?> gitCommit)
    {
        var commit = CommitVariables.Select(environment).FirstOrDefault(IsCommit);
        if (template is null)
        {
            var server = environment("GITHUB_SERVER_URL");
            var repository = environment("GITHUB_REPOSITORY");
            if (environment("GITHUB_ACTIONS") != "true" || string.IsNullOrEmpty(server) || string.IsNullOrEmpty(repository) || !IsCommit(environment("GITHUB_SHA")))
            {
                return null;
            }

            return new SourceLinks(server.TrimEnd('/') + "/" + repository + "/blob/{commit}/{path}#L{line}", environment("GITHUB_SHA"));
        }

        if (commit is null && template.Contains("{commit}", StringComparison.Ordinal))
        {
            commit = gitCommit() is { } head && IsCommit(head) ? head : null;
        }

        return new SourceLinks(template, commit);
    }

    /// <summary>Why a template cannot be used, or null when it can (checked when the options are read).</summary>
    public static string? Problem(string template) =>
        !(template.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || template.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ? "--source-url-template must start with https:// or http://"
            : !template.Contains("{path}", StringComparison.Ordinal)
                ? "--source-url-template needs {path} (and may use {line} and {commit})"
                : null;

    /// <summary>The URL of a line of a file, or null: a path outside the repository, a line below 1, a commit the template needs and nobody knows.</summary>
    public string? UrlOf(string path, int line)
    {
        if (!ReportLocation.IsInsideRepository(path) || line < 1 || (_commit is null && _template.Contains("{commit}", StringComparison.Ordinal)))
        {
            return null;
        }

        var url = _template
            .Replace("{commit}", _commit ?? string.Empty, StringComparison.Ordinal)
            .Replace("{path}", string.Join('/', path.Split('/').Select(Uri.EscapeDataString)), StringComparison.Ordinal)
            .Replace("{line}", line.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return HtmlText.IsWebLink(url) ? url : null;
    }

    private static bool IsCommit(string? value) => value is not null && CommitPattern().IsMatch(value);

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitPattern();
}
