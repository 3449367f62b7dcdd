using System;
using System.Collections.Generic;
using System.IO;
using RegressionProof.Gate.Checks;
using RegressionProof.Gate.Inputs;
using RegressionProof.Gate.Model;
using RegressionProof.Gate.Outputs;

namespace RegressionProof.Gate.Cli;

/// <summary>
/// <c>close-out</c>: after the deploy, the release's close-out (RPG020). It reads the release file
/// (with its deploy record and each card's status and monitoring links), the coverage manifest the
/// gate wrote for the release (which probes each card has) and the deployed build, decides, and
/// appends its record to the release log the gate wrote, keeping everything already in it.
/// </summary>
internal static class CloseOutCommand
{
    public static int Run(GateOptions options, TextWriter stdout, TextWriter stderr, string workingDirectory, bool interactive)
    {
        var target = Discovery.Resolve(Path.Combine(workingDirectory, options.Path), options.Configuration);
        var releasePath = options.Release is null ? Path.Combine(target.Folder, "release.json") : Path.GetFullPath(Path.Combine(workingDirectory, options.Release));
        var release = ReleaseFileReader.Read(releasePath) with { Path = Path.GetRelativePath(target.Folder, releasePath).Replace('\\', '/') };

        var outputs = Path.GetFullPath(Path.Combine(workingDirectory, options.Out));
        var manifestPath = options.Manifest is null ? Path.Combine(outputs, GateCommand.CoverageManifestFile) : Path.GetFullPath(Path.Combine(workingDirectory, options.Manifest));
        if (!File.Exists(manifestPath))
        {
            throw new InputException(manifestPath, "there is no coverage manifest: give the one the gate wrote for this release (--manifest), or the --out the gate wrote to");
        }

        var manifest = BaselineReader.Read(manifestPath, "coverage manifest") with { Path = Path.GetRelativePath(outputs, manifestPath).Replace('\\', '/') };
        if (!string.Equals(manifest.Version, release.Version, StringComparison.Ordinal))
        {
            throw new InputException(manifestPath,
                $"is the coverage manifest of release {Text.Printable(manifest.Version ?? "(no version)")}, not of {Text.Printable(release.Version)}; give the one the gate wrote for this release (--manifest)");
        }

        var releaseLog = Path.Combine(outputs, GateCommand.ReleaseLogFile);
        if (!File.Exists(releaseLog))
        {
            throw new InputException(releaseLog, "there is no release log to record the close-out in: gate the release first, writing to the same --out");
        }

        var deployed = GateCommand.ScanBuild(target, options, stderr, interactive);
        var input = new CloseOutInput(release, manifest, deployed, options.AsOfTime ?? DateTimeOffset.UtcNow);
        var findings = CloseOutCheck.Decide(input);
        var record = CloseOutWriter.Record(input, findings);
        ReportAppend.Append(outputs, GateCommand.ReleaseLogFile, record);

        stdout.Write(options.Format switch
        {
            "markdown" => record,
            "sarif" => SarifWriter.Write(Result(input, findings)),
            "github" => GitHubAnnotationWriter.Write(Result(input, findings)),
            _ => CloseOutWriter.Summary(input, findings, Shown(releaseLog, workingDirectory)),
        });
        return GateResult.Passes(findings) ? ExitCodes.Pass : ExitCodes.Fail;
    }

    /// <summary>A path as the person who ran the command finds it: from the current directory when it is below it, else whole.</summary>
    private static string Shown(string path, string workingDirectory) =>
        Path.GetRelativePath(workingDirectory, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)
            ? relative.Replace('\\', '/')
            : path;

    /// <summary>The findings as the gate's writers take them, for SARIF and annotations: the release and the deployed build, no changelog or results.</summary>
    private static GateResult Result(CloseOutInput input, IReadOnlyList<Finding> findings) =>
        new(new GateInput(input.Release, ChangelogReader.Parse(string.Empty, string.Empty), input.Deployed, null, null, DateOnly.FromDateTime(input.AsOf.UtcDateTime)), findings);
}
