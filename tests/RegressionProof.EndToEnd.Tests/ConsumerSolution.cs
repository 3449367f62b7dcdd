using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace RegressionProof.EndToEnd.Tests;

/// <summary>
/// A throw-away solution in a temporary folder that references the packed RegressionProof package
/// from a local feed, as a user's solution does, and is built with the real <c>dotnet</c> CLI.
/// </summary>
internal sealed class ConsumerSolution : IDisposable
{
    private readonly PackedPackages _packages;

    public ConsumerSolution(PackedPackages packages)
    {
        _packages = packages;
        Root = Directory.CreateTempSubdirectory("regression-proof-e2e-").FullName;
        // A repository root, as a clone has: manifest paths are relative to it.
        Directory.CreateDirectory(Path.Combine(Root, ".git"));
        File.WriteAllText(Path.Combine(Root, ".git", "HEAD"), "ref: refs/heads/main\n");
        // Keep the consumer independent of any build settings above the temp folder.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="regression-proof-under-test" value="{packages.Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public string Root { get; }

    /// <summary>Writes the solution's root <c>.editorconfig</c>, under <c>[*.cs]</c>.</summary>
    public void SetEditorConfig(params string[] lines)
    {
        File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n\n[*.cs]\n" + string.Join("\n", lines) + "\n");
    }

    /// <summary>Writes a file relative to the solution's root folder.</summary>
    public void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Adds an SDK-style project that references the attributes and runs the analyzers.</summary>
    public void AddProject(string name, IEnumerable<string> packages, IEnumerable<string> projectReferences, IReadOnlyDictionary<string, string> sources, string extraProperties = "")
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        var project = new StringBuilder()
            .AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">")
            .AppendLine("  <PropertyGroup>")
            .AppendLine("    <TargetFramework>net10.0</TargetFramework>")
            .AppendLine("    <Nullable>enable</Nullable>")
            .AppendLine("    <ImplicitUsings>enable</ImplicitUsings>")
            .AppendLine(extraProperties)
            .AppendLine("  </PropertyGroup>")
            .AppendLine("  <ItemGroup>")
            .AppendLine($"    <PackageReference Include=\"RegressionProof\" Version=\"{_packages.Version}\" />");
        foreach (var package in packages)
        {
            var (id, version) = (package.Split('/')[0], package.Split('/')[1]);
            project.AppendLine($"    <PackageReference Include=\"{id}\" Version=\"{version}\" />");
        }

        foreach (var reference in projectReferences)
        {
            project.AppendLine($"    <ProjectReference Include=\"../{reference}/{reference}.csproj\" />");
        }

        project.AppendLine("  </ItemGroup>").AppendLine("</Project>");
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), project.ToString());
        foreach (var (file, text) in sources)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }
    }

    /// <summary>Builds one project (and what it references) and returns the exit code and the build output.</summary>
    public (int ExitCode, string Output) Build(string project, string extraArguments = "")
    {
        return DotnetCli.Run(Root, "dotnet", $"build {project}/{project}.csproj -nologo -clp:NoSummary {extraArguments}".TrimEnd());
    }

    /// <summary>Runs <c>dotnet test</c> on one project with .trx results in <paramref name="resultsFolder"/>.</summary>
    public (int ExitCode, string Output) Test(string project, string resultsFolder) =>
        DotnetCli.Run(Root, "dotnet", $"test {project}/{project}.csproj -nologo --logger trx --results-directory \"{resultsFolder}\"");

    /// <summary>Runs the installed gate in the solution's folder.</summary>
    public (int ExitCode, string Output) Gate(string arguments) => DotnetCli.Run(Root, _packages.GateTool, arguments);

    /// <summary>The distinct diagnostics of one ID in a build's output, as "file(line,col): message" lines.</summary>
    public static IReadOnlyList<string> Diagnostics(string output, string id) =>
        output.Split('\n').Where(line => line.Contains($" {id}:", StringComparison.Ordinal)).Select(line => line.Trim()).Distinct().ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
