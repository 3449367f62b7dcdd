using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Cli;

/// <summary>What verify-regression-safety was asked to do (docs/gate.md, "Options"); <see cref="GateCli"/> defines the command line.</summary>
internal sealed record GateOptions
{
    /// <summary>A relative <c>--out</c> is taken from the current directory (docs/gate.md, "Outputs").</summary>
    public const string DefaultOut = "artifacts/regression-proof";

    public GateSubcommand Command { get; init; } = GateSubcommand.Gate;

    public string Path { get; init; } = ".";

    public string? Release { get; init; }

    public string? Changelog { get; init; }

    public List<string> TestResults { get; init; } = [];

    public string? Baseline { get; init; }

    public DateOnly? AsOf { get; init; }

    /// <summary>The moment of a close-out (<c>close-out --as-of</c>); null for now.</summary>
    public DateTimeOffset? AsOfTime { get; init; }

    /// <summary>The coverage manifest the gate wrote for the release being closed out; null for the one in <see cref="Out"/>.</summary>
    public string? Manifest { get; init; }

    public string Out { get; init; } = DefaultOut;

    public string Format { get; init; } = "text";

    public bool NoBuild { get; init; }

    public string Configuration { get; init; } = "Release";

    public FlakyPolicy Flaky { get; init; } = FlakyPolicy.Warn;

    /// <summary>The URL of a source line, with <c>{commit}</c>, <c>{path}</c> and <c>{line}</c>; null to detect it on CI.</summary>
    public string? SourceUrlTemplate { get; init; }

    /// <summary>The pull-request label of the release class: <c>{class}</c> stands for patch, minor or major (<c>--label-scheme</c>).</summary>
    public string LabelScheme { get; init; } = Model.PullRequest.DefaultLabelScheme;

    /// <summary>Parses a command line that runs a command; a usage error is an <see cref="OptionException"/> (exit 2).</summary>
    public static GateOptions Parse(IReadOnlyList<string> args)
    {
        var parsed = GateCli.Parse(GateCli.Build(), args);
        return UsageErrors.Of(parsed) is { } message ? throw new OptionException(message) : GateCli.ToOptions(parsed);
    }

    /// <summary>
    /// The options, once checked against the file system: <c>--out</c> names a folder (or one to
    /// create), never a file nor a path through one; a path that is not there but is a subcommand
    /// mistyped is said to be one.
    /// </summary>
    public GateOptions CheckedIn(string workingDirectory)
    {
        var target = System.IO.Path.Combine(workingDirectory, Path);
        if (Command == GateSubcommand.Gate && !System.IO.File.Exists(target) && !System.IO.Directory.Exists(target)
            && GateCli.Subcommands.FirstOrDefault(name => UsageErrors.IsSlip(Path, name)) is { } subcommand)
        {
            throw new OptionException($"'{Path}' is neither a file nor a folder; did you mean the subcommand {subcommand}? see --help");
        }

        var folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(workingDirectory, Out));
        for (var at = folder; !string.IsNullOrEmpty(at); at = System.IO.Path.GetDirectoryName(at))
        {
            if (System.IO.File.Exists(at))
            {
                throw new OptionException(at == folder
                    ? $"--out '{Out}' is a file; give a folder"
                    : $"--out '{Out}' is inside the file '{at}'; give a folder");
            }
        }

        return this;
    }
}

/// <summary>The command of the command line: the gate itself unless a subcommand comes first.</summary>
internal enum GateSubcommand
{
    Gate,
    Init,
    Check,
    CloseOut,
}

/// <summary>A command line that cannot be used.</summary>
internal sealed class OptionException(string message) : Exception(message);
