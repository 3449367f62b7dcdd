using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Finds what to scan from the positional argument: a solution (.sln/.slnx), a project, or a folder
/// (its solution, else its projects, else the assemblies in it), and builds it unless told not to.
/// </summary>
internal static class Discovery
{
    /// <summary>The folder whose release.json and CHANGELOG.md are the defaults, and the projects in scope.</summary>
    internal sealed record Target(string Path, string Folder, IReadOnlyList<ProjectEntry> Projects, bool IsBuildable);

    public static Target Resolve(string path, string configuration)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
            var folder = System.IO.Path.GetDirectoryName(full)!;
            return extension switch
            {
                ".sln" or ".slnx" => new Target(full, folder, SolutionReader.Read(full, configuration), true),
                ".csproj" => new Target(full, folder, [new ProjectEntry(full, configuration, null, null)], true),
                _ => throw new InputException(path, "is not a solution (.sln, .slnx), a project (.csproj) or a folder"),
            };
        }

        if (!Directory.Exists(full))
        {
            throw new InputException(path, "does not exist; give a solution, a project or a folder");
        }

        var solutions = Directory.GetFiles(full, "*.sln").Concat(Directory.GetFiles(full, "*.slnx")).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (solutions.Count > 1)
        {
            throw new InputException(path, $"holds several solutions ({string.Join(", ", solutions.Select(System.IO.Path.GetFileName))}); name the one to gate");
        }

        if (solutions.Count == 1)
        {
            return Resolve(solutions[0], configuration);
        }

        var projects = Directory.EnumerateFiles(full, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new ProjectEntry(p, configuration, null, null))
            .ToList();
        return new Target(full, full, projects, false);
    }

    /// <summary>Runs <c>dotnet build</c> on the target; a failed build is unusable input.</summary>
    public static void Build(Target target, string configuration, TextWriter log)
    {
        if (target.Projects.Count == 0)
        {
            return; // a folder of built assemblies
        }

        foreach (var project in target.IsBuildable ? [target.Path] : target.Projects.Select(p => p.Path))
        {
            var result = DotnetCli.Run(["build", project, "-c", configuration, "-nologo"], target.Folder, project, "build it");
            if (result.ExitCode != 0)
            {
                WriteBuildOutput(log, result.Output + result.Error);
                throw new InputException(project, $"the build failed (dotnet build exited with {result.ExitCode}); fix the build, or pass --no-build to gate what is already built");
            }
        }
    }

    // The build's output quotes the user's code and file names: each line is shown as data, behind
    // a prefix, so none starts a workflow command (GitHub's "::") or carries "##[" / "##vso[".
    private static void WriteBuildOutput(TextWriter log, string output)
    {
        foreach (var line in output.Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                log.WriteLine("dotnet build | " + Model.Text.Printable(line.TrimEnd('\r')));
            }
        }
    }

    /// <summary>
    /// The assemblies to scan: for projects, the <c>TargetPath</c> MSBuild gives each project for the
    /// configuration being gated, every target framework (<see cref="ProjectOutputs"/> checks them);
    /// for a folder without projects, every .dll in it. Outputs of other configurations are left
    /// alone: a stale Debug build must not keep a proof alive that the Release build no longer has.
    /// </summary>
    public static DiscoveredAssemblies Assemblies(Target target, string configuration, bool checkFreshness)
    {
        if (target.Projects.Count == 0)
        {
            var files = Directory.EnumerateFiles(target.Folder, "*.dll", SearchOption.AllDirectories)
                .Where(p => !IsReferenceAssembly(p))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
            return new DiscoveredAssemblies(files, [], []);
        }

        var skipped = target.Projects.Where(p => p.SkipReason is not null).Select(p => $"{p.Path}: skipped, {p.SkipReason}").ToList();
        var evaluated = ProjectEvaluation.Evaluate(target.Projects.Where(p => p.SkipReason is null).ToList(), target.Folder, target.Path);
        var outputs = ProjectOutputs.Check(evaluated, target, checkFreshness, skipped);
        var assemblies = outputs.Select(o => o.Assembly).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (assemblies.Count == 0)
        {
            throw new InputException(target.Path, $"no project builds an assembly in the {configuration} configuration; there is nothing to gate");
        }

        return new DiscoveredAssemblies(assemblies, outputs, skipped);
    }

    internal static bool IsBuildOutput(string path) =>
        path.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    // Reference assemblies (obj/.../ref, bin/.../ref) are API-only copies: never gate them.
    private static bool IsReferenceAssembly(string path)
    {
        var separator = System.IO.Path.DirectorySeparatorChar;
        return path.Contains($"{separator}ref{separator}", StringComparison.Ordinal)
            || path.Contains($"{separator}refint{separator}", StringComparison.Ordinal)
            || path.Contains($"{separator}obj{separator}", StringComparison.Ordinal);
    }
}
