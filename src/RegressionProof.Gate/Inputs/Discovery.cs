using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RegressionProof.Gate.Inputs;

/// <summary>
/// Finds what to scan from the positional argument: a solution (.sln/.slnx), a project, or a folder
/// (its solution, else its projects, else the assemblies in it), and builds it unless told not to.
/// </summary>
internal static partial class Discovery
{
    /// <summary>The folder whose release.json and CHANGELOG.md are the defaults, and the projects in scope.</summary>
    internal sealed record Target(string Path, string Folder, IReadOnlyList<string> Projects, bool IsBuildable);

    public static Target Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
            var folder = System.IO.Path.GetDirectoryName(full)!;
            return extension switch
            {
                ".sln" => new Target(full, folder, SolutionProjects(full), true),
                ".slnx" => new Target(full, folder, SolutionXProjects(full), true),
                ".csproj" => new Target(full, folder, [full], true),
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
            return Resolve(solutions[0]);
        }

        var projects = Directory.EnumerateFiles(full, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .OrderBy(p => p, StringComparer.Ordinal)
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

        var buildPath = target.IsBuildable ? target.Path : null;
        foreach (var project in buildPath is null ? target.Projects : [buildPath])
        {
            var start = new ProcessStartInfo("dotnet", $"build \"{project}\" -c {configuration} -nologo")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = target.Folder,
            };
            using var process = Process.Start(start) ?? throw new InputException(project, "dotnet could not be started to build it");
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                log.Write(output.ToString());
                throw new InputException(project, $"the build failed (dotnet build exited with {process.ExitCode}); fix the build, or pass --no-build to gate what is already built");
            }
        }
    }

    /// <summary>
    /// The assemblies to scan: each project's own output for the configuration being gated
    /// (<c>bin/&lt;Configuration&gt;/**/AssemblyName.dll</c>, every target framework); for a folder
    /// without projects, every .dll in it. Outputs of other configurations are left alone: a stale
    /// Debug build must not keep a proof alive that the Release build no longer has.
    /// </summary>
    public static IReadOnlyList<string> Assemblies(Target target, string configuration)
    {
        if (target.Projects.Count == 0)
        {
            return Directory.EnumerateFiles(target.Folder, "*.dll", SearchOption.AllDirectories)
                .Where(p => !IsReferenceAssembly(p))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
        }

        var assemblies = new List<string>();
        foreach (var project in target.Projects)
        {
            var bin = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(project)!, "bin", configuration);
            if (!Directory.Exists(bin))
            {
                continue;
            }

            var name = AssemblyName(project) + ".dll";
            assemblies.AddRange(Directory.EnumerateFiles(bin, name, SearchOption.AllDirectories).Where(p => !IsReferenceAssembly(p)));
        }

        if (assemblies.Count == 0)
        {
            throw new InputException(target.Path, $"no project has built assemblies for the {configuration} configuration; build it, or name the configuration with -c");
        }

        return assemblies.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    private static string AssemblyName(string project)
    {
        try
        {
            var declared = XDocument.Load(project).Descendants().FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim();
            if (!string.IsNullOrEmpty(declared) && !declared.Contains("$(", StringComparison.Ordinal))
            {
                return declared;
            }
        }
        catch (System.Xml.XmlException exception)
        {
            throw new InputException(project, "the project file is not valid XML: " + exception.Message, exception.LineNumber, exception.LinePosition);
        }

        return System.IO.Path.GetFileNameWithoutExtension(project);
    }

    private static IReadOnlyList<string> SolutionProjects(string solution)
    {
        var folder = System.IO.Path.GetDirectoryName(solution)!;
        return TextFile.Read(solution, "solution").Split('\n')
            .Select(line => SolutionProject().Match(line))
            .Where(match => match.Success)
            .Select(match => System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, match.Groups["path"].Value.Replace('\\', System.IO.Path.DirectorySeparatorChar))))
            .Where(path => path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
    }

    private static IReadOnlyList<string> SolutionXProjects(string solution)
    {
        var folder = System.IO.Path.GetDirectoryName(solution)!;
        try
        {
            return XDocument.Parse(TextFile.Read(solution, "solution")).Descendants()
                .Where(e => e.Name.LocalName == "Project" && e.Attribute("Path") is not null)
                .Select(e => System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, e.Attribute("Path")!.Value.Replace('\\', System.IO.Path.DirectorySeparatorChar))))
                .Where(path => path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToList();
        }
        catch (System.Xml.XmlException exception)
        {
            throw new InputException(solution, "the solution file is not valid XML: " + exception.Message, exception.LineNumber, exception.LinePosition);
        }
    }

    private static bool IsBuildOutput(string path) =>
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

    [GeneratedRegex("^Project\\(\"\\{[^}]+\\}\"\\)\\s*=\\s*\"[^\"]*\",\\s*\"(?<path>[^\"]+)\"")]
    private static partial Regex SolutionProject();
}
