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

/// <summary>
/// <c>check</c>: a pull request, before any release is planned. The gate's own checks run on a
/// release with no file behind it, whose cards are every card the build links, so: every fix has a
/// proof, every test proof ran and passed (with --test-results), no proof of a baseline card is
/// gone (with --baseline). What only a release has (evidence, owner + backup, approvals, rollback,
/// changelog, API class, migration tests, fast-patch lane, suspect proofs) is not checked.
/// </summary>
internal static class CheckCommand
{
    private static readonly Func<GateInput, IEnumerable<Finding>>[] Checks =
    [
        RegressionProofCheck.Check,
        KeepProbesCheck.Check,
    ];

    public static int Run(GateOptions options, TextWriter stdout, TextWriter stderr, string workingDirectory, bool interactive)
    {
        var result = Decide(options, workingDirectory, stderr, interactive);
        stdout.Write(GateCommand.Document(options.Format, result, Summary));
        return result.Passed ? ExitCodes.Pass : ExitCodes.Fail;
    }

    public static GateResult Decide(GateOptions options, string workingDirectory, TextWriter log, bool interactive)
    {
        var target = Discovery.Resolve(Path.Combine(workingDirectory, options.Path), options.Configuration);
        var baseline = options.Baseline is null ? null : BaselineReader.Read(Path.GetFullPath(Path.Combine(workingDirectory, options.Baseline)));
        var testResults = options.TestResults.Count > 0 ? TestResultsReader.Load(options.TestResults, workingDirectory) : null;
        var assemblies = GateCommand.ScanBuild(target, options, log, interactive, withEarlierApiFormat: baseline?.LegacyPublicApi is { Count: > 0 });

        // Every linked card is "of the release", so every test proof in the build must have run and passed.
        var cards = assemblies.SelectMany(a => a.Links).Select(l => l.Card).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => new Card(id, null, null, null, null, null, []))
            .ToList();
        var release = new ReleaseFile(string.Empty, "(pull request)", ReleaseClass.Patch, ReleaseLane.Standard, [], new Rollback(null, false, false), cards, []);
        var changelog = ChangelogReader.Parse(string.Empty, string.Empty);
        var input = new GateInput(release, changelog, assemblies, testResults, baseline, options.AsOf ?? DateOnly.FromDateTime(DateTime.Today)) { Flaky = options.Flaky };
        var findings = Checks.SelectMany(check => check(input))
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Card ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        return new GateResult(input, findings);
    }

    private static string Summary(GateResult result)
    {
        var input = result.Input;
        var text = new StringBuilder("verify-regression-safety check: ")
            .Append(input.Assemblies.Count).Append(" assemblies, ").Append(input.Links.Count).Append(" links")
            .Append(input.TestResults is null ? ", no test results (pass --test-results to check that the proofs ran and passed)" : $", {input.TestResults.All.Count} test results from {input.TestResults.Files.Count} files")
            .Append(input.Baseline is null ? ", no baseline" : ", against the baseline")
            .Append("\n\n");
        SummaryWriter.AppendCardsAndFindings(text, result);
        text.Append('\n').Append(result.Passed ? "PASS: every fix in the build has a regression proof" : $"FAIL: the pull request fails the check ({result.Findings.Count(f => f.Level == FindingLevel.Error)} errors)")
            .Append(" (not checked: evidence, owner + backup, approvals, rollback, changelog, API class; the release gate checks them)\n");
        return text.ToString();
    }
}
