using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegressionProof.Analyzers.Infrastructure;
using RegressionProof.Analyzers.Rules;
using RegressionProof.Analyzers.Tests.Verifiers;
using Xunit;

namespace RegressionProof.Analyzers.Tests;

/// <summary>
/// Hostile configuration and source (issue 11): whatever a pattern, an ID or a release file holds,
/// the analyzers answer in bounded time, never throw, and never carry control characters into the
/// build log.
/// </summary>
public class HostileInputTests
{
    private const string CatastrophicPattern = "^(a+)+$";

    // Thirty a's and a character that cannot match: 2^30 ways to split them for ^(a+)+$ to try.
    private static readonly string CatastrophicId = new string('a', 30) + "!";

    [Fact]
    public async Task A_catastrophic_pattern_costs_a_bounded_time_per_compilation_and_is_reported_once_naming_its_key()
    {
        // 300 attributes: before the budget, 200 ms each (one minute of matching) and no diagnostic at all.
        var source = new StringBuilder("using RegressionProof;\nclass C\n{\n");
        for (var i = 0; i < 300; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"    [Fixes(\"{CatastrophicId}\")] void M{i}() {{ }}\n");
        }

        source.Append("}\n");

        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await RunAsync(CatastrophicPattern, source.ToString());
        stopwatch.Stop();

        var configuration = Assert.Single(diagnostics, d => d.Id == "RP0010");
        Assert.Equal(
            $"regression_proof.intake_id_pattern '^(a+)+$' is too slow to use: matching the intake ID \"{CatastrophicId}\" took longer than 100 ms. "
            + "It is not evaluated for the rest of this compilation, so only empty intake IDs and IDs with control characters are reported; rewrite it without nested quantifiers such as (a+)+.",
            configuration.GetMessage(CultureInfo.InvariantCulture));
        Assert.True(stopwatch.Elapsed.TotalSeconds < 15, $"matching took {stopwatch.Elapsed}");

        // The IDs whose match timed out are not matches; the ones after the pattern was given up on are not checked.
        var timedOut = diagnostics.Where(d => d.Id == "RP0002").ToList();
        Assert.NotEmpty(timedOut);
        Assert.True(timedOut.Count < 30, $"{timedOut.Count} of 300 matches timed out: the pattern was not given up on");
        Assert.All(timedOut, d => Assert.EndsWith(
            "could not be matched against the pattern '^(a+)+$' (regression_proof.intake_id_pattern) within 100 ms; a timeout is not a match (RP0010)",
            d.GetMessage(CultureInfo.InvariantCulture),
            System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_catastrophic_pattern_still_matches_ids_it_can_match_quickly()
    {
        var diagnostics = await RunAsync(CatastrophicPattern, "using RegressionProof; class C { [Fixes(\"aaaa\")] void M() { } [Fixes(\"INTAKE-1\")] void N() { } }");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("The intake ID \"INTAKE-1\" on 'C.N()' does not match the pattern '^(a+)+$' (regression_proof.intake_id_pattern)", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Once_the_budget_of_a_compilation_is_spent_the_pattern_is_no_longer_evaluated()
    {
        // A budget of one stopwatch tick: the first honest match spends it.
        var budget = new IntakeIdMatchBudget(IntakeIdPattern.MatchTimeout, budgetTicks: 1);
        var pattern = IntakeIdPattern.Default;

        Assert.Equal(PatternMatch.Match, budget.Match(pattern, "INTAKE-1"));
        Assert.Equal(PatternMatch.Unusable, budget.Match(pattern, "not an id"));

        var givenUp = Assert.Single(budget.GivenUp);
        Assert.Equal(("INTAKE-1", "used up the 0 ms that matching intake IDs may take in one compilation"), (givenUp.IntakeId, givenUp.Reason));

        // Another folder's pattern is not evaluated either, and gets its own RP0010.
        var other = IntakeIdPattern.Parse("^JIRA_[0-9]+\\z");
        Assert.Equal(PatternMatch.Unusable, budget.Match(other, "JIRA_1"));
        Assert.Equal(
            ["^JIRA_[0-9]+\\z JIRA_1 was not attempted: matching had already used up the 0 ms that matching intake IDs may take in one compilation", IntakeIdPattern.DefaultPattern + " INTAKE-1 used up the 0 ms that matching intake IDs may take in one compilation"],
            budget.GivenUp.Select(p => $"{p.Pattern} {p.IntakeId} {p.Reason}").Order(System.StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("INTAKE-7\n", "\"INTAKE-7\\n\"", "U+000A")]
    [InlineData("INTAKE-7\r\n", "\"INTAKE-7\\r\\n\"", "U+000D")]
    [InlineData("INTAKE-7\u2028", "\"INTAKE-7\\u2028\"", "U+2028")]
    [InlineData("INTAKE-\u202E7", "\"INTAKE-\\u202e7\"", "U+202E")]
    [InlineData("INTAKE-7\0", "\"INTAKE-7\\0\"", "U+0000")]
    [InlineData("\u001b[31mINTAKE-7", "\"\\u001b[31mINTAKE-7\"", "U+001B")]
    [InlineData("INTAKE-7\u009b", "\"INTAKE-7\\u009b\"", "U+009B")]
    public async Task An_id_with_a_control_character_is_reported_whatever_the_pattern_with_the_character_escaped(string id, string shown, string codePoint)
    {
        // [^x]+ would let anything through, the default pattern ends with \z; neither matters.
        foreach (var pattern in new[] { null, "^[A-Z]+-[0-9]+$", "[^x]+" })
        {
            var diagnostics = await RunAsync(pattern, $"using RegressionProof; class C {{ [Fixes(\"{Escape(id)}\")] void M() {{ }} }}");

            var diagnostic = Assert.Single(diagnostics);
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            Assert.Equal($"The intake ID {shown} on 'C.M()' contains the control character {codePoint}: an intake ID is one line of printable text", message);
            Assert.DoesNotContain(message, c => MessageText.IsUnsafe(c));
        }
    }

    [Fact]
    public async Task The_default_pattern_is_anchored_at_the_very_end()
    {
        Assert.Equal("^[A-Z][A-Z0-9]*-[0-9]+\\z", IntakeIdPattern.DefaultPattern);
        Assert.Equal(PatternMatch.NoMatch, IntakeIdPattern.Default.Match("INTAKE-7\n"));
        Assert.Equal(PatternMatch.Match, IntakeIdPattern.Default.Match("INTAKE-7"));
        Assert.Empty(await RunAsync(null, "using RegressionProof; class C { [Fixes(\"INTAKE-7\")] void M() { } }"));
    }

    [Fact]
    public async Task A_very_long_id_is_cut_in_the_message()
    {
        var id = new string('x', 100_000);

        var diagnostic = Assert.Single(await RunAsync(null, $"using RegressionProof; class C {{ [Fixes(\"{id}\")] void M() {{ }} }}"));

        Assert.Equal(
            $"The intake ID \"{new string('x', 120)}… (100000 characters)\" on 'C.M()' does not match the pattern '^[A-Z][A-Z0-9]*-[0-9]+\\z' (regression_proof.intake_id_pattern)",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Control_characters_in_a_configured_pattern_and_sprint_length_are_escaped_in_RP0010()
    {
        var options = TestAnalyzerOptions.Create(treeOptions: new Dictionary<string, string>
        {
            ["regression_proof.intake_id_pattern"] = "(\u001b[31m",
            ["regression_proof.sprint_days"] = "\0\u001b]0;owned\a",
        });
        var compilation = AnalyzerRunner.CreateCompilation("Hostile", ["using RegressionProof; class C { [Fixes(\"INTAKE-1\")] void M() { } }"]);

        var diagnostics = await AnalyzerRunner.RunAsync(compilation, [new InvalidConfigurationAnalyzer()], options);

        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.DoesNotContain(d.GetMessage(CultureInfo.InvariantCulture), c => MessageText.IsUnsafe(c)));
        Assert.Contains(diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).StartsWith("regression_proof.intake_id_pattern '(\\u001b[31m' is not a valid regular expression", System.StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).StartsWith("regression_proof.sprint_days '\\u0000\\u001b]0;owned\\u0007' is not", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Control_characters_in_a_broken_baseline_and_its_path_are_escaped_in_RP0010()
    {
        const string path = "/repo/\u001b[31m/coverage-manifest.json";
        var options = TestAnalyzerOptions.Create(
            new Dictionary<string, string> { ["build_property.RegressionProofBaseline"] = path },
            treeOptions: null,
            (path, "\u001b]0;owned\a"));
        var compilation = AnalyzerRunner.CreateCompilation("Hostile", ["using RegressionProof; class C { [Fixes(\"INTAKE-1\")] void M() { } }"]);

        var diagnostic = Assert.Single(await AnalyzerRunner.RunAsync(compilation, [new InvalidConfigurationAnalyzer()], options));

        Assert.Same(Descriptors.RP0010_InvalidBaseline, diagnostic.Descriptor);
        Assert.Equal(
            "The baseline '/repo/\\u001b[31m/coverage-manifest.json' (RegressionProofBaseline) is not valid at line 1, column 1: unexpected '\\u001b'; expected a value; card IDs are not checked (RP0007)",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Card_ids_quoted_by_every_other_rule_are_escaped_too()
    {
        // Each of these IDs also gets RP0002; here the other rules' messages are checked.
        const string source = """
            using RegressionProof;
            class C
            {
                [Fixes("A-1\u001b[2J")]
                [SyntheticProbe("A-1\u001b[2J")]
                [DashboardPanel("A-1\u001b[2J")]
                [ManualVerification("A-1\u001b[2J")]
                [RegressionFor("A-1\u001b[2J")]
                void M() { }
            }
            """;
        var options = TestAnalyzerOptions.Create(
            new Dictionary<string, string>
            {
                ["build_property.RegressionProofAggregate"] = "true",
                ["build_property.RegressionProofReleaseFile"] = "/repo/release.json",
            },
            treeOptions: null,
            ("/repo/release.json", "{ \"cards\": [ { \"id\": \"B-2\" } ] }"));
        var compilation = AnalyzerRunner.CreateCompilation("Hostile", [source]);

        var diagnostics = await AnalyzerRunner.RunAsync(compilation, RobustnessTests.AllAnalyzers(), options);

        Assert.Equal(
            ["RP0002", "RP0002", "RP0002", "RP0002", "RP0002", "RP0003", "RP0004", "RP0005", "RP0007", "RP0007", "RP0007", "RP0007", "RP0007", "RP0008"],
            diagnostics.Select(d => d.Id).Order(System.StringComparer.Ordinal));
        Assert.All(diagnostics, d =>
        {
            var message = d.GetMessage(CultureInfo.InvariantCulture);
            Assert.DoesNotContain(message, c => MessageText.IsUnsafe(c));
            Assert.Contains("A-1\\u001b[2J", message, System.StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Unpaired_surrogates_are_escaped_and_pairs_are_kept_and_never_cut()
    {
        Assert.Equal("\"a\\ud83db\"", MessageText.Quote("a\ud83db"));
        Assert.Equal("\"\U0001F600\"", MessageText.Quote("\U0001F600"));
        Assert.Equal("x\\ude00", MessageText.Escape("x\ude00"));

        var cut = MessageText.Quote(new string('x', MessageText.MaxLength - 1) + "\U0001F600" + "tail");
        Assert.Equal("\"" + new string('x', MessageText.MaxLength - 1) + "… (" + (MessageText.MaxLength + 5).ToString(CultureInfo.InvariantCulture) + " characters)\"", cut);
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string? pattern, string source)
    {
        var exceptions = new ConcurrentBag<System.Exception>();
        var options = TestAnalyzerOptions.Create(
            treeOptions: pattern is null ? null : new Dictionary<string, string> { ["regression_proof.intake_id_pattern"] = pattern });
        var compilation = AnalyzerRunner.CreateCompilation("Hostile", [source]);
        var withAnalyzers = compilation.WithAnalyzers(
            [new InvalidIntakeIdAnalyzer()],
            new CompilationWithAnalyzersOptions(options, (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));

        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    // The ID as a C# literal body: \uXXXX for everything that is not printable ASCII.
    private static string Escape(string id) =>
        string.Concat(id.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)));
}
