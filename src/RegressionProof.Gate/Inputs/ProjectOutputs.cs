using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Holds the projects' outputs to what a release may be decided on: every project of the solution
/// that builds an assembly has it built for the gated configuration, inside the repository, and
/// (under <c>--no-build</c>) not older than its sources. A project left out would take its fixes
/// out of the decision silently, and the release would pass without them.
/// </summary>
internal static class ProjectOutputs
{
    public static IReadOnlyList<ProjectOutput> Check(IReadOnlyList<ProjectEvaluation.Evaluated> evaluated, Discovery.Target target, bool checkFreshness, List<string> skipped)
    {
        var root = RepositoryRoot(target.Folder);
        var outputs = new List<ProjectOutput>();
        foreach (var project in evaluated)
        {
            if (project.Outputs.Count == 0)
            {
                skipped.Add($"{project.Project}: skipped, it builds no assembly (MSBuild gives it no TargetPath)");
                continue;
            }

            var configuration = project.Configuration;
            var newestSource = checkFreshness ? NewestSource(project.Project) : null;
            foreach (var output in project.Outputs)
            {
                var framework = output.TargetFramework.Length == 0 ? string.Empty : $", {output.TargetFramework}";
                if (!IsUnder(output.Assembly, root))
                {
                    throw new InputException(project.Project, $"its assembly ({configuration}{framework}) is {output.Assembly}, outside the repository {root}; the gate scans only what the repository builds (check AssemblyName and OutputPath)");
                }

                if (!File.Exists(output.Assembly))
                {
                    throw new InputException(project.Project, $"has no built assembly for the {configuration} configuration{framework}: {output.Assembly} does not exist; build it (dotnet build -c {configuration}), or run the gate without --no-build");
                }

                if (newestSource is not null && File.GetLastWriteTimeUtc(output.Assembly) < newestSource.Value.Time)
                {
                    throw new InputException(project.Project, $"the build is stale: {output.Assembly} ({configuration}{framework}) is older than {newestSource.Value.Path}; build it again (dotnet build -c {configuration}), or run the gate without --no-build so that it builds first");
                }

                outputs.Add(output);
            }
        }

        return outputs;
    }

    /// <summary>
    /// The newest of the project file and the .cs files under its folder, leaving out bin/, obj/ and
    /// the folders of other projects nested inside it.
    /// </summary>
    internal static (string Path, DateTime Time)? NewestSource(string project)
    {
        var newest = (Path: project, Time: File.GetLastWriteTimeUtc(project));
        var pending = new Stack<string>();
        pending.Push(Path.GetDirectoryName(project)!);
        var top = true;
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (!top && Directory.EnumerateFiles(folder, "*.*proj").Any())
            {
                continue;
            }

            top = false;
            foreach (var source in Directory.EnumerateFiles(folder, "*.cs"))
            {
                var time = File.GetLastWriteTimeUtc(source);
                if (time > newest.Time)
                {
                    newest = (source, time);
                }
            }

            foreach (var child in Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(child);
                if (name is not ("bin" or "obj") && !new DirectoryInfo(child).Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    pending.Push(child);
                }
            }
        }

        return newest;
    }

    /// <summary>The nearest folder above the gated one holding .git; without one, the gated folder itself.</summary>
    internal static string RepositoryRoot(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            var git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return current.FullName;
            }
        }

        return folder;
    }

    private static bool IsUnder(string path, string root)
    {
        var prefix = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(prefix, StringComparison.Ordinal);
    }
}
