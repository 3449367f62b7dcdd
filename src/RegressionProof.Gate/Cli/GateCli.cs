using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using O = RegressionProof.Gate.Cli.GateCliOptions;

namespace RegressionProof.Gate.Cli;

/// <summary>
/// The command tree of verify-regression-safety: the gate (the root command, so
/// <c>verify-regression-safety Shop.sln …</c> gates as it always did), <c>init</c>, <c>check</c> and <c>close-out</c>;
/// help, validation, completion (the <c>[suggest]</c> directive) and suggestions all come from it.
/// </summary>
internal static class GateCli
{
    public const string Name = "verify-regression-safety";

    /// <summary>A fresh tree: parsing leaves results on the symbols' parse state, never on shared statics.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("Decide a release from its build artifacts. Builds the solution (unless --no-build), reads the RegressionProof manifest embedded in every project's assemblies (without loading them), and checks the release against the guarded release path: evidence, owner + backup, regression proof, approvals, rollback, changelog, API class, fast-patch lane, probes kept in place, suspect proofs, audited exceptions, release labels.")
        {
            O.Target(),
            O.Release("The release file. Default: release.json beside the solution."),
            O.Changelog("The changelog (Keep a Changelog). Default: CHANGELOG.md beside the solution."),
            O.TestResults(),
            O.Flaky(),
            O.Baseline(),
            O.AsOf(),
            O.Out(),
            O.Format(),
            O.SourceUrlTemplate(),
            O.LabelScheme(),
            O.NoBuild(),
            O.Configuration(),
        };

        var init = new Command("init", "Start from nothing: write a release.json listing the cards found in the built manifests (owner, backup, version and class left for you to fill in; the gate refuses the file until they are) and a CHANGELOG.md with an [Unreleased] section, never overwriting a file that exists; then print the next steps.")
        {
            O.Target(),
            O.Release("Where to write the release file. Default: release.json beside the solution."),
            O.Changelog("Where to write the changelog. Default: CHANGELOG.md beside the solution."),
            O.NoBuild(),
            O.Configuration(),
        };

        var check = new Command("check", "Check a pull request before a release is planned, with no release file: every [Fixes] in the build has a regression proof, every test proof ran and passed (with --test-results), and no proof of a baseline card was removed (with --baseline). It does not check what only a release has: evidence, owner + backup, approvals, rollback, changelog, API class, migration tests, fast-patch lane, suspect proofs.")
        {
            O.Target(),
            O.TestResults(),
            O.Flaky(),
            O.Baseline(),
            O.AsOf(),
            O.Format(),
            O.NoBuild(),
            O.Configuration(),
        };

        var closeOut = new Command("close-out", "After the deploy: check that at least one full traffic cycle has passed since the deploy the release file records, and that every card is shipped, has post-deploy monitoring evidence, and keeps its probes, alerts and dashboard panels (from the coverage manifest the gate wrote) in place in the deployed build; then append the close-out record to release-log.md in --out.")
        {
            O.Target(),
            O.Release("The release file, with the deploy record and each card's status and monitoring links. Default: release.json beside the solution."),
            O.Manifest(),
            O.CloseOutAsOf(),
            O.Out(),
            O.CloseOutFormat(),
            O.NoBuild(),
            O.Configuration(),
        };

        // A fixed width keeps help the same on every terminal and in tests.
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            if (help.Action is System.CommandLine.Help.HelpAction action)
            {
                action.MaxWidth = 110;
            }
        }

        root.Add(init);
        root.Add(check);
        root.Add(closeOut);
        foreach (var command in new Command[] { root, init, check, closeOut })
        {
            command.Action = RunCommand.Instance;
        }

        return root;
    }

    /// <summary>
    /// Marks a command line that runs a command (rather than help, --version or a directive); the
    /// gate runs it itself, with its own writers, exit codes and messages.
    /// </summary>
    public sealed class RunCommand : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public static readonly RunCommand Instance = new();

        public override int Invoke(ParseResult parseResult) => ExitCodes.Pass;
    }

    /// <summary>
    /// Parses a command line. An argument is what it says: "@name" is a path, as it always was,
    /// not a response file to expand.
    /// </summary>
    public static ParseResult Parse(RootCommand root, IReadOnlyList<string> args) =>
        root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>The subcommands, for messages that list them.</summary>
    public static IReadOnlyList<string> Subcommands { get; } = ["init", "check", "close-out"];

    /// <summary>Reads the parsed command line back into options (the names are the ones <see cref="GateCliOptions"/> defines).</summary>
    public static GateOptions ToOptions(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        // By name and type: close-out's --as-of is a time, the gate's a day.
        T? Get<T>(string name) => command.Options.Any(o => o.Name == name && o.ValueType == typeof(T)) ? parsed.GetValue<T>(name) : default;
        return new GateOptions
        {
            Command = command.Name switch
            {
                "init" => GateSubcommand.Init,
                "check" => GateSubcommand.Check,
                "close-out" => GateSubcommand.CloseOut,
                _ => GateSubcommand.Gate,
            },
            Path = parsed.GetValue<string>(command.Arguments[0].Name) ?? ".",
            Release = Get<string?>("--release"),
            Changelog = Get<string?>("--changelog"),
            TestResults = [.. Get<string[]>("--test-results") ?? []],
            Flaky = Get<Model.FlakyPolicy>("--flaky"),
            Baseline = Get<string?>("--baseline"),
            AsOf = Get<DateOnly?>("--as-of"),
            AsOfTime = Get<DateTimeOffset?>("--as-of"),
            Manifest = Get<string?>("--manifest"),
            Out = Get<string>("--out") ?? GateOptions.DefaultOut,
            Format = Get<string>("--format") ?? "text",
            SourceUrlTemplate = Get<string?>("--source-url-template"),
            LabelScheme = Get<string>("--label-scheme") ?? Model.PullRequest.DefaultLabelScheme,
            NoBuild = Get<bool>("--no-build"),
            Configuration = Get<string>("--configuration") ?? "Release",
        };
    }
}
