using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

    /// <summary>
    /// Runs the gate. <paramref name="environment"/> gives the variables of the run (a GitHub Actions
    /// pull request's labels are read through it); without it, none are set.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string workingDirectory, bool interactive = false, Func<string, string?>? environment = null)
    {
        GateOptions options;
        try
        {
            options = GateOptions.Parse(args).CheckedIn(workingDirectory);
        }
        catch (OptionException exception)
        {
            stderr.WriteLine("verify-regression-safety: " + Text.Printable(exception.Message));
            return ExitCodes.UnusableInput;
        }

        if (options.Help)
        {
            stdout.WriteLine(HelpText.Text);
            return ExitCodes.Pass;
        }

        try
        {
            var result = Decide(options, workingDirectory, stderr, interactive, environment ?? (_ => null));
            var releaseLog = ReleaseLogWriter.Write(result);
            var sarif = SarifWriter.Write(result);
            var outputs = Path.GetFullPath(Path.Combine(workingDirectory, options.Out));
            AtomicOutput.WriteAll(outputs, new List<(string, Action<Stream>)>
            {
                (CoverageManifestFile, stream => CoverageManifestWriter.WriteTo(stream, result)),
                (ReleaseLogFile, stream => stream.Write(Encoding.UTF8.GetBytes(releaseLog))),
                (SarifFile, stream => stream.Write(Encoding.UTF8.GetBytes(sarif))),
            });
            stdout.Write(options.Format switch
            {
                "json" => Encoding.UTF8.GetString(CoverageManifestWriter.WriteUtf8(result)),
                "markdown" => releaseLog,
                "sarif" => sarif,
                "github" => GitHubAnnotationWriter.Write(result),
                _ => SummaryWriter.Write(result),
            });
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

    public static GateResult Decide(GateOptions options, string workingDirectory, TextWriter log, bool interactive, Func<string, string?> environment)
    {
        var target = Discovery.Resolve(Path.Combine(workingDirectory, options.Path), options.Configuration);
        var release = ReleaseFileReader.Read(Resolve(options.Release, workingDirectory, target.Folder, "release.json"));
        var changelogPath = Resolve(options.Changelog, workingDirectory, target.Folder, "CHANGELOG.md");
        var changelog = ChangelogReader.Parse(Path.GetRelativePath(target.Folder, changelogPath).Replace('\\', '/'), TextFile.Read(changelogPath, "changelog"));
        var pullRequest = PullRequestEvent.FromEnvironment(environment);
        var baseline = options.Baseline is null ? null : BaselineReader.Read(Path.GetFullPath(Path.Combine(workingDirectory, options.Baseline)));
        TestResults? testResults = null;
        if (options.TestResults.Count > 0)
        {
            testResults = TestResultsReader.Load(options.TestResults, workingDirectory);
        }

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
            withEarlierApiFormat: baseline?.LegacyPublicApi is { Count: > 0 });
        if (interactive)
        {
            log.Write("\r" + new string(' ', 60) + "\r");
        }

        var asOf = options.AsOf ?? DateOnly.FromDateTime(DateTime.Today);
        var input = new GateInput(release, changelog, assemblies, testResults, baseline, asOf) { Flaky = options.Flaky, PullRequest = pullRequest, LabelScheme = options.LabelScheme };
        return new GateResult(input, Gatekeeper.Decide(input));
    }

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
