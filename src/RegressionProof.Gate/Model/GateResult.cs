using System;
using System.Collections.Generic;
using System.Linq;
using RegressionProof.Manifest;

namespace RegressionProof.Gate.Model;

/// <summary>How a card of the release stands.</summary>
internal sealed record CardStatus(Card Card, string Status, int Fixes, IReadOnlyList<ManifestLink> Proofs, IReadOnlyList<string> TestsExecuted);

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
                var tests = input.TestResults is null
                    ? []
                    : proofs.Where(p => p.Test is not null).Select(p => p.Test!).Distinct(StringComparer.Ordinal)
                        .SelectMany(test => ProofResults.Of(input, input.TestResults, test).Rows).Select(Executed).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal).ToList();
                return new CardStatus(card, status, input.FixesOf(card.Id).Count(), proofs, tests);
            })
            .ToList();
    }

    public GateInput Input { get; }

    /// <summary>The release log's line for a row of a proof: its last outcome, or every attempt when it passed only after a retry.</summary>
    public static string Executed(TestRow row) => row.PassedAfterRetry
        ? $"{row.Last.DisplayName}: passed after retry ({string.Join(", then ", row.Attempts.Select(a => $"{a.Outcome} in {a.File}"))})"
        : $"{row.Last.DisplayName}: {row.Last.Outcome}";

    public IReadOnlyList<Finding> Findings { get; }

    public bool Passed { get; }

    /// <summary>A release passes when no finding is an error that an exception does not waive; warnings are reported, never decide.</summary>
    public static bool Passes(IReadOnlyList<Finding> findings) => findings.All(f => !f.Fails);

    public string Verdict => Passed ? "pass" : "fail";

    public IReadOnlyList<CardStatus> Cards { get; }
}
