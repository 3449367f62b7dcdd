using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RegressionProof.Gate.Model;

namespace RegressionProof.Gate.Checks;

/// <summary>
/// Close-out, after the deploy ("Post-deploy" and "Close-out" of the deployment flow): at least
/// one full traffic cycle has passed since the deploy, and every card of the release is
/// <c>shipped</c>, has post-deploy monitoring evidence, and keeps its probes, alerts and
/// dashboard panels in place in the deployed build.
/// </summary>
internal static class CloseOutCheck
{
    /// <summary>The rows of the policy table close-out enforces; it runs in its own subcommand, not in <see cref="Gatekeeper"/>.</summary>
    public static readonly IReadOnlyList<Policy> Enforces = [Policies.CloseOut];

    /// <summary>The intake card status close-out asks for.</summary>
    public const string Shipped = "shipped";

    /// <summary>Every finding, placed and in the gate's order: by rule, card, message, then location.</summary>
    public static IReadOnlyList<Finding> Decide(CloseOutInput input) =>
        Check(input)
            .Select(finding => Place(finding, input.Release))
            .OrderBy(f => f.Card ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ToList();

    public static IEnumerable<Finding> Check(CloseOutInput input)
    {
        var release = input.Release;
        if (release.Deploy is not { } deploy)
        {
            yield return Error(null,
                $"release {release.Version} has no deploy record, so no traffic cycle can be told complete",
                "record the deploy in the release file: \"deploy\": { \"at\": \"<the deploy time, such as 2026-11-24T09:30:00Z>\" } (\"trafficCycle\" is 24h unless given)");
        }
        else if (deploy.CycleEnds > input.AsOf)
        {
            yield return Error(null,
                $"the first full traffic cycle after the deploy ({Duration(deploy.TrafficCycle)} from {Time(deploy.At)}) ends at {Time(deploy.CycleEnds)}, after this close-out at {Time(input.AsOf)}",
                $"close out after {Time(deploy.CycleEnds)}, once the monitoring covers the whole cycle");
        }

        foreach (var card in release.Cards)
        {
            if (!string.Equals(card.Status, Shipped, StringComparison.Ordinal))
            {
                yield return Error(card.Id,
                    card.Status is null ? $"{card.Id} has no status; close-out needs the card shipped" : $"{card.Id} has the status \"{card.Status}\", not \"{Shipped}\"",
                    $"update the intake card and set \"status\": \"{Shipped}\" of {card.Id} in the release file");
            }

            if (!card.Monitoring.Any(EvidenceCheck.IsHttpLink))
            {
                yield return Error(card.Id,
                    $"{card.Id} has no post-deploy monitoring evidence (an http(s) link in \"monitoring\")",
                    $"attach links to the monitoring of {card.Id}'s regression signals over the traffic cycle to \"monitoring\" of the card in the release file");
            }

            foreach (var probe in input.ProbesOf(card.Id).Where(p => !input.IsDeployed(p)))
            {
                yield return new Finding(Policies.CloseOut.Name, Policies.CloseOut.RuleId, FindingLevel.Error, card.Id,
                    $"the {probe.Kind} {probe.Display} of {card.Id} is not in the deployed build",
                    "keep the probe in place: deploy a build that has it",
                    SourceLocation.Of(probe));
            }
        }
    }

    /// <summary>A time as the record shows it: UTC, to the second.</summary>
    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A traffic cycle in the release file's words: two or more whole days as <c>7d</c>, else hours (<c>24h</c>, <c>36h</c>).</summary>
    public static string Duration(TimeSpan cycle) =>
        cycle.TotalDays >= 2 && cycle.TotalHours % 24 == 0
            ? ((int)cycle.TotalDays).ToString(CultureInfo.InvariantCulture) + "d"
            : ((int)cycle.TotalHours).ToString(CultureInfo.InvariantCulture) + "h";

    private static Finding Error(string? card, string message, string fix) =>
        new(Policies.CloseOut.Name, Policies.CloseOut.RuleId, FindingLevel.Error, card, message, fix);

    /// <summary>A finding without a source line points at the release file: the card's line, else the deploy record's.</summary>
    private static Finding Place(Finding finding, ReleaseFile release)
    {
        if (finding.Location is not null)
        {
            return finding;
        }

        var lines = release.Lines;
        var line = finding.Card is { } card && lines.TryGetValue("card:" + card, out var cardLine) ? cardLine
            : lines.TryGetValue("deploy", out var deployLine) ? deployLine
            : lines.TryGetValue("version", out var versionLine) ? versionLine
            : 0;
        return finding with { Location = new SourceLocation(release.Path, line) };
    }
}
