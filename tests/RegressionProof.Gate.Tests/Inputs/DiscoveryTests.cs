using System;
using System.IO;
using System.Linq;
using RegressionProof.Gate.Inputs;
using Xunit;

namespace RegressionProof.Gate.Tests.Inputs;

/// <summary>
/// Which assemblies the gate scans for a solution or project: those MSBuild says the projects
/// build, every one of them present, fresh and inside the repository, or the gate stops with exit 2.
/// </summary>
public sealed class DiscoveryTests : IClassFixture<BuiltSolution>, IDisposable
{
    private readonly BuiltSolution _solution;
    private readonly TempFolder _folder = new();

    public DiscoveryTests(BuiltSolution solution) => _solution = solution;

    [Fact]
    public void Each_project_contributes_the_assembly_msbuild_builds_for_every_target_framework()
    {
        var discovered = Discover(_solution.Slnx);

        Assert.Equal(
            new[]
            {
                "artifacts/bin/Art/release/Art.dll",
                "multi/bin/Release/net10.0/Multi.dll",
                "multi/bin/Release/netstandard2.0/Multi.dll",
                "out/custom/netstandard2.0/Custom.dll",
                "plain/bin/Release/netstandard2.0/Shop.Pricing.dll",
            }.Select(_solution.PathOf),
            discovered.Files);
    }

    [Fact]
    public void Each_output_says_whether_its_project_is_a_test_project()
    {
        var discovered = Discover(_solution.Slnx);

        Assert.Equal(["Multi.dll", "Multi.dll"], discovered.Outputs.Where(o => o.IsTestProject).Select(o => Path.GetFileName(o.Assembly)));
        Assert.Equal(3, discovered.Outputs.Count(o => !o.IsTestProject));
    }

    [Fact]
    public void Projects_that_build_no_assembly_or_that_the_solution_does_not_build_are_skipped_with_the_reason()
    {
        var discovered = Discover(_solution.Slnx);

        Assert.Equal(2, discovered.Skipped.Count);
        Assert.Contains(discovered.Skipped, s => s.StartsWith(_solution.PathOf("docs/Docs.csproj") + ": skipped, it builds no assembly", StringComparison.Ordinal));
        Assert.Contains(discovered.Skipped, s => s.StartsWith(_solution.PathOf("fabric/App.sfproj") + ": skipped, the solution does not build it in its Release", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sln_and_an_slnx_listing_the_same_projects_give_the_same_projects()
    {
        var sln = _folder.Write("Shop.sln", SlnFor(_solution.Folder, "plain/Plain.csproj", "multi/Multi.csproj"));
        var slnx = _folder.Write("Shop.slnx", $"<Solution><Project Path=\"{_solution.PathOf("plain/Plain.csproj")}\" /><Project Path=\"{_solution.PathOf("multi/Multi.csproj")}\" /></Solution>");

        var fromSln = SolutionReader.Read(sln, "Release");
        var fromSlnx = SolutionReader.Read(slnx, "Release");

        Assert.Equal([_solution.PathOf("multi/Multi.csproj"), _solution.PathOf("plain/Plain.csproj")], fromSln.Select(p => p.Path));
        Assert.Equal(fromSln, fromSlnx);
    }

    [Fact]
    public void A_project_the_solution_builds_in_another_configuration_is_looked_for_in_that_one()
    {
        var sln = _solution.PathOf("Mapped.sln");
        File.WriteAllText(sln, SlnFor(_solution.Folder, "plain/Plain.csproj")
            .Replace("ActiveCfg = Release|Any CPU", "ActiveCfg = Debug|Any CPU", StringComparison.Ordinal)
            .Replace("Build.0 = Release|Any CPU", "Build.0 = Debug|Any CPU", StringComparison.Ordinal));

        var exception = Assert.Throws<InputException>(() => Discover(sln));

        Assert.Equal(_solution.PathOf("plain/Plain.csproj"), exception.File);
        Assert.Contains("has no built assembly for the Debug configuration", exception.Message, StringComparison.Ordinal);
        Assert.Contains(_solution.PathOf("plain/bin/Debug/netstandard2.0/Shop.Pricing.dll"), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_slnx_is_unusable_input_naming_the_file_and_line()
    {
        var slnx = _folder.Write("Shop.slnx", "<Solution>\n  <Project Path=\"a.csproj\"\n</Solution>");

        var exception = Assert.Throws<InputException>(() => Discovery.Resolve(slnx, "Release"));

        Assert.Equal(slnx, exception.File);
        Assert.NotNull(exception.Line);
    }

    [Fact]
    public void A_project_of_the_solution_without_a_built_assembly_is_an_error_naming_the_project_and_the_configuration()
    {
        var project = _folder.Write("Unbuilt/Unbuilt.csproj", BuiltSolution.Project("<TargetFramework>netstandard2.0</TargetFramework>"));

        var exception = Assert.Throws<InputException>(() => Discover(project));

        Assert.Equal(project, exception.File);
        Assert.Contains("has no built assembly for the Release configuration, netstandard2.0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Through_the_command_line_a_project_without_its_assembly_is_exit_2_with_one_message_and_no_stack_trace()
    {
        var project = _folder.Write("Unbuilt/Unbuilt.csproj", BuiltSolution.Project("<TargetFramework>netstandard2.0</TargetFramework>"));
        _folder.Write("Unbuilt/release.json", "{\"version\": \"1.0.0\", \"class\": \"patch\", \"cards\": []}");
        _folder.Write("Unbuilt/CHANGELOG.md", "## [1.0.0]\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = Gate.Cli.GateCommand.Run([project, "--no-build", "-c", "Release"], stdout, stderr, _folder.Path);

        Assert.Equal(2, exit);
        Assert.StartsWith($"verify-regression-safety: {project}: has no built assembly for the Release configuration", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Under_no_build_an_assembly_older_than_a_source_of_its_project_is_a_stale_build()
    {
        var project = _folder.Write("Stale/Stale.csproj", BuiltSolution.Project("<TargetFramework>netstandard2.0</TargetFramework>"));
        var assembly = _folder.Write("Stale/bin/Release/netstandard2.0/Stale.dll", "not scanned here");
        var source = _folder.Write("Stale/Pricing.cs", "class Pricing { }");
        _folder.Write("Stale/obj/Generated.cs", "class Generated { }");
        File.SetLastWriteTimeUtc(project, DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(assembly, DateTime.UtcNow.AddHours(-1));

        var exception = Assert.Throws<InputException>(() => Discover(project, checkFreshness: true));
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddHours(-3));
        var fresh = Discover(project, checkFreshness: true);

        Assert.Equal(project, exception.File);
        Assert.Contains("the build is stale", exception.Message, StringComparison.Ordinal);
        Assert.Contains(source, exception.Message, StringComparison.Ordinal);
        Assert.Equal([assembly], fresh.Files);
    }

    [Fact]
    public void A_source_newer_than_the_assembly_does_not_count_when_the_gate_built_it_itself()
    {
        var project = _folder.Write("Built/Built.csproj", BuiltSolution.Project("<TargetFramework>netstandard2.0</TargetFramework>"));
        var assembly = _folder.Write("Built/bin/Release/netstandard2.0/Built.dll", "not scanned here");
        File.SetLastWriteTimeUtc(assembly, DateTime.UtcNow.AddHours(-1));
        _folder.Write("Built/Excluded.cs", "// not compiled, and newer");

        Assert.Equal([assembly], Discover(project, checkFreshness: false).Files);
    }

    [Fact]
    public void An_assembly_name_that_climbs_out_of_the_repository_is_an_error_naming_the_project()
    {
        var project = _folder.Write("Evil/Evil.csproj", BuiltSolution.Project("<TargetFramework>netstandard2.0</TargetFramework><AssemblyName>../../../../elsewhere/Evil</AssemblyName>"));

        var exception = Assert.Throws<InputException>(() => Discover(project));

        Assert.Equal(project, exception.File);
        Assert.Contains("outside the repository", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_file_name_holding_quotes_and_switches_reaches_dotnet_build_as_one_path_not_as_switches()
    {
        // MSBuild cannot open a project whose name holds a quote, so the build fails; what matters is
        // that the name stayed one argument: no -bl switch was smuggled in and no binary log written.
        const string name = "x.csproj\" -bl:INJECTED.binlog -p:\"a=.csproj";
        var project = _folder.Write(Path.Combine("hostile", name), BuiltSolution.Project("<TargetFramework>netstandard2.0</TargetFramework>"));
        var target = Discovery.Resolve(Path.Combine(_folder.Path, "hostile"), "Release");

        var exception = Assert.Throws<InputException>(() => Discovery.Build(target, "Release", TextWriter.Null));

        Assert.Equal(project, exception.File);
        Assert.Contains("the build failed", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.Path, "INJECTED.binlog", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "INJECTED.binlog")));
    }

    [Fact]
    public void A_failed_build_s_output_is_shown_as_data_no_line_starting_a_workflow_command()
    {
        // The compiler quotes the user's text back: "#error" makes it print whatever the code says.
        _folder.Write("loud/Loud.csproj", BuiltSolution.Project("<TargetFramework>netstandard2.0</TargetFramework>"));
        _folder.Write("loud/Loud.cs", "#error ##vso[task.setvariable variable=X]1 ##[error]Y\n::error file=x.cs::INJECTED\n");
        var target = Discovery.Resolve(Path.Combine(_folder.Path, "loud"), "Release");
        var log = new StringWriter();

        Assert.Throws<InputException>(() => Discovery.Build(target, "Release", log));

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.Contains("CS1029", StringComparison.Ordinal));
        Assert.All(lines, line =>
        {
            Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), line);
            Assert.DoesNotContain("##vso[", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("##[", line, StringComparison.Ordinal);
        });
    }

    public void Dispose() => _folder.Dispose();

    private static DiscoveredAssemblies Discover(string path, bool checkFreshness = true) =>
        Discovery.Assemblies(Discovery.Resolve(path, "Release"), "Release", checkFreshness);

    private static string SlnFor(string folder, params string[] projects)
    {
        var ids = projects.Select((_, i) => $"{{1111111{i}-1111-1111-1111-111111111111}}").ToList();
        var body = string.Concat(projects.Select((p, i) =>
            $"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{Path.GetFileNameWithoutExtension(p)}\", \"{Path.Combine(folder, p)}\", \"{ids[i]}\"\nEndProject\n"));
        var configurations = string.Concat(ids.Select(id => $"\t\t{id}.Release|Any CPU.ActiveCfg = Release|Any CPU\n\t\t{id}.Release|Any CPU.Build.0 = Release|Any CPU\n"));
        return "Microsoft Visual Studio Solution File, Format Version 12.00\n" + body
            + "Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tRelease|Any CPU = Release|Any CPU\n\tEndGlobalSection\n"
            + "\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n" + configurations + "\tEndGlobalSection\nEndGlobal\n";
    }
}
