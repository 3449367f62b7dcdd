using System;
using System.Collections.Generic;
using System.IO;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Help;
using System.Linq;
using System.Reflection;
using System.Text;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;

namespace RegressionProof.Gate.Cli;

/// <summary>The command line at the edge: options in, exit code out, never a stack trace.</summary>
internal static class GateCommand
{
    public const string CoverageManifestFile = "coverage-manifest.json";
    public const string ReleaseLogFile = "release-log.md";
    public const string SarifFile = "regression-proof.sarif";
    public const string HtmlReportFile = "release-report.html";
    public const string VerificationSummaryFile = "verification-summary.intoto.json";

    /// <param name="ci">The CI service's variables (docs/gate.md, "CI"); none when not given, so tests never read the machine's.</param>
    /// <param name="environment">The variables of the run (a GitHub Actions pull request's labels, and the repository and commit of source links, are read through it); without it, none are set.</param>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string workingDirectory, bool interactive = false, CiEnvironment? ci = null, Func<string, string?>? environment = null)
    {
        ci ??= CiEnvironment.None;
        var root = GateCli.Build();
        var parsed = GateCli.Parse(root, args);
        if (parsed.GetResult(root.Options.OfType<VersionOption>().Single()) is not null && args.Count == 1)
        {
            stdout.WriteLine(Version);
            return ExitCodes.Pass;
        }

        // Help and the directives ([suggest] for shell completion, [diagram]) act on their own.
        if (parsed.Action is not null and not ParseErrorAction and not GateCli.RunCommand)
        {
            var exit = parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            if (parsed.Action is HelpAction)
            {
                stdout.WriteLine(HelpText.Footer);
            }

            return exit;
        }

        GateOptions options;
        try
        {
            options = (UsageErrors.Of(parsed) is { } message ? throw new OptionException(message) : GateCli.ToOptions(parsed)).CheckedIn(workingDirectory);
        }
        catch (OptionException exception)
        {
            stderr.WriteLine("verify-regression-safety: " + Text.Printable(exception.Message));
            return ExitCodes.UnusableInput;
        }

        switch (options.Command)
        {
            case GateSubcommand.Init:
                return Guarded(() => InitCommand.Run(options, stdout, stderr, workingDirectory, interactive), stderr);
            case GateSubcommand.Check:
                return Guarded(() => CheckCommand.Run(options, stdout, stderr, workingDirectory, interactive), stderr);
            case GateSubcommand.CloseOut:
                return Guarded(() => CloseOutCommand.Run(options, stdout, stderr, workingDirectory, interactive), stderr);
        }

        try
        {
            var variables = environment ?? (_ => null);
            var result = Decide(options, workingDirectory, stderr, interactive, variables);
            var releaseLog = ReleaseLogWriter.Write(result);
            var sarif = SarifWriter.Write(result);
            var sourceLinks = SourceLinks.From(options.SourceUrlTemplate, variables, () => GitCommit.Of(Path.Combine(workingDirectory, options.Path)));
            var outputs = Path.GetFullPath(Path.Combine(workingDirectory, options.Out));
            AtomicOutput.WriteAll(outputs, new List<(string, Action<Stream>)>
            {
                (CoverageManifestFile, stream => CoverageManifestWriter.WriteTo(stream, result)),
                (ReleaseLogFile, stream => stream.Write(CloseOutRecords.CarriedOver(Path.Combine(outputs, ReleaseLogFile), Encoding.UTF8.GetBytes(releaseLog)))),
                (SarifFile, stream => stream.Write(Encoding.UTF8.GetBytes(sarif))),
                (HtmlReportFile, stream => HtmlReportWriter.WriteTo(stream, result, sourceLinks)),
                (VerificationSummaryFile, stream => VerificationSummaryWriter.WriteTo(stream, result, Version)),
            });
            stdout.Write(Document(options.Format, result, SummaryWriter.Write, releaseLog, sarif));
            WriteForCi(ci, options.Format, result, releaseLog, Path.Combine(outputs, ReleaseLogFile), stdout);
            return result.Passed ? ExitCodes.Pass : ExitCodes.Fail;
        }
        catch (InputException exception)
        {
            stderr.WriteLine("verify-regression-safety: " + Text.Printable(exception.Message));
            return ExitCodes.UnusableInput;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("verify-regression-safety: " + Text.Printable(exception.Message));
            return ExitCodes.UnusableInput;
        }
    }

    /// <summary>
    /// What <c>--format</c> prints on stdout, for the gate and for <c>check</c> (whose text summary
    /// differs); the release log and SARIF are taken as already written when given.
    /// </summary>
    public static string Document(string format, GateResult result, Func<GateResult, string> summary, string? releaseLog = null, string? sarif = null) => format switch
    {
        "json" => Encoding.UTF8.GetString(CoverageManifestWriter.WriteUtf8(result)),
        "markdown" => releaseLog ?? ReleaseLogWriter.Write(result),
        "sarif" => sarif ?? SarifWriter.Write(result),
        "github" => GitHubAnnotationWriter.Write(result),
        "gitlab" => GitLabCodeQualityWriter.Write(result),
        _ => summary(result),
    };

    /// <summary>
    /// What the CI service shows without a flag: the job summary on GitHub Actions (whatever the
    /// format), and, after the text summary only (the other formats are documents on stdout),
    /// GitHub annotations or Azure Pipelines logging commands.
    /// </summary>
    private static void WriteForCi(CiEnvironment ci, string format, GateResult result, string releaseLog, string releaseLogPath, TextWriter stdout)
    {
        if (ci.GitHubStepSummary is { } summary)
        {
            GitHubStepSummary.Append(summary, releaseLog, releaseLogPath);
        }

        if (format != "text")
        {
            return;
        }

        if (ci.IsGitHubActions)
        {
            stdout.Write(GitHubAnnotationWriter.Write(result));
        }
        else if (ci.IsAzurePipelines)
        {
            stdout.Write(AzurePipelinesWriter.Write(result, releaseLogPath));
        }
    }

    /// <summary>The informational version of the tool (with its commit, when built from one).</summary>
    public static string Version =>
        typeof(GateCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Runs a command; an unusable input is exit 2 with its message, never a stack trace.</summary>
    public static int Guarded(Func<int> command, TextWriter stderr)
    {
        try
        {
            return command();
        }
        catch (Exception exception) when (exception is InputException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("verify-regression-safety: " + Text.Printable(exception.Message));
            return ExitCodes.UnusableInput;
        }
    }

    public static GateResult Decide(GateOptions options, string workingDirectory, TextWriter log, bool interactive, Func<string, string?> environment)
    {
        var target = Discovery.Resolve(Path.Combine(workingDirectory, options.Path), options.Configuration);
        var releasePath = Resolve(options.Release, workingDirectory, target.Folder, "release.json");
        // Findings about the release point at it by its repository path, as the changelog's do.
        var release = ReleaseFileReader.Read(releasePath) with { Path = Path.GetRelativePath(target.Folder, releasePath).Replace('\\', '/') };
        var changelogPath = Resolve(options.Changelog, workingDirectory, target.Folder, "CHANGELOG.md");
        var changelog = ChangelogReader.Parse(Path.GetRelativePath(target.Folder, changelogPath).Replace('\\', '/'), TextFile.Read(changelogPath, "changelog"));
        var pullRequest = PullRequestEvent.FromEnvironment(environment);
        var baseline = options.Baseline is null ? null : ReadBaseline(Path.GetFullPath(Path.Combine(workingDirectory, options.Baseline)), workingDirectory);
        TestResults? testResults = null;
        if (options.TestResults.Count > 0)
        {
            testResults = TestResultsReader.Load(options.TestResults, workingDirectory);
        }

        var assemblies = ScanBuild(target, options, log, interactive, withEarlierApiFormat: baseline?.LegacyPublicApi is { Count: > 0 });
        var asOf = options.AsOf ?? DateOnly.FromDateTime(DateTime.Today);
        var input = new GateInput(release, changelog, assemblies, testResults, baseline, asOf) { Flaky = options.Flaky, PullRequest = pullRequest, LabelScheme = options.LabelScheme, Product = ProductName(target.Path) };
        return new GateResult(input, Gatekeeper.Decide(input));
    }

    /// <summary>Builds the target (unless --no-build) and reads the manifests of its assemblies.</summary>
    public static IReadOnlyList<ScannedAssembly> ScanBuild(Discovery.Target target, GateOptions options, TextWriter log, bool interactive, bool withEarlierApiFormat = false)
    {
        if (!options.NoBuild)
        {
            Progress(interactive, log, $"building {Path.GetFileName(target.Path)} ({options.Configuration})…");
            Discovery.Build(target, options.Configuration, log);
        }

        var discovered = Discovery.Assemblies(target, options.Configuration, checkFreshness: options.NoBuild);
        foreach (var skipped in discovered.Skipped)
        {
            log.WriteLine("verify-regression-safety: " + Text.Printable(skipped));
        }

        var assemblies = AssemblyScanner.Scan(
            discovered.Files,
            target.Folder,
            interactive ? (done, total) => Progress(true, log, $"scanning assemblies {done}/{total}") : null,
            withEarlierApiFormat);
        if (interactive)
        {
            log.Write("\r" + new string(' ', 60) + "\r");
        }

        return assemblies;
    }

    // Named, as the test result files are, relative to where the gate runs.
    private static Baseline ReadBaseline(string path, string workingDirectory) =>
        BaselineReader.Read(path) with { Name = Path.GetRelativePath(workingDirectory, path).Replace('\\', '/') };

    private static string ProductName(string target) =>
        (Directory.Exists(target) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(target)) : Path.GetFileNameWithoutExtension(target)) is { Length: > 0 } name
            ? name
            : "release"; // a file system's root has no name

    private static string Resolve(string? given, string workingDirectory, string folder, string defaultName) =>
        given is null ? Path.Combine(folder, defaultName) : Path.GetFullPath(Path.Combine(workingDirectory, given));

    // Progress is for people at a terminal; CI logs stay quiet.
    private static void Progress(bool interactive, TextWriter log, string message)
    {
        if (interactive)
        {
            log.Write("\r" + message.PadRight(60));
            log.Flush();
        }
    }
}
