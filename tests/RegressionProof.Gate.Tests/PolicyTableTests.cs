using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using RegressionProof.Gate.Checks;
using Xunit;

namespace RegressionProof.Gate.Tests;

/// <summary>
/// docs/gate.md keeps the gate in step with the policy, as docs/rules keeps the analyzers: its
/// "Checks" table has a row for every rule of Policies.All, with the rule's name and text, quoting
/// the policy; its "The policy, line by line" table maps every line of the policy documents
/// (docs/policy) once, word for word, to rules that exist (Policies.All, docs/rules), or says why
/// no machine checks it. The docs are copied beside the tests (docs/).
/// </summary>
public sealed class PolicyTableTests
{
    private const string ChecksHeader = "| rule | policy | check | why |";
    private const string LinesHeader = "| line | policy | enforced or recorded by |";
    private const string NoCheck = "no check: ";

    private static readonly string Docs = Path.Combine(AppContext.BaseDirectory, "docs");
    private static readonly Regex RuleId = new(@"\bRPG\d{3}\b|\bRP\d{4}\b", RegexOptions.CultureInvariant);
    private static readonly Regex Quote = new("\"([^\"]+)\"", RegexOptions.CultureInvariant);

    public static TheoryData<string> RuleIds => new(Policies.All.Select(p => p.RuleId));

    public static TheoryData<string> PolicyFiles => new(Directory.GetFiles(Path.Combine(Docs, "policy"), "*.md").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    public static TheoryData<string> RulesTheLineTableNames => new(LineRows().SelectMany(r => RulesIn(r.Rules)).Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_row_in_the_checks_table_with_its_name_and_text(string ruleId)
    {
        var policy = Policies.All.Single(p => p.RuleId == ruleId);

        var rows = Table(ChecksHeader).Where(row => row[0] == ruleId).ToList();

        Assert.True(rows.Count == 1, $"docs/gate.md has {rows.Count} rows for {ruleId} in its checks table; it needs one");
        Assert.Equal(policy.Name, rows[0][1]);
        Assert.StartsWith(policy.Reason, rows[0][2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_checks_table_has_no_row_for_a_rule_that_does_not_exist()
    {
        var rules = Policies.All.Select(p => p.RuleId).ToHashSet(StringComparer.Ordinal);

        Assert.All(Table(ChecksHeader), row => Assert.Contains(row[0], rules));
    }

    [Fact]
    public void Every_row_of_the_checks_table_quotes_the_policy_word_for_word()
    {
        var policy = PolicyFileNames().SelectMany(file => PolicyLines(file).Select(l => l.Text.Replace("**", string.Empty, StringComparison.Ordinal))).ToList();

        var problems = Table(ChecksHeader)
            .SelectMany(row => Quote.Matches(row[3]).Count == 0
                ? [$"{row[0]} quotes nothing of the policy"]
                : Quote.Matches(row[3]).Select(m => m.Groups[1].Value).Where(q => !policy.Any(line => line.Contains(q, StringComparison.Ordinal))).Select(q => $"{row[0]} quotes \"{q}\", which the policy does not say"))
            .ToList();

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Every_line_of_the_policy_is_in_the_line_table_once_word_for_word(string file)
    {
        var rows = LineRows().Where(r => r.File == file).ToList();

        var problems = new List<string>();
        foreach (var line in PolicyLines(file))
        {
            var mapped = rows.Where(r => r.Line == line.Number).ToList();
            if (mapped.Count != 1)
            {
                problems.Add($"{file}:{line.Number} is in the table {mapped.Count} times: {line.Text}");
            }
            else if (mapped[0].Text != line.Text)
            {
                problems.Add($"{file}:{line.Number} is \"{line.Text}\", but the table quotes \"{mapped[0].Text}\"");
            }
        }

        var lines = PolicyLines(file).Select(l => l.Number).ToHashSet();
        problems.AddRange(rows.Where(r => !lines.Contains(r.Line)).Select(r => $"{file}:{r.Line} is not a line of the policy with text"));
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_row_of_the_line_table_is_of_a_policy_document()
    {
        var files = PolicyFileNames().ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(LineRows());
        Assert.All(LineRows(), row => Assert.Contains(row.File, files));
    }

    [Fact]
    public void Every_line_is_mapped_to_a_rule_or_says_why_no_machine_checks_it()
    {
        var unmapped = LineRows()
            .Where(r => !RulesIn(r.Rules).Any() && !(r.Rules.StartsWith(NoCheck, StringComparison.Ordinal) && r.Rules.Length > NoCheck.Length))
            .Select(r => $"{r.File}:{r.Line}: {r.Rules}");

        Assert.Empty(unmapped);
    }

    [Theory]
    [MemberData(nameof(RulesTheLineTableNames))]
    public void Every_rule_the_line_table_names_exists(string ruleId)
    {
        var lines = string.Join(", ", LineRows().Where(r => RulesIn(r.Rules).Contains(ruleId)).Select(r => $"{r.File}:{r.Line}"));

        if (ruleId.StartsWith("RPG", StringComparison.Ordinal))
        {
            Assert.True(Policies.All.Any(p => p.RuleId == ruleId), $"docs/gate.md maps {lines} to {ruleId}, which is not a rule of the gate (Policies.All)");
        }
        else
        {
            Assert.True(File.Exists(Path.Combine(Docs, "rules", ruleId + ".md")), $"docs/gate.md maps {lines} to {ruleId}, which is not an analyzer rule (docs/rules/{ruleId}.md)");
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_of_the_gate_enforces_a_line_of_the_policy(string ruleId)
    {
        Assert.Contains(LineRows(), row => RulesIn(row.Rules).Contains(ruleId));
    }

    [Theory]
    [InlineData("| RPG001 | evidence | a \\| b | \"x\" |", new[] { "RPG001", "evidence", "a | b", "\"x\"" })]
    [InlineData("|a|b|", new[] { "a", "b" })]
    [InlineData("| 1 | \\| x \\| |", new[] { "1", "| x |" })]
    public void A_table_row_is_split_at_its_unescaped_bars(string row, string[] cells)
    {
        Assert.Equal(cells, Cells(row));
    }

    private sealed record LineRow(string File, int Line, string Text, string Rules);

    private static IEnumerable<string> PolicyFileNames() =>
        Directory.GetFiles(Path.Combine(Docs, "policy"), "*.md").Select(f => Path.GetFileName(f));

    /// <summary>The lines with text of a policy document, numbered from 1, white space runs read as one space.</summary>
    private static IEnumerable<(int Number, string Text)> PolicyLines(string file) =>
        File.ReadAllLines(Path.Combine(Docs, "policy", file))
            .Select((text, index) => (Number: index + 1, Text: Normalize(text)))
            .Where(line => line.Text.Length > 0);

    private static List<LineRow> LineRows() =>
        Table(LinesHeader).Select(row =>
        {
            var at = row[0].LastIndexOf(':');
            Assert.True(at > 0 && int.TryParse(row[0][(at + 1)..], out _), $"\"{row[0]}\" is not a file:line of a policy document");
            return new LineRow(row[0][..at], int.Parse(row[0][(at + 1)..], System.Globalization.CultureInfo.InvariantCulture), Normalize(row[1]), row[2]);
        }).ToList();

    private static IEnumerable<string> RulesIn(string cell) => RuleId.Matches(cell).Select(m => m.Value);

    /// <summary>The rows of the table of docs/gate.md under <paramref name="header"/>, split into cells.</summary>
    private static List<string[]> Table(string header)
    {
        var lines = File.ReadAllLines(Path.Combine(Docs, "gate.md"));
        var start = Array.IndexOf(lines, header);
        Assert.True(start >= 0, $"docs/gate.md has no table headed {header}");
        return lines.Skip(start + 2).TakeWhile(line => line.StartsWith('|')).Select(Cells).ToList();
    }

    private static string[] Cells(string row)
    {
        var inner = row.Trim();
        inner = inner.EndsWith('|') && !inner.EndsWith("\\|", StringComparison.Ordinal) ? inner[..^1] : inner;
        inner = inner.StartsWith('|') ? inner[1..] : inner;
        return Regex.Split(inner, @"(?<!\\)\|").Select(cell => cell.Replace("\\|", "|", StringComparison.Ordinal).Trim()).ToArray();
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
