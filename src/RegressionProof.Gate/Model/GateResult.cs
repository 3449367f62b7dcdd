using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Model;

/// <summary>How a card of the release stands.</summary>
/// <param name="TestsExecuted">The rows of the card's test proofs that ran on this build, each with its attempts (empty without test results).</param>
internal sealed record CardStatus(Card Card, string Status, int Fixes, IReadOnlyList<ManifestLink> Proofs, IReadOnlyList<TestRow> TestsExecuted);

/// <summary>The decision and everything the outputs report.</summary>
internal sealed class GateResult
{
    public GateResult(GateInput input, IReadOnlyList<Finding> findings)
    {
        Input = input;
        Findings = findings;
        Passed = Passes(findings);

        // One pass over the findings, not one per card: a release may carry 100,000 cards.
        var failingCards = findings.Where(f => f.Card is not null && f.Fails).Select(f => f.Card!).ToHashSet(StringComparer.Ordinal);
        Cards = input.Release.Cards
            .Select(card =>
            {
                var proofs = input.ProofsOf(card.Id).ToList();
                var failing = failingCards.Contains(card.Id);
                var status = proofs.Count == 0 || !proofs.Any(input.Counts) ? "unproven" : failing ? "failing" : "proven";
                var tests = proofs.Where(p => p.Test is not null).DistinctBy(p => p.Test, StringComparer.Ordinal)
                    .SelectMany(input.ResultsOf).Distinct()
                    .OrderBy(r => r.Last.Test, StringComparer.Ordinal).ThenBy(r => r.Last.DisplayName, StringComparer.Ordinal).ThenBy(r => r.Last.File, StringComparer.Ordinal).ToList();
                return new CardStatus(card, status, input.FixesOf(card.Id).Count(), proofs, tests);
            })
            .ToList();
    }

    public GateInput Input { get; }


    public IReadOnlyList<Finding> Findings { get; }

    public bool Passed { get; }

    /// <summary>A release passes when no finding is an error that an exception does not waive; warnings are reported, never decide.</summary>
    public static bool Passes(IReadOnlyList<Finding> findings) => findings.All(f => !f.Fails);

    public string Verdict => Passed ? "pass" : "fail";

    public IReadOnlyList<CardStatus> Cards { get; }
}
