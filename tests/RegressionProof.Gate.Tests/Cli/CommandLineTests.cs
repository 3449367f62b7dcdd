using System;
using System.IO;
using System.Reflection;
using RegressionProof.Gate.Cli;
using RegressionProof.Manifest.Tests;
using Xunit;

namespace RegressionProof.Gate.Tests.Cli;

/// <summary>The command line itself: version, suggestions, where --out goes, help and completion from one definition.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Version_prints_the_informational_version_of_the_tool()
    {
        var (exit, stdout, stderr) = Run("--version");

        Assert.Equal((0, string.Empty), (exit, stderr));
        var expected = typeof(GateCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(expected, stdout.TrimEnd());
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout);
    }

    [Theory]
    [InlineData("--no-buld", "unknown option --no-buld; did you mean --no-build? see --help")]
    [InlineData("--nobuild", "unknown option --nobuild; did you mean --no-build? see --help")]
    [InlineData("--relaese r.json", "unknown option --relaese; did you mean --release? see --help")]
    [InlineData("Shop.sln --test-result x", "unknown option --test-result; did you mean --test-results? see --help")]
    [InlineData("check --baseine b.json", "unknown option --baseine; did you mean --baseline? see --help")]
    [InlineData("--frobnicate", "unknown option --frobnicate; see --help")]
    [InlineData("check --out x", "unknown option --out; see --help")]
    public void A_near_miss_option_exits_2_naming_the_option_it_was_probably_meant_to_be(string args, string message)
    {
        var (exit, stdout, stderr) = Run(args.Split(' '));

        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.Equal("verify-regression-safety: " + message, stderr.TrimEnd());
    }

    [Theory]
    [InlineData("chek", "'chek' is neither a file nor a folder; did you mean the subcommand check? see --help")]
    [InlineData("int", "'int' is neither a file nor a folder; did you mean the subcommand init? see --help")]
    public void A_mistyped_subcommand_exits_2_naming_the_subcommand(string typed, string message)
    {
        var (exit, _, stderr) = Run(typed, "--no-build");

        Assert.Equal(2, exit);
        Assert.Equal("verify-regression-safety: " + message, stderr.TrimEnd());
    }

    [Fact]
    public void A_folder_named_like_a_subcommand_is_still_gated()
    {
        CliFixtures.BuildShop(Path.Combine(_folder.Path, "chek"), CliFixtures.ProvenManifest);
        _folder.Write("chek/release.json", CliFixtures.Release);
        _folder.Write("chek/CHANGELOG.md", "## [2.4.1]\n- INTAKE-1\n");

        Assert.Equal(0, Run("chek", "--no-build", "--as-of", "2026-11-24").Exit);
    }

    [Fact]
    public void A_relative_out_is_taken_from_the_current_directory_not_from_the_solutions_folder()
    {
        var app = Path.Combine(_folder.Path, "app");
        CliFixtures.BuildShop(app, CliFixtures.ProvenManifest);
        _folder.Write("app/release.json", CliFixtures.Release);
        _folder.Write("app/CHANGELOG.md", "## [2.4.1]\n- INTAKE-1\n");

        var (exit, _, stderr) = Run("app", "--no-build", "--as-of", "2026-11-24", "--out", "reports");

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.True(File.Exists(Path.Combine(_folder.Path, "reports", "release-log.md")));
        Assert.False(Directory.Exists(Path.Combine(app, "reports")));
    }

    [Fact]
    public void Help_lists_the_subcommands_and_says_where_relative_paths_are_taken_from()
    {
        var (exit, stdout, _) = Run("--help");

        Assert.Equal(0, exit);
        Assert.Matches(@"\n  init <solution\|project\|folder>\s+Start from nothing", stdout);
        Assert.Matches(@"\n  check <solution\|project\|folder>\s+Check a pull request", stdout);
        Assert.Contains("--version", stdout, StringComparison.Ordinal);
        Assert.Contains("is taken from the current directory", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_subcommand_has_its_own_help_with_only_its_options()
    {
        var (exit, stdout, _) = Run("check", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--test-results", stdout, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\n  --release ", stdout);
        Assert.Contains("It does not check", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Shell_completion_comes_from_the_same_definition()
    {
        var (exit, stdout, _) = Run("[suggest]", "--form");

        Assert.Equal(0, exit);
        Assert.Equal("--format", stdout.Trim());
    }

    [Fact]
    public void An_argument_starting_with_an_at_sign_is_a_path_not_a_response_file()
    {
        _folder.Write("@shop/notes.txt", "--frobnicate");

        var (exit, _, stderr) = Run("@shop/notes.txt", "--no-build");

        Assert.Equal(2, exit);
        Assert.Contains("@shop/notes.txt", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown option", stderr, StringComparison.Ordinal);
    }

    private (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = GateCommand.Run(args, stdout, stderr, _folder.Path);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
