using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace RegressionProof.Analyzers.Infrastructure;

/// <summary>
/// The configured shape of intake IDs (<c>regression_proof.intake_id_pattern</c>), compiled once
/// per distinct pattern for the life of the process.
/// </summary>
internal sealed class IntakeIdPattern
{
    // \z, not $: $ also matches before a final newline, so "INTAKE-7\n" would pass.
    public const string DefaultPattern = "^[A-Z][A-Z0-9]*-[0-9]+\\z";

    /// <summary>
    /// How long one match may take. An honest pattern matches an ID in microseconds; a pattern
    /// with nested quantifiers can take years on a short ID, and this is what one such ID costs.
    /// </summary>
    public const int MatchTimeoutMilliseconds = 100;

    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds);

    private static readonly ConcurrentDictionary<string, IntakeIdPattern> Cache = new(StringComparer.Ordinal);

    public static readonly IntakeIdPattern Default = Parse(DefaultPattern);

    private readonly Regex? _regex;

    private IntakeIdPattern(string pattern, Regex? regex, ConfigurationProblem? problem)
    {
        Pattern = pattern;
        _regex = regex;
        Problem = problem;
    }

    public string Pattern { get; }

    /// <summary>Why the pattern cannot be used, or null when it can.</summary>
    public ConfigurationProblem? Problem { get; }

    public static IntakeIdPattern Parse(string pattern) => Cache.GetOrAdd(pattern, Create);

    /// <summary>
    /// Matches <paramref name="intakeId"/>; a timeout is not a match, it is <see cref="PatternMatch.TimedOut"/>
    /// (at most twice <see cref="MatchTimeout"/>).
    /// </summary>
    public PatternMatch Match(string intakeId)
    {
        if (_regex is null)
        {
            return PatternMatch.Unusable;
        }

        // The first match of a pattern in a process pays for compiling the regex interpreter's
        // code, and a loaded build machine can preempt any match: an honest pattern may time out
        // once, but not twice in a row. A timeout reports an error, so it is only believed twice.
        return TryMatch(intakeId) ?? TryMatch(intakeId) ?? PatternMatch.TimedOut;
    }

    private PatternMatch? TryMatch(string intakeId)
    {
        try
        {
            return _regex!.IsMatch(intakeId) ? PatternMatch.Match : PatternMatch.NoMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static IntakeIdPattern Create(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return new IntakeIdPattern(pattern, null, new ConfigurationProblem(Descriptors.RP0010_EmptyIntakeIdPattern, Location.None));
        }

        try
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            return new IntakeIdPattern(pattern, regex, null);
        }
        catch (ArgumentException exception)
        {
            // The exception message repeats the pattern: escaped like the pattern itself.
            return new IntakeIdPattern(pattern, null, new ConfigurationProblem(
                Descriptors.RP0010_InvalidIntakeIdPattern, Location.None, MessageText.Escape(pattern), MessageText.Escape(exception.Message)));
        }
    }
}

/// <summary>The outcome of matching an intake ID against the pattern.</summary>
internal enum PatternMatch
{
    Match,
    NoMatch,

    /// <summary>The match took longer than <see cref="IntakeIdPattern.MatchTimeout"/>.</summary>
    TimedOut,

    /// <summary>The pattern is invalid, or was given up on in this compilation: the ID was not checked.</summary>
    Unusable,
}
