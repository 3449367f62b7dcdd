using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Cli;

/// <summary>
/// Every option of verify-regression-safety, defined once (docs/gate.md, "Options"; the names are
/// contract): its spelling, description with an example, default, validation and completions. Each
/// factory makes a fresh option so a command adds the ones it reads; <see cref="GateCli"/> says
/// which command takes which, and reads them back by name.
/// </summary>
internal static class GateCliOptions
{
    public static readonly string[] Formats = ["text", "json", "markdown", "sarif", "github", "gitlab"];

    public static Argument<string> Target() => new("solution|project|folder")
    {
        Description = "What to gate: a .sln/.slnx, a .csproj, or a folder (its solution, else its projects, else the .dll files in it).",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };

    public static Option<string?> Release(string description) => new("--release")
    {
        Description = description + "  e.g. --release releases/2.4.1.json",
        HelpName = "file",
    };

    public static Option<string?> Changelog(string description) => new("--changelog")
    {
        Description = description + "  e.g. --changelog docs/CHANGELOG.md",
        HelpName = "file",
    };

    public static Option<string[]> TestResults() => new("--test-results")
    {
        Description = "Test results (a file, a folder or a glob; every shard's) proving the test proofs ran on this build and passed; each test's last attempt counts; repeatable.  e.g. --test-results \"artifacts/test-results/*.trx\"",
        HelpName = "glob",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<FlakyPolicy> Flaky()
    {
        var option = new Option<FlakyPolicy>("--flaky")
        {
            Description = "A test proof that failed, then passed on retry: an error (fail) or a warning (warn, default).  e.g. --flaky fail",
            HelpName = "fail|warn",
            CustomParser = result => Single(result) switch
            {
                null => FlakyPolicy.Warn,
                "warn" => FlakyPolicy.Warn,
                "fail" => FlakyPolicy.Fail,
                var other => Error(result, $"--flaky '{other}' is not one of fail, warn", FlakyPolicy.Warn),
            },
        };
        option.CompletionSources.Add("fail", "warn");
        return option;
    }

    public static Option<string?> Baseline() => new("--baseline")
    {
        Description = "The previous release's coverage-manifest.json: enables the API-class, keep-probes and suspect-proof checks.  e.g. --baseline artifacts/2.4.0/coverage-manifest.json",
        HelpName = "file",
    };

    public static Option<DateOnly?> AsOf() => new("--as-of")
    {
        Description = "The day the release is decided (manual verifications overdue by then no longer count). Default: today.  e.g. --as-of 2026-11-24",
        HelpName = "yyyy-MM-dd",
        CustomParser = result => Single(result) is not { } text
            ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : Error<DateOnly?>(result, $"--as-of '{text}' is not a date in the form yyyy-MM-dd", null),
    };

    public static Option<string> Out() => new("--out")
    {
        Description = "Where to write release-report.html, release-log.md, coverage-manifest.json and regression-proof.sarif; a relative folder is taken from the current directory, not from the solution's.",
        HelpName = "dir",
        DefaultValueFactory = _ => GateOptions.DefaultOut,
        CustomParser = result => Single(result) switch
        {
            null => GateOptions.DefaultOut,
            var folder when string.IsNullOrWhiteSpace(folder) => Error(result, "--out needs a folder, not an empty name", GateOptions.DefaultOut),
            var folder => folder,
        },
    };

    public static Option<string> Format()
    {
        var option = new Option<string>("--format")
        {
            Description = "What to print on stdout: text (summary), json (the coverage manifest), markdown (the release log), sarif, github (workflow annotations), gitlab (a GitLab Code Quality report).  e.g. --format github",
            HelpName = "format",
            DefaultValueFactory = _ => "text",
            CustomParser = result => Single(result) switch
            {
                null => "text",
                var format when Array.IndexOf(Formats, format) >= 0 => format,
                var format => Error(result, $"--format '{format}' is not one of {string.Join(", ", Formats)}", "text"),
            },
        };
        option.CompletionSources.Add(Formats);
        return option;
    }

    public static Option<string?> SourceUrlTemplate() => new("--source-url-template")
    {
        Description = "The URL of a source line, for links from release-report.html: {path} (required), {line} and {commit} are filled in. Default on GitHub Actions: the repository's blob URL.  e.g. --source-url-template \"https://github.com/o/r/blob/{commit}/{path}#L{line}\"",
        HelpName = "url",
        CustomParser = result => Single(result) is not { } template
            ? null
            : Outputs.SourceLinks.Problem(template) is { } problem ? Error<string?>(result, problem, null) : template,
    };

    public static Option<string> LabelScheme() => new("--label-scheme")
    {
        Description = "The pull-request label of the release class, checked in a pull-request run on GitHub Actions; {class} stands for patch, minor or major. Default: {class}.  e.g. --label-scheme \"release:{class}\"",
        HelpName = "scheme",
        DefaultValueFactory = _ => Model.PullRequest.DefaultLabelScheme,
        CustomParser = result => Single(result) switch
        {
            null => Model.PullRequest.DefaultLabelScheme,
            var scheme when scheme.Contains(Model.PullRequest.ClassPlaceholder, StringComparison.Ordinal) => scheme,
            var scheme => Error(result, $"--label-scheme '{scheme}' must contain {Model.PullRequest.ClassPlaceholder}, e.g. \"release:{Model.PullRequest.ClassPlaceholder}\"", Model.PullRequest.DefaultLabelScheme),
        },
    };

    /// <summary>The formats of <c>close-out</c>: it writes no coverage manifest and no Code Quality report.</summary>
    public static readonly string[] CloseOutFormats = ["text", "markdown", "sarif", "github"];

    public static Option<string?> Manifest() => new("--manifest")
    {
        Description = "The coverage-manifest.json the gate wrote for this release: which probes each card has. Default: coverage-manifest.json in --out.  e.g. --manifest artifacts/2.4.1/coverage-manifest.json",
        HelpName = "file",
    };

    public static Option<DateTimeOffset?> CloseOutAsOf() => new("--as-of")
    {
        Description = "The moment of the close-out: a time with its offset, or a day (its start, 00:00 UTC). The traffic cycle must be over by then. Default: now.  e.g. --as-of 2026-11-25T10:00:00Z",
        HelpName = "time",
        CustomParser = result => Single(result) is not { } text
            ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                : text.Contains('T', StringComparison.Ordinal) && (text.EndsWith('Z') || text.Length > 6 && text[^6] is '+' or '-')
                  && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                    ? time
                    : Error<DateTimeOffset?>(result, $"--as-of '{text}' is neither a day (yyyy-MM-dd) nor a time with its offset (such as 2026-11-25T10:00:00Z)", null),
    };

    public static Option<string> CloseOutFormat()
    {
        var option = new Option<string>("--format")
        {
            Description = "What to print on stdout: text (summary), markdown (the close-out record), sarif, github (workflow annotations).  e.g. --format github",
            HelpName = "format",
            DefaultValueFactory = _ => "text",
            CustomParser = result => Single(result) switch
            {
                null => "text",
                var format when Array.IndexOf(CloseOutFormats, format) >= 0 => format,
                var format => Error(result, $"--format '{format}' is not one of {string.Join(", ", CloseOutFormats)}", "text"),
            },
        };
        option.CompletionSources.Add(CloseOutFormats);
        return option;
    }

    public static Option<bool> NoBuild() => new("--no-build")
    {
        Description = "Read what is already built; do not run dotnet build.",
    };

    public static Option<string> Configuration() => new("--configuration", "-c")
    {
        Description = "The configuration to build and read.",
        HelpName = "c",
        DefaultValueFactory = _ => "Release",
    };

    // The option's one value; null when it has none, which the parser reports itself ("needs a value").
    private static string? Single(ArgumentResult result) => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;

    private static T Error<T>(ArgumentResult result, string message, T fallback)
    {
        result.AddError(message);
        return fallback;
    }
}
