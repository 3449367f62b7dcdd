using System;
using System.Collections.Generic;
using System.Globalization;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Cli;

/// <summary>The options of verify-regression-safety (docs/gate.md, "Options"; the names are contract).</summary>
internal sealed record GateOptions
{
    public string Path { get; init; } = ".";

    public string? Release { get; init; }

    public string? Changelog { get; init; }

    public List<string> TestResults { get; init; } = [];

    public string? Baseline { get; init; }

    public DateOnly? AsOf { get; init; }

    public string Out { get; init; } = "artifacts/regression-proof";

    public string Format { get; init; } = "text";

    public bool NoBuild { get; init; }

    public string Configuration { get; init; } = "Release";

    public bool Help { get; init; }

    public FlakyPolicy Flaky { get; init; } = FlakyPolicy.Warn;

    /// <summary>The pull-request label of the release class: <c>{class}</c> stands for patch, minor or major (<c>--label-scheme</c>).</summary>
    public string LabelScheme { get; init; } = PullRequest.DefaultLabelScheme;

    public static readonly string[] Formats = ["text", "json", "markdown", "sarif", "github"];

    /// <summary>Parses the command line; a usage error is an <see cref="OptionException"/> (exit 2).</summary>
    public static GateOptions Parse(IReadOnlyList<string> args)
    {
        var options = new GateOptions();
        string? positional = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new OptionException($"{arg} needs a value; see --help");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    options = options with { Help = true };
                    break;
                case "--release":
                    options = options with { Release = Value() };
                    break;
                case "--changelog":
                    options = options with { Changelog = Value() };
                    break;
                case "--test-results":
                    options.TestResults.Add(Value());
                    break;
                case "--baseline":
                    options = options with { Baseline = Value() };
                    break;
                case "--as-of":
                    var date = Value();
                    options = options with
                    {
                        AsOf = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf)
                            ? asOf
                            : throw new OptionException($"--as-of '{date}' is not a date in the form yyyy-MM-dd"),
                    };
                    break;
                case "--out":
                    var folder = Value();
                    options = options with
                    {
                        Out = string.IsNullOrWhiteSpace(folder) ? throw new OptionException("--out needs a folder, not an empty name") : folder,
                    };
                    break;
                case "--format":
                    var format = Value();
                    options = options with
                    {
                        Format = Array.IndexOf(Formats, format) >= 0
                            ? format
                            : throw new OptionException($"--format '{format}' is not one of {string.Join(", ", Formats)}"),
                    };
                    break;
                case "--flaky":
                    var flaky = Value();
                    options = options with
                    {
                        Flaky = flaky switch
                        {
                            "warn" => FlakyPolicy.Warn,
                            "fail" => FlakyPolicy.Fail,
                            _ => throw new OptionException($"--flaky '{flaky}' is not one of fail, warn"),
                        },
                    };
                    break;
                case "--label-scheme":
                    var scheme = Value();
                    options = options with
                    {
                        LabelScheme = scheme.Contains(PullRequest.ClassPlaceholder, StringComparison.Ordinal)
                            ? scheme
                            : throw new OptionException($"--label-scheme '{scheme}' must contain {PullRequest.ClassPlaceholder}, e.g. \"release:{PullRequest.ClassPlaceholder}\""),
                    };
                    break;
                case "--no-build":
                    options = options with { NoBuild = true };
                    break;
                case "-c" or "--configuration":
                    options = options with { Configuration = Value() };
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new OptionException($"unknown option {arg}; see --help");
                    }

                    if (positional is not null)
                    {
                        throw new OptionException($"one solution, project or folder to gate, not both '{positional}' and '{arg}'");
                    }

                    positional = arg;
                    break;
            }
        }

        return positional is null ? options : options with { Path = positional };
    }

    /// <summary>
    /// The options, once checked against the file system: <c>--out</c> names a folder (or one to
    /// create), never a file nor a path through one.
    /// </summary>
    public GateOptions CheckedIn(string workingDirectory)
    {
        if (Help)
        {
            return this;
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

/// <summary>A command line that cannot be used.</summary>
internal sealed class OptionException(string message) : Exception(message);
