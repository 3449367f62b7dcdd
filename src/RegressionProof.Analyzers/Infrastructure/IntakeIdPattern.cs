using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace RegressionProof.Analyzers.Infrastructure
{
    /// <summary>
    /// The configured shape of intake IDs (<c>regression_proof.intake_id_pattern</c>), compiled once
    /// per distinct pattern for the life of the process.
    /// </summary>
    internal sealed class IntakeIdPattern
    {
        public const string DefaultPattern = "^[A-Z][A-Z0-9]*-[0-9]+$";

        // A pathological user pattern must not hang the IDE: matching gives up after this long.
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

        private static readonly ConcurrentDictionary<string, IntakeIdPattern> Cache = new(StringComparer.Ordinal);

        public static readonly IntakeIdPattern Default = Parse(DefaultPattern);

        private readonly Regex? _regex;

        private IntakeIdPattern(string pattern, Regex? regex, string? error)
        {
            Pattern = pattern;
            _regex = regex;
            Error = error;
        }

        public string Pattern { get; }

        /// <summary>Why the pattern cannot be used, or null when it can.</summary>
        public string? Error { get; }

        public static IntakeIdPattern Parse(string pattern) => Cache.GetOrAdd(pattern, Create);

        /// <summary>
        /// True or false when the ID was checked; null when it could not be (invalid pattern, or
        /// matching timed out), in which case no diagnostic may be based on it.
        /// </summary>
        public bool? IsMatch(string intakeId)
        {
            if (_regex is null)
            {
                return null;
            }

            try
            {
                return _regex.IsMatch(intakeId);
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
                return new IntakeIdPattern(pattern, null, "regression_proof.intake_id_pattern is empty");
            }

            try
            {
                var regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
                return new IntakeIdPattern(pattern, regex, null);
            }
            catch (ArgumentException exception)
            {
                return new IntakeIdPattern(pattern, null, $"regression_proof.intake_id_pattern '{pattern}' is not a valid regular expression: {exception.Message}");
            }
        }
    }
}
