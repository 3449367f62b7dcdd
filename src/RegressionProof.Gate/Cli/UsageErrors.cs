using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace RegressionProof.Gate.Cli;

/// <summary>
/// One message for a command line that cannot be used, in the gate's words (they are what scripts
/// and people have read so far): a missing value, an unknown option (with the near option it was
/// probably meant to be), a second path, else the parser's own message.
/// </summary>
internal static class UsageErrors
{
    public static string? Of(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        foreach (var option in parsed.CommandResult.Children.OfType<OptionResult>())
        {
            if (option.Implicit || option.Option.Arity.MinimumNumberOfValues == 0)
            {
                continue;
            }

            if (option.Tokens.Count == 0 || option.Tokens.Any(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
            {
                return $"{option.IdentifierToken?.Value ?? option.Option.Name} needs a value; see --help";
            }
        }

        // An unknown option before any path is taken for the path; it is still an unknown option.
        var path = parsed.GetValue<string>(command.Arguments[0].Name);
        var unmatched = parsed.UnmatchedTokens;
        if ((path is not null && path.StartsWith('-') ? path : unmatched.FirstOrDefault(t => t.StartsWith('-'))) is { } unknown)
        {
            return Suggestion(unknown, command) is { } near
                ? $"unknown option {unknown}; did you mean {near}? see --help"
                : $"unknown option {unknown}; see --help";
        }

        if (unmatched.Count > 0)
        {
            var subcommands = command is RootCommand ? $" (a subcommand, {string.Join(", ", GateCli.Subcommands.SkipLast(1))} or {GateCli.Subcommands[^1]}, comes first)" : string.Empty;
            return $"one solution, project or folder to gate, not both '{path}' and '{unmatched[0]}'{subcommands}";
        }

        return parsed.Errors.Count == 0 ? null : parsed.Errors[0].Message;
    }

    /// <summary>The option of <paramref name="command"/> nearest to a mistyped one, if it is a slip away (a typo, not another word).</summary>
    public static string? Suggestion(string typed, Command command)
    {
        var name = typed.Split('=', 2)[0];
        return command.Options
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Where(alias => alias.StartsWith("--", StringComparison.Ordinal))
            .Select(alias => (Alias: alias, Distance: EditDistance(name, alias)))
            .Where(c => c.Distance <= Math.Max(1, c.Alias.Length / 4))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Alias, StringComparer.Ordinal)
            .Select(c => c.Alias)
            .FirstOrDefault();
    }

    /// <summary>Whether <paramref name="typed"/> is one slip away from <paramref name="meant"/>.</summary>
    public static bool IsSlip(string typed, string meant) => typed != meant && EditDistance(typed, meant) <= 1;

    // Levenshtein distance, with a swap of two neighbours counting as one slip (--no-biuld).
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
