using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// Bounds what matching intake IDs against the configured pattern may cost in one compilation.
/// A pattern is given up on, for the rest of the compilation, at its first timeout or when all
/// matching together has taken <see cref="TotalBudget"/>: a pattern that backtracks
/// catastrophically then costs one timeout per thread, not one per attribute. The time measured
/// is the only input of a diagnostic that depends on the clock, and only for such patterns.
/// </summary>
internal sealed class IntakeIdMatchBudget
{
    /// <summary>What matching may take in all in one compilation: thousands of honest matches take milliseconds.</summary>
    public static readonly TimeSpan TotalBudget = TimeSpan.FromSeconds(1);

    private static readonly long TotalBudgetTicks = (long)(TotalBudget.TotalSeconds * Stopwatch.Frequency);

    private readonly ConcurrentDictionary<string, GivenUpPattern> _givenUp = new(StringComparer.Ordinal);
    private readonly TimeSpan _matchTimeout;
    private readonly long _budgetTicks;
    private long _spentTicks;

    public IntakeIdMatchBudget()
        : this(IntakeIdPattern.MatchTimeout, TotalBudgetTicks)
    {
    }

    // For tests: a budget that runs out sooner than a second.
    internal IntakeIdMatchBudget(TimeSpan matchTimeout, long budgetTicks)
    {
        _matchTimeout = matchTimeout;
        _budgetTicks = budgetTicks;
    }

    /// <summary>The patterns given up on, each with the ID that was being matched and why: one RP0010 each.</summary>
    public IEnumerable<GivenUpPattern> GivenUp => _givenUp.Values;

    /// <summary>
    /// Matches <paramref name="intakeId"/>, unless the pattern has been given up on in this
    /// compilation (then <see cref="PatternMatch.Unusable"/>: the ID is not checked).
    /// </summary>
    public PatternMatch Match(IntakeIdPattern pattern, string intakeId)
    {
        if (_givenUp.ContainsKey(pattern.Pattern))
        {
            return PatternMatch.Unusable;
        }

        if (Volatile.Read(ref _spentTicks) >= _budgetTicks)
        {
            // The budget is spent (by another .editorconfig section's pattern, or by a racing match): given up on too, and said so.
            _givenUp.TryAdd(pattern.Pattern, new GivenUpPattern(
                pattern.Pattern, intakeId, "was not attempted: matching had already used up " + Budget()));
            return PatternMatch.Unusable;
        }

        var started = Stopwatch.GetTimestamp();
        var result = pattern.Match(intakeId);
        var spent = Interlocked.Add(ref _spentTicks, Stopwatch.GetTimestamp() - started);

        if (result == PatternMatch.TimedOut)
        {
            _givenUp.TryAdd(pattern.Pattern, new GivenUpPattern(pattern.Pattern, intakeId, "took longer than " + Milliseconds(_matchTimeout.TotalMilliseconds) + " ms"));
        }
        else if (spent >= _budgetTicks)
        {
            _givenUp.TryAdd(pattern.Pattern, new GivenUpPattern(pattern.Pattern, intakeId, "used up " + Budget()));
        }

        return result;
    }

    private string Budget() =>
        "the " + Milliseconds(_budgetTicks * 1000.0 / Stopwatch.Frequency) + " ms that matching intake IDs may take in one compilation";

    private static string Milliseconds(double milliseconds) => Math.Round(milliseconds).ToString(CultureInfo.InvariantCulture);
}

/// <summary>A pattern that is no longer evaluated in this compilation, and why.</summary>
internal sealed class GivenUpPattern
{
    public GivenUpPattern(string pattern, string intakeId, string reason)
    {
        Pattern = pattern;
        IntakeId = intakeId;
        Reason = reason;
    }

    public string Pattern { get; }

    /// <summary>The ID whose match made the pattern be given up on.</summary>
    public string IntakeId { get; }

    /// <summary>What happened, completing "matching the intake ID … ".</summary>
    public string Reason { get; }
}
